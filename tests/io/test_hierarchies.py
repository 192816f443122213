"""yEd groups and GEXF parents become blocs, and the import says so."""

from __future__ import annotations

from explorer.io import import_with_format

YED_GROUPS = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
         xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0" yfiles.foldertype="group">
      <data key="d6"><y:ProxyAutoBoundsNode><y:Realizers active="0"><y:GroupNode>
        <y:NodeLabel>Cluster 1</y:NodeLabel></y:GroupNode></y:Realizers>
      </y:ProxyAutoBoundsNode></data>
      <graph edgedefault="directed" id="n0:">
        <node id="n0::n0"><data key="d6"><y:ShapeNode><y:NodeLabel>alpha</y:NodeLabel>
        </y:ShapeNode></data></node>
        <node id="n0::n1"><data key="d6"><y:ShapeNode><y:NodeLabel>beta</y:NodeLabel>
        </y:ShapeNode></data></node>
      </graph>
    </node>
    <node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>gamma</y:NodeLabel>
    </y:ShapeNode></data></node>
    <edge id="e0" source="n0::n0" target="n1"/>
    <edge id="e1" source="n0::n1" target="n0::n0"/>
  </graph>
</graphml>
"""

GEXF_PARENTS = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected">
    <nodes>
      <node id="g" label="Team A"/>
      <node id="a" label="Ann" pid="g"/>
      <node id="b" label="Bob" pid="g"/>
      <node id="c" label="Cid"/>
    </nodes>
    <edges><edge id="0" source="a" target="c"/><edge id="1" source="b" target="c"/></edges>
  </graph>
</gexf>
"""


def _names(doc, ids):
    return sorted(doc.actors[i].name for i in ids)


def test_yed_group_becomes_a_bloc(tmp_path):
    path = tmp_path / "groups.graphml"
    path.write_text(YED_GROUPS, encoding="utf-8")
    result = import_with_format(path)
    doc = result.document
    assert [b.name for b in doc.blocs.values()] == ["Cluster 1"]
    bloc = next(iter(doc.blocs.values()))
    assert _names(doc, bloc.members) == ["alpha", "beta"]
    assert sorted(a.name for a in doc.actors.values()) == ["alpha", "beta", "gamma"]
    assert any("group of the file kept as a bloc" in w for w in result.warnings)


def test_gexf_parents_become_a_bloc(tmp_path):
    path = tmp_path / "pid.gexf"
    path.write_text(GEXF_PARENTS, encoding="utf-8")
    doc = import_with_format(path).document
    bloc = next(iter(doc.blocs.values()))
    assert bloc.name == "Team A" and _names(doc, bloc.members) == ["Ann", "Bob"]
    assert "Team A" not in {a.name for a in doc.actors.values()}
