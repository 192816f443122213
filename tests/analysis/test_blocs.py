import math

import networkx as nx
import pytest
from _analysis_docs import caps, small_doc
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.analysis.blocs import (
    bloc_set,
    concentration,
    detect_communities,
    detected_blocs,
    partition_modularity,
    user_blocs,
)
from explorer.analysis.capability import capability_index
from explorer.analysis.graphs import positive_projection
from explorer.analysis.view import filtered
from explorer.model.entities import Actor


def test_concentration_known_values():
    assert concentration([0.5, 0.5]) == pytest.approx(0.0)
    assert concentration([1.0, 0.0]) == pytest.approx(1.0)
    assert concentration([0.6, 0.2, 0.2]) == pytest.approx(0.4)  # sqrt((0.44-1/3)/(2/3))
    assert concentration([3.0, 1.0, 1.0]) == pytest.approx(0.4)  # renormalised
    assert concentration([0.25] * 4) == pytest.approx(0.0)
    assert concentration([0.7]) == 1.0  # N = 1: one unit holds everything
    assert concentration([]) is None
    assert concentration([0.0, 0.0]) is None


def _cap(values):
    actors = [Actor(k, k, "other", capabilities=caps(gdp=v)) for k, v in values.items()]
    return capability_index(actors, {"gdp_usd_bn": 1.0})  # GDP is weighted 0 by default


def test_bloc_strength_and_ratio():
    cap = _cap({"a": 50, "b": 30, "c": 20})
    s = bloc_set([("x", "X", ["a"]), ("y", "Y", ["b", "c", "ghost"])], cap)
    x, y = s.blocs
    assert x.strength == pytest.approx(0.5) and y.strength == pytest.approx(0.5)
    assert y.members == ("b", "c")  # actors not in view are ignored
    assert s.ratio("x", "y") == pytest.approx(1.0)
    assert s.unaligned_share == pytest.approx(0.0)
    assert s.con == pytest.approx(0.0)


def test_overlapping_member_is_split_equally():
    cap = _cap({"a": 50, "b": 30, "c": 20})
    s = bloc_set([("x", "X", ["a", "b"]), ("y", "Y", ["b"])], cap)
    assert s.blocs[0].strength == pytest.approx(0.5 + 0.15)
    assert s.blocs[1].strength == pytest.approx(0.15)
    assert sum(b.share for b in s.blocs) == pytest.approx(0.8)
    assert s.unaligned_share == pytest.approx(0.2)


def test_user_blocs_of_small_doc():
    data = filtered(small_doc())
    cap = capability_index(data.actors.values())
    s = user_blocs(data.blocs.values(), cap)
    assert [b.id for b in s.blocs] == ["east", "west"]
    assert sum(b.share for b in s.blocs) + s.unaligned_share == pytest.approx(1.0)
    assert s.ratio("west", "east") > 1


def test_detected_blocs_match_networkx_louvain():
    data = filtered(small_doc())
    g = positive_projection(data)
    cap = capability_index(data.actors.values())
    det = detected_blocs(g, cap)
    expected = nx.community.louvain_communities(g, weight="weight", seed=42)
    assert sorted(map(sorted, (b.members for b in det.blocs))) == sorted(map(sorted, expected))
    assert det.modularity == pytest.approx(nx.community.modularity(g, expected, weight="weight"))
    assert det.blocs[0].id == "C1"
    assert sum(b.share for b in det.blocs) == pytest.approx(1.0)  # a partition


def test_detected_blocs_on_graph_without_edges():
    g = nx.Graph()
    g.add_nodes_from(["a", "b"])
    det = detected_blocs(g, _cap({"a": 1, "b": 1}))
    assert det.modularity is None and len(det.blocs) == 2
    assert partition_modularity(nx.Graph(), []) is None
    assert detected_blocs(nx.Graph(), _cap({})).blocs == ()


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(st.sampled_from("abcdefgh"), st.floats(0.0, 1e3, allow_nan=False), min_size=1),
    st.lists(st.lists(st.sampled_from("abcdefghz"), max_size=6), max_size=4),
)
def test_bloc_shares_never_exceed_one(values, groups):
    cap = _cap(values)
    s = bloc_set([(str(i), str(i), g) for i, g in enumerate(groups)], cap)
    assert sum(b.share for b in s.blocs) <= 1.0 + 1e-9
    covered = set().union(*groups) & set(values) if groups else set()
    if covered == set(values) and sum(cap.index.values()) > 0:
        assert math.isclose(sum(b.share for b in s.blocs), 1.0, rel_tol=1e-9)


@pytest.mark.parametrize(("actors", "alliances", "seed"), [(60, 20, 3), (300, 40, 5), (120, 30, 9)])
def test_louvain_matches_networkx(actors, alliances, seed):
    from explorer.synthetic import synthetic_document

    g = positive_projection(filtered(synthetic_document(actors, alliances, seed=seed)))
    ours = detect_communities(g)
    theirs = nx.community.louvain_communities(g, weight="weight", seed=42)
    assert sorted(map(sorted, ours)) == sorted(map(sorted, theirs))
    assert partition_modularity(g, ours) == pytest.approx(
        nx.community.modularity(g, theirs, weight="weight")
    )


def test_large_graphs_use_compiled_louvain_with_the_same_quality():
    import networkx as nx

    from explorer.analysis import blocs

    g = nx.relabel_nodes(nx.connected_caveman_graph(60, 40), lambda i: f"a{i}")
    assert g.number_of_nodes() > blocs.COMPILED_FROM
    fast = blocs.detect_communities(g)
    assert sorted(len(c) for c in fast) == [40] * 60  # the caves, found exactly
    assert fast == blocs.detect_communities(g)  # a fixed seed: the same answer each time
    exact = [set(c) for c in blocs._louvain(g, blocs.LOUVAIN_SEED)]
    assert abs(nx.community.modularity(g, fast) - nx.community.modularity(g, exact)) < 0.01


def test_vectorised_modularity_equals_the_edge_pass():
    from explorer.analysis.arrays import EdgeArrays
    from explorer.synthetic import synthetic_document

    g = positive_projection(filtered(synthetic_document(200, 30, seed=2)))
    communities = detect_communities(g)
    fast = partition_modularity(g, communities, EdgeArrays.from_graph(g))
    assert fast == pytest.approx(partition_modularity(g, communities), rel=1e-12)
    assert fast == pytest.approx(nx.community.modularity(g, communities, weight="weight"))


def test_large_graphs_fall_back_to_networkx_louvain_without_igraph(monkeypatch):
    from explorer.analysis import blocs

    g = nx.relabel_nodes(nx.connected_caveman_graph(30, 40), lambda i: f"a{i}")
    assert g.number_of_nodes() > blocs.COMPILED_FROM
    monkeypatch.setattr(blocs, "_igraph_leiden", lambda arrays, seed: None)
    slow = blocs.detect_communities(g)
    assert sorted(map(sorted, slow)) == sorted(
        map(sorted, nx.community.louvain_communities(g, weight="weight", seed=42)))
