"""Real files written by Gephi, yEd, igraph and d3 (shared/interop, see its SOURCES.md)."""

from __future__ import annotations

import pytest

from explorer.io import import_graph
from explorer.model.validation import validate_document


@pytest.mark.parametrize(
    ("name", "nodes", "ties"),
    [
        ("lesmiserables_gephi081.gexf", 77, 254),
        ("miserables_gephi09.gexf", 74, 248),
        ("airlines_sample_gephi07.gexf", 235, 1297),
        ("dynamics_gexfnet.gexf", 4, 5),
        ("yed3143_gml.graphml", 10, 7),
        ("lesmiserables_gephi.graphml", 77, 254),
        ("miserables_igraph.graphml", 77, 254),
        ("graphml_primer_attributes.graphml", 6, 7),
        ("airlines.graphml", 235, 1297),
        ("miserables_vega.json", 77, 254),
    ],
)
def test_counts_and_validity(name, nodes, ties, interop_file):
    path = interop_file(name)
    before = path.read_bytes()
    result = import_graph(path)
    assert len(result.document.actors) == nodes
    assert len(result.document.ties) == ties
    assert validate_document(result.document) == []
    assert all(a.kind == "other" for a in result.document.actors.values())
    assert path.read_bytes() == before


def test_gephi081_viz(interop_file):
    result = import_graph(interop_file("lesmiserables_gephi081.gexf"))
    assert len(result.positions) == len(result.colors) == len(result.sizes) == 77
    assert result.positions["0"] == (-102.81979, -185.35468)
    assert result.colors["0"] == "#5b5bf5"
    assert result.document.actors["0"].name == "Myriel"
    # weights are kept as edge weights (not in notes); the 97 others have none (Gephi: 1)
    extras = result.document.extras
    weights = [extras.edges[f"tie:{t}"].weight for t in result.document.ties
               if f"tie:{t}" in extras.edges]
    assert len(weights) == 157 and all(w is not None for w in weights)
    assert not any(t.notes for t in result.document.ties.values())
    assert extras.attributes["actor:0"]["Modularity Class"] == 0  # its title, as Gephi shows it
    assert extras.styles["actor:0"].color == "#5b5bf5"


def test_gexf13_old_namespace_and_defaults(interop_file):
    result = import_graph(interop_file("miserables_gephi09.gexf"))
    assert len(result.positions) == 74
    attrs = result.attributes
    # every node has the double/integer attributes, from the file or their <default>
    assert all("Eccentricity" in a and "Modularity Class" in a for a in attrs.values())


def test_gephi07_colours_recovered(interop_file):
    result = import_graph(interop_file("airlines_sample_gephi07.gexf"))
    assert len(result.colors) == 235
    assert result.colors["0"] == "#586bf3"
    assert result.attributes["0"]["Code"] == "LIT"
    assert any(not a.name.isascii() for a in result.document.actors.values())


def test_dynamic_gexf(interop_file):
    result = import_graph(interop_file("dynamics_gexfnet.gexf"))
    ties = {(t.a, t.b): (t.start, t.end) for t in result.document.ties.values()}
    assert ties[("0", "1")] == ("2009-03-01", None)  # open bound, not the string 'None'
    assert ties[("0", "2")] == ("2009-03-01", "2009-03-10")
    assert ties[("2", "1")] == (None, "2009-03-10")
    assert ties[("1", "0")] == ("2009-03-01", None)  # directed: both directions kept
    # the static boolean <default>true</default> is applied where the node lacks it
    assert result.attributes["0"]["frog"] is True
    assert result.attributes["3"]["frog"] is False
    assert result.attributes["2"]["spells"] == [(None, "2009-03-01"),
                                                ("2009-03-05", "2009-03-10")]
    assert all(v is not None and v != "None" for t in result.document.ties.values()
               for v in (t.start or "x", t.end or "x"))


def test_yed_positions_colours_labels(interop_file):
    result = import_graph(interop_file("yed3143_gml.graphml"))
    assert len(result.positions) == 10
    assert all(isinstance(c, float) for xy in result.positions.values() for c in xy)
    assert result.positions["n0"] == (170.0, 409.0)  # centre of the y:Geometry box
    assert result.colors["n0"] == "#ffcc00"
    assert result.document.actors["n0"].name == "1"
    assert "n9" in result.document.actors  # the folder node


def test_gephi_graphml_rgb_xy(interop_file):
    result = import_graph(interop_file("lesmiserables_gephi.graphml"))
    assert result.colors["11"] == "#f55b5b"
    assert result.positions["11"] == (-87.93029, 6.8120565)
    assert result.sizes["11"] == 100.0
    assert result.document.actors["11"].name == "Valjean"


def test_igraph_duplicate_key_id(interop_file):
    result = import_graph(interop_file("miserables_igraph.graphml"))
    assert result.document.title == "Les Miserables coappearance network"
    assert result.document.actors["n0"].name == "MY"


def test_graphml_default_colour_applied(interop_file):
    result = import_graph(interop_file("graphml_primer_attributes.graphml"))
    assert len(result.colors) == 6
    assert result.colors["n1"] == result.colors["n4"] == "#ffff00"  # <default>yellow
    assert result.colors["n0"] == "#008000"


def test_airlines_parallel_edges_collapsed(interop_file):
    result = import_graph(interop_file("airlines.graphml"))
    assert result.stats["edge_records"] == 2101
    assert result.stats["parallel_collapsed"] == 2101 - 1297
    assert any("parallel" in w for w in result.warnings)
    assert len(result.positions) == 235


def test_d3_json_integer_links(interop_file):
    result = import_graph(interop_file("miserables_vega.json"))
    doc = result.document
    assert doc.actors["0"].name == "Myriel"
    assert doc.actors["11"].name == "Valjean"
    assert result.attributes["0"]["group"] == 1


def test_phedre_csv_directed_and_undirected(interop_file):
    nodes, edges = interop_file("phedre_nodes.csv"), interop_file("phedre_edges.csv")
    directed = import_graph(edges)  # finds phedre_nodes.csv beside it
    assert len(directed.document.actors) == 8
    assert directed.stats["edge_records"] == 35 and directed.stats["edges"] == 35
    assert directed.stats["self_loops"] == 2
    assert len(directed.document.ties) == 33
    names = {a.name for a in directed.document.actors.values()}
    assert {"PHÈDRE", "THÉSÉE", "ISMÈNE", "THÉRAMÈNE"} <= names
    undirected = import_graph(nodes, edges_path=edges, directed=False)
    assert undirected.stats["edges"] == 20
    assert len(undirected.document.ties) == 18  # 20 pairs minus the 2 self-loops
    assert validate_document(undirected.document) == []
    # CSV has no types: a column of whole numbers is read as integers, as Gephi does
    assert undirected.attributes["PHEDRE"]["Weight"] == 22164


def test_edges_table_alone(interop_file):
    result = import_graph(interop_file("phedre_edges.csv"), "csv",
                          edges_path=interop_file("phedre_edges.csv"))
    assert len(result.document.actors) == 8
