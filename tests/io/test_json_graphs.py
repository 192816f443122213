"""Gephi's JSON (graphology) and Cytoscape's .cyjs: read as the same graph, written back."""

from __future__ import annotations

import json

import pytest

from explorer.io import export_graph, import_with_format
from explorer.io.errors import ImportFormatError

# As Gephi 0.10's JSON exporter writes it: keys are the file's ids (not in order), a
# "mixed" graph whose edges say they are undirected, colours as rgb() strings.
GEPHI = {
    "attributes": {"name": "Les Misérables (excerpt)"},
    "options": {"multi": False, "allowSelfLoops": True, "type": "mixed"},
    "nodes": [
        {"key": "11", "attributes": {"label": "Valjean", "x": 10.5, "y": -3.0, "size": 20,
                                     "color": "rgb(255,0,153)", "Modularity Class": 1}},
        {"key": "48", "attributes": {"label": "Gavroche", "x": -7.0, "y": 2.25, "size": 8,
                                     "color": "#00c0ff", "Modularity Class": 2}},
        {"key": "0", "attributes": {"label": "Myriel", "x": 1.0, "y": 1.0,
                                    "color": "rgb(153,0,255)", "Modularity Class": 0}},
    ],
    "edges": [
        {"key": "0", "source": "11", "target": "0", "undirected": True,
         "attributes": {"weight": 5.0}},
        {"key": "1", "source": "48", "target": "11", "undirected": True,
         "attributes": {"weight": 1.0}},
    ],
}


def test_gephi_json_is_the_same_graph(tmp_path):
    path = tmp_path / "gephi.json"
    path.write_text(json.dumps(GEPHI), encoding="utf-8")
    result = import_with_format(path)  # by its .json extension, recognised by its shape
    doc = result.document
    names = {a.name for a in doc.actors.values()}
    assert names == {"Valjean", "Gavroche", "Myriel"}  # no renumbering, no phantom node
    by_name = {a.name: k for k, a in doc.actors.items()}
    assert result.positions[by_name["Valjean"]] == (10.5, -3.0)
    ends = {frozenset((t.a, t.b)) for t in doc.ties.values()}
    assert ends == {frozenset((by_name["Valjean"], by_name["Myriel"])),
                    frozenset((by_name["Gavroche"], by_name["Valjean"]))}


def test_gephi_json_round_trip(tmp_path):
    src = tmp_path / "in.json"
    src.write_text(json.dumps(GEPHI), encoding="utf-8")
    doc = import_with_format(src).document
    out = tmp_path / "out.json"
    export_graph(doc, out, "gephi-json", positions={"11": (1.0, 2.0)})
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {n["key"] for n in data["nodes"]} == set(doc.actors)
    assert data["nodes"][0]["attributes"]["label"]
    back = import_with_format(out).document
    assert len(back.actors) == 3 and len(back.ties) == len(doc.ties)


CYJS = {
    "format_version": "1.0",
    "data": {"name": "galFiltered"},
    "elements": {
        "nodes": [
            {"data": {"id": "1", "name": "YKR026C", "SUID": 1, "degree": 2},
             "position": {"x": 100.0, "y": 50.0}},
            {"data": {"id": "2", "name": "YGL122C", "SUID": 2}, "position": {"x": -20.0,
                                                                            "y": 5.0}},
        ],
        "edges": [{"data": {"id": "3", "source": "1", "target": "2",
                            "interaction": "pp", "SUID": 3}}],
    },
}


def test_cytoscape_json_reads_and_writes(tmp_path):
    path = tmp_path / "net.cyjs"
    path.write_text(json.dumps(CYJS), encoding="utf-8")
    result = import_with_format(path)
    doc = result.document
    assert {a.name for a in doc.actors.values()} == {"YKR026C", "YGL122C"}
    assert result.positions["1"] == (100.0, -50.0)  # Cytoscape's y points down
    assert len(doc.ties) == 1
    out = tmp_path / "back.cyjs"
    export_graph(doc, out, positions={"1": (100.0, -50.0)})
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["elements"]["nodes"][0]["position"] == {"x": 100.0, "y": 50.0}
    again = import_with_format(out)
    assert len(again.document.actors) == 2 and len(again.document.ties) == 1


@pytest.mark.parametrize("bad", [
    {"elements": {"nodes": [{"data": {}}]}},
    {"elements": {"nodes": [{"data": {"id": "a"}}], "edges": [{"data": {"source": "a",
                                                                          "target": "z"}}]}},
])
def test_bad_cytoscape_files_say_why(tmp_path, bad):
    path = tmp_path / "bad.cyjs"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ImportFormatError):
        import_with_format(path)


XGMML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<graph id="52" label="galFiltered" directed="1" cy:documentVersion="3.0"
       xmlns="http://www.cs.rpi.edu/XGMML" xmlns:cy="http://www.cytoscape.org">
  <att name="networkMetadata"><rdf>x</rdf></att>
  <node id="1" label="YKR026C">
    <att name="shared name" value="YKR026C" type="string"/>
    <att name="gal1RGexp" value="-0.21" type="real"/>
    <att name="degree" value="2" type="integer"/>
    <graphics type="ELLIPSE" h="35.0" w="35.0" x="100.0" y="50.0" fill="#FF9999"/>
  </node>
  <node id="2" label="YGL122C">
    <att name="degree" value="1" type="integer"/>
    <graphics type="ELLIPSE" h="35.0" w="35.0" x="-20.0" y="5.0" fill="#99FF99"/>
  </node>
  <edge id="3" label="YKR026C (pp) YGL122C" source="1" target="2">
    <att name="interaction" value="pp" type="string"/>
    <att name="weight" value="0.5" type="real"/>
  </edge>
</graph>
"""


def test_xgmml_reads_cytoscape_networks(tmp_path):
    path = tmp_path / "gal.xgmml"
    path.write_text(XGMML, encoding="utf-8")
    result = import_with_format(path)
    doc = result.document
    assert {a.name for a in doc.actors.values()} == {"YKR026C", "YGL122C"}
    assert result.positions["1"] == (100.0, -50.0)
    extras = doc.extras
    assert extras.styles["actor:1"].color == "#ff9999"
    assert extras.attributes["actor:1"] == {"gal1RGexp": -0.21, "degree": 2}
    props = next(iter(extras.edges.values()))
    assert props.weight == 0.5 and props.directed


def test_xgmml_refuses_other_xml(tmp_path):
    path = tmp_path / "x.xgmml"
    path.write_text("<html/>", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="not an XGMML file"):
        import_with_format(path)
