"""export_graph → import_graph gives the document back, per format."""

from __future__ import annotations

import json
from collections import Counter

import networkx as nx
import pytest

from explorer.io import export_graph, import_graph
from explorer.model.entities import Document
from explorer.model.validation import validate_document

POSITIONS = {"USA": (1.5, -2.25), "TUR": (0.1, 3e-7), "NATO": (10.0, 20.0)}
COLORS = {"USA": "#1f77b4", "HEZ": "#D62728"}


def _actors(doc: Document) -> dict:
    return {
        a.id: (a.name, a.kind, a.regions, a.notes, a.source,
               sorted((c.metric, c.value, c.year, c.source) for c in a.capabilities))
        for a in doc.actors.values()
    }


def _memberships(doc: Document) -> Counter:
    return Counter((m.alliance, m.actor, m.role, m.joined, m.left, m.source, m.notes)
                   for m in doc.memberships.values())


def _ties(doc: Document) -> Counter:
    return Counter((t.a, t.b, t.sign, t.kind, t.start, t.end, t.source, t.notes)
                   for t in doc.ties.values())


def _assert_same(got: Document, want: Document) -> None:
    assert _actors(got) == _actors(want)
    assert got.alliances == want.alliances
    assert _memberships(got) == _memberships(want)
    assert _ties(got) == _ties(want)


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json", "csv"])
def test_round_trip(tmp_path, sample, fmt):
    assert validate_document(sample) == []
    path = tmp_path / f"out.{fmt}"
    export_graph(sample, path, fmt, positions=POSITIONS, colors=COLORS)
    result = import_graph(path, fmt)
    _assert_same(result.document, sample)
    assert validate_document(result.document) == []
    assert result.positions == POSITIONS
    assert result.colors == {k: v.lower() for k, v in COLORS.items()}
    if fmt != "csv":  # CSV has no place for the title
        assert result.document.title == sample.title
    assert result.warnings == []


def test_csv_writes_gephi_tables(tmp_path, sample):
    export_graph(sample, tmp_path / "hub.csv", "csv")
    nodes = (tmp_path / "hub_nodes.csv").read_text(encoding="utf-8").splitlines()
    edges = (tmp_path / "hub_edges.csv").read_text(encoding="utf-8").splitlines()
    assert nodes[0].startswith("Id,Label,node_type")
    assert edges[0].startswith("Source,Target,Type,Id,edge_type")
    assert not (tmp_path / "hub.csv").exists()
    # both tables found from either one of them
    for start in ("hub_nodes.csv", "hub_edges.csv"):
        _assert_same(import_graph(tmp_path / start).document, sample)


def test_empty_document_round_trips(tmp_path):
    for fmt in ("gexf", "graphml", "json", "csv"):
        export_graph(Document(title="Empty"), tmp_path / f"e.{fmt}", fmt)
        doc = import_graph(tmp_path / f"e.{fmt}", fmt).document
        assert not doc.actors and not doc.ties and not doc.memberships


def test_gexf_is_dynamic_with_dated_edges(tmp_path, sample):
    path = tmp_path / "dyn.gexf"
    export_graph(sample, path, "gexf")
    text = path.read_text(encoding="utf-8")
    assert 'mode="dynamic" timeformat="date"' in text
    assert 'start="1955-02-24" end="1979-03-15"' in text
    # a plain networkx reader accepts our file
    graph = nx.read_gexf(path)
    assert graph.number_of_nodes() == len(sample.actors) + len(sample.alliances)


def test_exports_readable_by_networkx(tmp_path, sample):
    export_graph(sample, tmp_path / "a.graphml", "graphml", positions=POSITIONS)
    g = nx.read_graphml(tmp_path / "a.graphml")
    assert g.nodes["USA"]["node_type"] == "actor"
    assert g.nodes["USA"]["x"] == 1.5
    assert g.nodes["USA"]["milex_usd_bn"] == 916.0149
    export_graph(sample, tmp_path / "a.json", "json")
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    g = nx.node_link_graph(data, edges="links")
    assert g.number_of_edges() == len(sample.memberships) + len(sample.ties)


def test_export_is_atomic(tmp_path, sample, monkeypatch):
    path = tmp_path / "keep.gexf"
    path.write_bytes(b"old content")

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("explorer.io.gexf.fmt_number", boom)
    with pytest.raises(RuntimeError):
        export_graph(sample, path, "gexf")
    assert path.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.gexf"]


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json", "csv"])
def test_signature_dates_round_trip(tmp_path, sample, fmt):
    """``signed`` (signature before entry into force) is written and read back."""
    from dataclasses import replace

    sample.alliances["NATO"] = replace(sample.alliances["NATO"], founded="1949-08-24",
                                       signed="1949-04-04")
    sample.memberships[1] = replace(sample.memberships[1], joined="1949-08-24",
                                    signed="1949-04-04")
    sample.ties[1] = replace(sample.ties[1], signed="1947-05-01")
    assert validate_document(sample) == []
    path = tmp_path / f"signed.{fmt}"
    export_graph(sample, path, fmt)
    result = import_graph(path, fmt)
    got = result.document
    assert got.alliances["NATO"].signed == "1949-04-04"
    assert sorted(m.signed for m in got.memberships.values() if m.signed) == ["1949-04-04"]
    assert sorted(t.signed for t in got.ties.values() if t.signed) == ["1947-05-01"]
    # our own column is a field of the model, not kept again as an extra attribute
    assert "signed" not in got.extras.types
    assert result.warnings == []
