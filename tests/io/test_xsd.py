"""Our GEXF exports validate against the official GEXF 1.3 XML Schema (shipped under
tests/data/xsd with its licence), for the default project and every interop file."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

from explorer.dataset import load_dataset
from explorer.io import export_graph, import_with_format

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "tests" / "data" / "xsd" / "gexf-1.3" / "gexf.xsd"
INTEROP = ROOT.parent / "shared" / "interop"


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMA))


VIZ = "{http://gexf.net/1.3/viz}"


def _valid(schema, path: Path) -> None:
    """Valid against the schema, the viz elements aside: the published 1.3 XSD declares
    color/position/size in the main GEXF namespace, while the specification and Gephi
    itself write them in the viz namespace (``viz:color``), so the XSD rejects Gephi's own
    files there. Everything else (attributes, types, nodes, edges, spells) is checked."""
    tree = ET.parse(path)
    for parent in tree.iter():
        for child in [c for c in parent if c.tag.startswith(VIZ)]:
            parent.remove(child)
    errors = list(schema.iter_errors(ET.tostring(tree.getroot(), encoding="unicode")))
    assert not errors, "\n".join(str(e.reason) for e in errors[:5])


def test_the_viz_elements_we_write_are_the_specifications(tmp_path):
    doc = import_with_format(INTEROP / "lesmiserables_gephi081.gexf").document
    out = tmp_path / "lm.gexf"
    export_graph(doc, out, "gexf", positions={"0": (1.0, 2.0)}, colors={"0": "#5b5bf5"})
    node = next(n for n in ET.parse(out).iter("{http://gexf.net/1.3}node")
                if n.get("id") == "0")
    assert [c.tag.removeprefix(VIZ) for c in node if c.tag.startswith(VIZ)] == [
        "color", "position", "size"]


def test_default_project_exports_valid_gexf(schema, tmp_path):
    out = tmp_path / "world.gexf"
    export_graph(load_dataset(), out, "gexf")
    _valid(schema, out)


@pytest.mark.parametrize("name", sorted(p.name for p in INTEROP.glob("*")
                                        if p.suffix in (".gexf", ".graphml", ".json")))
def test_reexported_interop_files_are_valid_gexf(schema, tmp_path, name):
    doc = import_with_format(INTEROP / name).document
    out = tmp_path / "x.gexf"
    export_graph(doc, out, "gexf")
    _valid(schema, out)
