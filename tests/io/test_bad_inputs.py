"""Hostile or broken files give ImportFormatError with a clear message, files untouched."""

from __future__ import annotations

import pytest

from explorer.io import ImportFormatError, import_graph

CASES = [
    ("billion_laughs.gexf", "refused for safety"),
    ("xxe.graphml", "refused for safety"),
    ("xxe.gexf", "refused for safety"),
    ("truncated.gexf", "truncated"),
    ("truncated.graphml", "truncated"),
    ("wrong_columns.csv", "columns are: name, country, year"),
    ("latin1_nodes.csv", "not UTF-8"),
    ("empty.gexf", "empty"),
    ("empty.graphml", "empty"),
    ("empty.csv", "empty"),
    ("empty.json", "empty"),
    ("blank.json", "empty"),
    ("not_nodelink.json", "not node-link"),
    ("not_nodelink_object.json", "not node-link"),
    ("deeply_nested.json", "nested too deeply"),
    ("not_gexf.gexf", "not a GEXF file"),
    ("missing_target.csv", "Target column is empty"),
]


@pytest.mark.parametrize(("name", "expected"), CASES)
def test_bad_file(bad_dir, name, expected):
    path = bad_dir / name
    before = path.read_bytes()
    with pytest.raises(ImportFormatError) as info:
        import_graph(path)
    message = str(info.value)
    assert message.startswith(name), message
    assert expected in message, message
    assert path.read_bytes() == before


def test_messages_name_lines(bad_dir):
    with pytest.raises(ImportFormatError, match=r"^latin1_nodes\.csv, line 3: "):
        import_graph(bad_dir / "latin1_nodes.csv")
    with pytest.raises(ImportFormatError, match=r"^missing_target\.csv, line 3: "):
        import_graph(bad_dir / "missing_target.csv")
    with pytest.raises(ImportFormatError, match=r"^truncated\.gexf, line \d+: "):
        import_graph(bad_dir / "truncated.gexf")


def test_graphml_as_gexf_is_refused(interop_file):
    with pytest.raises(ImportFormatError, match="not a GEXF file"):
        import_graph(interop_file("airlines.graphml"), "gexf")
    with pytest.raises(ImportFormatError, match="not a GraphML file"):
        import_graph(interop_file("dynamics_gexfnet.gexf"), "graphml")


def test_unknown_extension_and_missing_file(tmp_path):
    with pytest.raises(ImportFormatError, match="unknown file type"):
        import_graph(tmp_path / "x.docx")
    with pytest.raises(ImportFormatError, match="cannot open"):
        import_graph(tmp_path / "missing.gexf")
    with pytest.raises(ImportFormatError, match="does not exist"):
        import_graph(tmp_path / "missing.csv")


def test_oversized_file_refused(tmp_path, monkeypatch, interop_file):
    monkeypatch.setattr("explorer.io.common.MAX_FILE_BYTES", 1000)
    with pytest.raises(ImportFormatError, match="over the import limit"):
        import_graph(interop_file("lesmiserables_gephi081.gexf"))


def test_progress_reported(interop_file, monkeypatch):
    monkeypatch.setattr("explorer.io.common.PROGRESS_STEP", 10_000)
    calls: list[tuple[int, int]] = []
    import_graph(interop_file("airlines.graphml"), progress=lambda d, t: calls.append((d, t)))
    assert len(calls) > 3
    assert calls[-1][0] == calls[-1][1]  # reading and mapping share one bar, ending full
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_gexf_progress_moves_forward_through_parsing_and_mapping(tmp_path, monkeypatch):
    monkeypatch.setattr("explorer.io.common.PROGRESS_STEP", 2_000)
    monkeypatch.setattr("explorer.io.mapping.PROGRESS_RECORDS", 50)  # nodes
    monkeypatch.setattr("explorer.io.mapping_edges.PROGRESS_RECORDS", 50)  # edges
    gexf = tmp_path / "chain.gexf"
    nodes = "".join(f'<node id="n{i}" label="N{i}"/>' for i in range(400))
    edges = "".join(f'<edge source="n{i}" target="n{i + 1}"/>' for i in range(399))
    gexf.write_text('<gexf xmlns="http://gexf.net/1.3"><graph><nodes>' + nodes +
                    "</nodes><edges>" + edges + "</edges></graph></gexf>")
    calls: list[tuple[int, int]] = []
    import_graph(gexf, progress=lambda d, t: calls.append((d, t)))
    done = [d for d, _ in calls]
    assert len(calls) > 10
    assert done == sorted(done)
    assert calls[-1][0] == calls[-1][1]
    # the mapping stage reports too: values between parsing's end and the finish
    assert any(0.6 * t < d < t for d, t in calls)
