"""Mutated bytes of real files: only ImportFormatError may escape the importers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.io import ImportFormatError, import_graph

#: Examples per file; raise it (FUZZ_EXAMPLES=2000) for a longer hunt.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))

FILES = [
    ("dynamics_gexfnet.gexf", "gexf"),
    ("graphml_primer_attributes.graphml", "graphml"),
    ("yed3143_gml.graphml", "graphml"),
    ("miserables_gephi09.gexf", "gexf"),
    ("miserables_vega.json", "json"),
    ("phedre_edges.csv", "csv"),
    ("phedre_nodes.csv", "csv"),
]

mutations = st.lists(
    st.tuples(
        st.sampled_from(["flip", "delete", "insert", "truncate"]),
        st.floats(0, 1, exclude_max=True),
        st.binary(min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=6,
)


def _mutate(data: bytes, ops: list[tuple[str, float, bytes]]) -> bytes:
    buf = bytearray(data)
    for op, where, blob in ops:
        if not buf:
            break
        i = int(where * len(buf))
        if op == "flip":
            buf[i] ^= blob[0] or 0xFF
        elif op == "delete":
            del buf[i : i + len(blob) * 4]
        elif op == "insert":
            buf[i:i] = blob
        else:
            del buf[i:]
    return bytes(buf)


@pytest.mark.parametrize(("name", "fmt"), FILES)
def test_mutated_files(name, fmt, interop_file, tmp_path_factory):
    original = interop_file(name).read_bytes()
    folder: Path = tmp_path_factory.mktemp("fuzz")
    target = folder / name

    @settings(max_examples=EXAMPLES, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(mutations)
    def run(ops):
        data = _mutate(original, ops)
        target.write_bytes(data)
        try:
            import_graph(target, fmt)
        except ImportFormatError as exc:
            assert str(exc).startswith(name)
        assert target.read_bytes() == data

    run()


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json", "csv"])
def test_mutated_exports(fmt, sample, tmp_path_factory):
    from explorer.io import export_graph

    folder: Path = tmp_path_factory.mktemp("fuzz_export")
    export_graph(sample, folder / f"hub.{fmt}", fmt)
    name = "hub_edges.csv" if fmt == "csv" else f"hub.{fmt}"
    original = (folder / name).read_bytes()
    target = folder / f"m_{name}"

    @settings(max_examples=EXAMPLES, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(mutations)
    def run(ops):
        data = _mutate(original, ops)
        target.write_bytes(data)
        try:
            import_graph(target, fmt)
        except ImportFormatError as exc:
            # one line naming the file, like the real files' fuzzing above
            assert str(exc).startswith(target.name) and "\n" not in str(exc).strip()
        assert target.read_bytes() == data

    run()
