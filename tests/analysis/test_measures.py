import math
import random

import networkx as nx
import pytest

from explorer.analysis.measures import (
    burt_constraint,
    eigenvector_by_component,
    network_measures,
)
from explorer.analysis.paths import path_measures


def _weighted(g, seed=1):
    rng = random.Random(seed)
    for u, v in g.edges:
        g[u][v]["weight"] = rng.uniform(0.1, 2.0)
    return g


def _close(a, b, tol=1e-9):
    assert a.keys() == b.keys()
    for k in a:
        assert a[k] == pytest.approx(b[k], abs=tol), k


def test_betweenness_and_efficiency_match_networkx():
    for g in (
        nx.karate_club_graph(),
        nx.gnp_random_graph(120, 0.04, seed=3),  # disconnected, with isolates
        nx.path_graph(4),
        nx.star_graph(5),
    ):
        pm = path_measures(g)
        _close(pm.betweenness, nx.betweenness_centrality(g))
        assert pm.efficiency == pytest.approx(nx.global_efficiency(g))
        assert not pm.sampled


def test_sampled_betweenness_equals_networkx_with_same_seed():
    g = nx.barabasi_albert_graph(300, 2, seed=5)
    pm = path_measures(g, k=40, seed=42)
    assert pm.sampled and pm.k == 40
    _close(pm.betweenness, nx.betweenness_centrality(g, k=40, seed=42))


def test_tiny_graphs():
    for g in (nx.Graph(), nx.empty_graph(1), nx.path_graph(2)):
        pm = path_measures(g)
        assert all(v == 0 for v in pm.betweenness.values())
        assert pm.efficiency == pytest.approx(nx.global_efficiency(g) if len(g) else 0.0)


def test_eigenvector_equals_networkx_on_connected_graph():
    g = _weighted(nx.karate_club_graph())
    _close(eigenvector_by_component(g), nx.eigenvector_centrality_numpy(g, weight="weight"))


def test_eigenvector_on_disconnected_graph():
    g = nx.disjoint_union(nx.complete_graph(4), nx.path_graph(3))
    g.add_node("lonely")
    ev = eigenvector_by_component(g)
    assert ev["lonely"] == 0.0
    # each component normalised to sqrt(size/n): the whole vector has unit length
    assert sum(v * v for v in ev.values()) == pytest.approx(7 / 8)
    assert ev[0] == pytest.approx(math.sqrt(4 / 8) / 2)  # K4: all equal
    assert ev[5] > ev[4]  # middle of the path


def test_constraint_equals_networkx():
    g = _weighted(nx.gnp_random_graph(60, 0.1, seed=7))
    g.add_node("iso")
    ours = burt_constraint(g)
    ref = nx.constraint(g, weight="weight")
    assert ours["iso"] is None and math.isnan(ref["iso"])
    _close(
        {k: v for k, v in ours.items() if v is not None},
        {k: v for k, v in ref.items() if k != "iso"},
    )


def test_network_measures_bundle():
    g = _weighted(nx.barbell_graph(4, 1))
    g.add_node(99)
    m = network_measures(g)
    assert m.n_nodes == 10
    assert set(m.articulation_points) == set(nx.articulation_points(g))
    assert m.components[0] == tuple(sorted(range(9)))
    assert m.largest_component_share == pytest.approx(0.9)
    assert m.isolated == (99,)
    assert m.degree == dict(g.degree())
    assert m.weighted_degree[99] == 0.0
    assert m.top("betweenness", 1)[0][0] == 4  # the bridge node
    assert m.efficiency == pytest.approx(nx.global_efficiency(g))


def test_large_graph_switches_to_sampled_betweenness():
    g = nx.barabasi_albert_graph(60, 2, seed=1)
    m = network_measures(g, exact_max_nodes=50, sample_k=20)
    assert m.betweenness_sampled and m.betweenness_k == 20
    _close(m.betweenness, nx.betweenness_centrality(g, k=20, seed=42))


def test_empty_graph():
    m = network_measures(nx.Graph())
    assert m.n_nodes == 0 and m.components == () and m.largest_component_share == 0.0
    assert m.top("betweenness") == []


def _installed(name):
    import importlib.util

    return importlib.util.find_spec(name) is not None


@pytest.mark.parametrize("backend", ["numpy", "igraph", "numba"])
def test_sampled_backends_give_networkx_numbers(backend):
    if backend != "numpy" and not _installed(backend):
        pytest.skip(f"{backend} not installed")
    # two components, an isolate and a self-loop: every corner the kernels must handle
    g = nx.disjoint_union(nx.barabasi_albert_graph(150, 2, seed=4), nx.cycle_graph(30))
    g.add_node("iso")
    g.add_edge(3, 3)
    pm = path_measures(g, k=25, seed=7, backend=backend)
    assert pm.sampled and pm.k == 25
    _close(pm.betweenness, nx.betweenness_centrality(g, k=25, seed=7))
    numpy = path_measures(g, k=25, seed=7, backend="numpy")
    assert pm.efficiency == pytest.approx(numpy.efficiency, rel=1e-12)


def test_auto_backend_keeps_exact_graphs_on_numpy():
    from explorer.analysis.arrays import EdgeArrays
    from explorer.analysis.paths import _backend

    g = nx.path_graph(5)
    assert _backend("auto", False, EdgeArrays.from_graph(g)) == "numpy"
    with pytest.raises(ValueError):
        path_measures(g, backend="fortran")


def test_edge_arrays_components_degrees_and_articulation_match_networkx():
    from explorer.analysis.arrays import EdgeArrays
    from explorer.analysis.measures import articulation_points

    g = _weighted(nx.disjoint_union(nx.barbell_graph(5, 2), nx.path_graph(4)))
    g.add_nodes_from(["x", "y"])
    g.add_edge(0, 0, weight=2.0)
    arrays = EdgeArrays.from_graph(g)
    expected = sorted((tuple(sorted(c, key=str)) for c in nx.connected_components(g)),
                      key=lambda c: (-len(c), [str(v) for v in c]))
    assert [set(c) for c in arrays.components()] == [set(c) for c in expected]
    assert dict(zip(arrays.nodes, arrays.degree().tolist(), strict=True)) == dict(g.degree())
    _close(dict(zip(arrays.nodes, arrays.weighted_degree().tolist(), strict=True)),
           dict(g.degree(weight="weight")))
    fast = articulation_points(g, arrays)
    assert set(fast) == set(nx.articulation_points(g))
    assert articulation_points(g) == tuple(sorted(nx.articulation_points(g)))
