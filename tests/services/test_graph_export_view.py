"""Graph exports honour the view they are given and carry the layout and colours."""

from __future__ import annotations

import networkx as nx
import pytest

from explorer.analysis.errors import UnknownName
from explorer.dataset import load_dataset
from explorer.services import ViewRequest, export_graph_file
from explorer.store import Project


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    path = tmp_path_factory.mktemp("graph_export") / "p.sbx"
    Project.create(path, load_dataset()).close()
    with Project.open(path) as p:
        yield p


def test_plain_export_is_the_whole_project_with_positions_and_colours(project, tmp_path):
    doc = project.document()
    out = export_graph_file(project, tmp_path / "all.graphml", "graphml")
    g = nx.read_graphml(out)  # every data key is declared (networkx refuses otherwise)
    assert g.number_of_nodes() == len(doc.actors) + len(doc.alliances)
    assert g.number_of_edges() == len(doc.memberships) + len(doc.ties)
    placed = [n for n, d in g.nodes(data=True) if "x" in d and "y" in d]
    assert len(placed) == g.number_of_nodes()  # no saved layout: it is settled first
    assert all("r" in d for _n, d in g.nodes(data=True))
    gexf = nx.read_gexf(export_graph_file(project, tmp_path / "all.gexf", "gexf"))
    assert all("position" in d.get("viz", {}) for _n, d in gexf.nodes(data=True))


def test_as_of_and_region_cut_the_export(project, tmp_path):
    doc = project.document()
    old = nx.read_gexf(export_graph_file(project, tmp_path / "1950.gexf", "gexf",
                                         ViewRequest(as_of="1950-01-01")))
    assert old.number_of_nodes() < len(doc.actors) + len(doc.alliances)
    assert "nato" in old  # NATO was in force
    assert "csto" not in old  # founded 1992
    caucasus = nx.read_graphml(export_graph_file(
        project, tmp_path / "c.graphml", "graphml", ViewRequest(regions=("South Caucasus",))))
    assert {"ARM", "AZE", "GEO"} <= set(caucasus) and "USA" not in caucasus


def test_unknown_region_is_refused_and_nothing_written(project, tmp_path):
    target = tmp_path / "x.gexf"
    with pytest.raises(UnknownName, match="Atlantis"):
        export_graph_file(project, target, "gexf", ViewRequest(regions=("Atlantis",)))
    assert not target.exists()


def test_progress_follows_the_layout_and_a_cancel_leaves_no_file(project, tmp_path):
    heard: list[tuple[int, int]] = []
    out = export_graph_file(project, tmp_path / "p.gexf", "gexf",
                            progress=lambda done, total: heard.append((done, total)))
    assert out.exists()
    done = [d for d, _total in heard]
    assert {t for _d, t in heard} == {1000}
    assert done == sorted(done) and done[0] == 0 and done[-1] == 1000
    # the layout's iterations move the bar between modelling (25 %) and writing (85 %)
    assert len({d for d in done if 250 < d < 850}) >= 5

    class Stop(Exception):
        pass

    def stop_in_the_layout(done: int, total: int) -> None:
        if 300 < done < 850:
            raise Stop

    target = tmp_path / "stopped.gexf"
    with pytest.raises(Stop):
        export_graph_file(project, target, "gexf", progress=stop_in_the_layout)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [out]
