"""What comes in goes back out: every real file in shared/interop, imported, exported as
GEXF, GraphML, Gephi JSON and Cytoscape JSON, and imported again, keeps its node and edge
counts, positions, colours, sizes, weights, direction and attributes."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from explorer.io import export_graph, import_with_format
from explorer.io.hub import hub_node_ids, positions_for_export
from explorer.model.node_key import actor_key

INTEROP = Path(__file__).resolve().parents[2].parent / "shared" / "interop"
FILES = sorted(p.name for p in INTEROP.glob("*") if p.suffix in (".gexf", ".graphml",
                                                                  ".json", ".csv")
               and p.name != "phedre_nodes.csv")
OUT_FORMATS = ("gexf", "graphml", "gephi-json", "cyjs", "json", "csv")
SUFFIX = {"gexf": ".gexf", "graphml": ".graphml", "gephi-json": ".json", "cyjs": ".cyjs",
          "json": ".json", "csv": ".csv"}


def _summary(result):
    doc = result.document
    extras = doc.extras
    names = {k: a.name for k, a in doc.actors.items()}
    by_name = lambda key: names.get(key.split(":", 1)[1], key)  # noqa: E731
    styles = {by_name(k): (s.color, s.size) for k, s in extras.styles.items()}
    attrs = {by_name(k): v for k, v in extras.attributes.items() if k.startswith("actor:")}
    positions = {names.get(k, k): v for k, v in result.positions.items()}
    ties = sorted((names[t.a], names[t.b],
                   extras.edges.get(f"tie:{i}").weight if f"tie:{i}" in extras.edges else None,
                   extras.edges.get(f"tie:{i}").directed if f"tie:{i}" in extras.edges
                   else False)
                  for i, t in doc.ties.items())
    return len(doc.actors), ties, positions, styles, attrs


@pytest.mark.parametrize("fmt", OUT_FORMATS)
@pytest.mark.parametrize("name", FILES)
def test_round_trip_keeps_the_graph(tmp_path, name, fmt):
    first = import_with_format(INTEROP / name)
    doc = first.document
    placed = {actor_key(k): v for k, v in first.positions.items() if k in doc.actors}
    colors = {actor_key(k): s.color for k, s in (
        (k.split(":", 1)[1], s) for k, s in doc.extras.styles.items()) if s.color}
    ids = hub_node_ids(doc)
    out = tmp_path / f"out{SUFFIX[fmt]}"
    export_graph(doc, out, fmt, positions=positions_for_export(doc, placed),
                 colors={ids[k]: c for k, c in colors.items() if k in ids})
    again = import_with_format(out, fmt)
    before, after = _summary(first), _summary(again)
    assert after[0] == before[0], "node count"
    assert after[1] == before[1], "edges with weights and direction"
    for key, xy in before[2].items():
        assert after[2][key] == pytest.approx(xy), f"position of {key}"
    for key, (color, size) in before[3].items():
        assert after[3][key][0] == color, f"colour of {key}"
        if fmt in ("gexf", "graphml", "gephi-json") and size is not None:
            assert after[3][key][1] == pytest.approx(size), f"size of {key}"
    if fmt == "csv":  # CSV keeps values, not types: "1815" may come back as 1815
        assert _loose(after[4]) == _loose(before[4]), "attributes"
    else:
        assert after[4] == before[4], "attributes"


def _loose(attrs: dict) -> dict:
    def norm(v):
        try:
            return float(v)
        except (TypeError, ValueError):
            return str(v)

    return {k: {n: norm(v) for n, v in d.items()} for k, d in attrs.items()}


@pytest.mark.parametrize("name", [f for f in FILES if f.endswith((".gexf", ".graphml"))])
def test_exports_read_back_in_networkx(tmp_path, name):
    doc = import_with_format(INTEROP / name).document
    for fmt, reader in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        out = tmp_path / f"x.{fmt}"
        export_graph(doc, out, fmt)
        g = reader(out)
        assert g.number_of_nodes() == len(doc.actors) + len(doc.alliances)
        directed = any(p.directed for p in doc.extras.edges.values())
        assert g.is_directed() == (directed and all(
            doc.extras.edges.get(f"tie:{t}") is not None
            and doc.extras.edges[f"tie:{t}"].directed for t in doc.ties))


NUMERIC_DYNAMIC = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph mode="dynamic" defaultedgetype="undirected" timeformat="double">
    <nodes><node id="1" label="a"/><node id="2" label="b"/><node id="3" label="c"/></nodes>
    <edges>
      <edge id="0" source="1" target="2"><spells>
        <spell start="20.0" end="40.0"/><spell start="60.0" end="80.0"/>
        <spell start="100.0" end="120.0"/></spells></edge>
      <edge id="1" source="2" target="3"><spells><spell start="20.0" end="40.0"/></spells>
      </edge>
    </edges>
  </graph>
</gexf>
"""


def test_numeric_spells_are_one_tie_with_its_spells(tmp_path):
    path = tmp_path / "sociopatterns.gexf"
    path.write_text(NUMERIC_DYNAMIC, encoding="utf-8")
    doc = import_with_format(path).document
    assert len(doc.ties) == 2  # not one undated duplicate per spell
    spells = sorted(len(p.spells) for p in doc.extras.edges.values())
    assert spells == [1, 3]
    assert all(t.start is None and t.end is None for t in doc.ties.values())
    out = tmp_path / "back.gexf"
    export_graph(doc, out, "gexf")
    text = out.read_text(encoding="utf-8")
    assert 'timeformat="double"' in text and text.count("<spell ") == 4
    again = import_with_format(out).document
    assert sorted(len(p.spells) for p in again.extras.edges.values()) == [1, 3]


@pytest.mark.parametrize("name", ["lesmiserables_gephi081.gexf", "phedre_edges.csv",
                                  "yed3143_gml.graphml", "airlines.graphml"])
def test_graphml_exports_read_back_in_igraph_with_a_layout(tmp_path, name):
    import math

    import igraph

    first = import_with_format(INTEROP / name)
    doc = first.document
    placed = {actor_key(k): v for k, v in first.positions.items() if k in doc.actors}
    out = tmp_path / "x.graphml"
    export_graph(doc, out, "graphml", positions=positions_for_export(doc, placed))
    g = igraph.Graph.Read_GraphML(str(out))
    assert g.vcount() == len(doc.actors) + len(doc.alliances)
    assert g.ecount() == len(doc.memberships) + len(doc.ties)
    if placed:  # the file's layout is read (igraph's layout_auto used to return NaN)
        assert all(math.isfinite(x) for x in g.vs["x"])
        coords = g.layout_auto().coords
        assert all(math.isfinite(c) for xy in coords for c in xy)
