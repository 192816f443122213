"""Importer fuzzing for the reliability harness: mutated real files through every importer.

Each case takes a real file (the Gephi, yEd, igraph and d3 files of ``shared/interop``,
our own exports, the COW/ATOP samples), damages it (byte flips, cuts, insertions of
huge numbers, deep nesting, long strings, non-UTF-8 bytes, SQL-looking names) and
imports it. Only ``ImportFormatError`` may escape, the file must be left as it was,
and the process's peak memory is reported so a runaway parser shows.
"""

from __future__ import annotations

import random
import resource
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from explorer.io import ImportFormatError, export_graph, import_graph
from explorer.io.cow_atop import import_atop_members, import_cow_members
from explorer.synthetic import synthetic_document

REPO = Path(__file__).resolve().parent.parent
INTEROP = REPO.parent / "shared" / "interop"
SAMPLES = REPO / "tests" / "io" / "data"

#: Damage that a plain byte flip rarely produces but real bad files contain.
NASTY = (
    b"9" * 400,                                  # a huge number
    b"-1e308",
    b"[" * 5000,                                 # deep JSON nesting
    b"<a>" * 5000,                               # deep XML nesting
    b"x" * 100_000,                              # a long string
    b"\xff\xfe\x80\xc3(",                        # not UTF-8
    b"'); DROP TABLE actors;--",                 # SQL-looking name
    b"<!DOCTYPE d [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>",
    b"\x00\x00\x00",
    b'","',
)


def _importers(workdir: Path) -> list[tuple[str, Path, Callable[[Path], object]]]:
    """(label, original file, import function) for every format we read."""
    cases: list[tuple[str, Path, Callable[[Path], object]]] = []
    interop = [
        ("dynamics_gexfnet.gexf", "gexf"),
        ("miserables_gephi09.gexf", "gexf"),
        ("graphml_primer_attributes.graphml", "graphml"),
        ("yed3143_gml.graphml", "graphml"),
        ("miserables_vega.json", "json"),
        ("phedre_edges.csv", "csv"),
        ("phedre_nodes.csv", "csv"),
    ]
    for name, fmt in interop:
        path = INTEROP / name
        if path.is_file():
            cases.append((f"{name} ({fmt})", path, lambda p, f=fmt: import_graph(p, f)))
    doc = synthetic_document(40, 6, seed=3)
    for fmt in ("gexf", "graphml", "json"):
        ours = workdir / f"ours.{fmt}"
        export_graph(doc, ours, fmt)
        cases.append((f"our {fmt} export", ours, lambda p, f=fmt: import_graph(p, f)))
    cow = SAMPLES / "alliance_v4.1_by_member.csv"
    atop = SAMPLES / "atop5_1m.csv"
    if cow.is_file():
        cases.append(("COW v4.1 members (cow)", cow, import_cow_members))
    if atop.is_file():
        cases.append(("ATOP 5.1 members (atop)", atop, import_atop_members))
    return cases


def _mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        if not buf:
            break
        i = rng.randrange(len(buf))
        op = rng.random()
        if op < 0.3:
            buf[i] ^= rng.randrange(1, 256)
        elif op < 0.45:
            del buf[i : i + rng.randint(1, 64)]
        elif op < 0.55:
            del buf[i:]
        elif op < 0.85:
            buf[i:i] = rng.choice(NASTY)
        else:
            buf[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return bytes(buf)


def peak_rss_mb() -> float:
    """The process's peak resident memory so far (Linux reports ru_maxrss in kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fuzz_imports(examples: int, seed: int | None, bound_mb: float) -> int:
    """Run ``examples`` damaged files per importer case; 0 when every one was handled."""
    seed = seed if seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    outcomes: Counter[str] = Counter()
    failures = 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="sbx-fuzz-import-") as tmp:
        workdir = Path(tmp)
        cases = _importers(workdir)
        rss_start = peak_rss_mb()
        for label, original, run in cases:
            source = original.read_bytes()
            target = workdir / f"damaged{original.suffix}"
            for _ in range(examples):
                data = _mutate(source, rng)
                target.write_bytes(data)
                try:
                    run(target)
                    outcomes["imported"] += 1
                except ImportFormatError:
                    outcomes["refused"] += 1
                except Exception:  # noqa: BLE001 (any other escape is the bug we hunt)
                    failures += 1
                    print(f"fuzz-import: {label}: unexpected error (seed {seed}):")
                    traceback.print_exc()
                if target.read_bytes() != data:
                    failures += 1
                    print(f"fuzz-import: {label}: the importer changed the file")
        growth = peak_rss_mb() - rss_start
    total = sum(outcomes.values()) + failures
    print(
        f"fuzz-import: {total} damaged files through {len(cases)} importer cases in "
        f"{time.monotonic() - started:.1f} s (seed {seed}): {outcomes['refused']} refused "
        f"with ImportFormatError, {outcomes['imported']} imported, {failures} failures"
    )
    print(f"fuzz-import: peak RSS grew by {growth:.1f} MB (bound {bound_mb} MB)")
    return 1 if failures or growth > bound_mb else 0
