import itertools
import random

import networkx as nx
import pytest

from explorer.analysis.balance import structural_balance


def _signed(edges):
    g = nx.Graph()
    for u, v, s in edges:
        g.add_edge(u, v, sign=s)
    return g


def test_hand_built_triangles():
    g = _signed(
        [
            ("a", "b", 1),
            ("b", "c", 1),
            ("a", "c", 1),  # +++ balanced
            ("d", "e", 1),
            ("e", "f", -1),
            ("d", "f", -1),  # +-- balanced
            ("g", "h", 1),
            ("h", "i", 1),
            ("g", "i", -1),  # ++- unbalanced
            ("j", "k", -1),
            ("k", "l", -1),
            ("j", "l", -1),  # --- unbalanced
        ]
    )
    r = structural_balance(g)
    assert r.triangles == 4
    assert r.balanced == 2 and r.unbalanced_count == 2
    assert r.balanced_share == pytest.approx(0.5)
    assert r.unbalanced == (("g", "h", "i"), ("j", "k", "l"))


def test_no_triangles():
    r = structural_balance(_signed([("a", "b", -1), ("b", "c", 1)]))
    assert r.triangles == 0 and r.balanced_share is None and r.unbalanced == ()
    assert structural_balance(nx.Graph()).balanced_share is None


def test_matches_brute_force_on_random_signed_graph():
    rng = random.Random(4)
    g = nx.gnp_random_graph(25, 0.35, seed=4)
    for u, v in g.edges:
        g[u][v]["sign"] = -1 if rng.random() < 0.3 else 1
    g = nx.relabel_nodes(g, {i: f"n{i:02d}" for i in g})
    balanced, unbalanced = 0, []
    for a, b, c in itertools.combinations(sorted(g), 3):
        if g.has_edge(a, b) and g.has_edge(b, c) and g.has_edge(a, c):
            p = g[a][b]["sign"] * g[b][c]["sign"] * g[a][c]["sign"]
            if p > 0:
                balanced += 1
            else:
                unbalanced.append((a, b, c))
    r = structural_balance(g)
    assert r.balanced == balanced
    assert r.unbalanced == tuple(unbalanced)
    assert r.unbalanced_count == len(unbalanced)


def test_rivalry_inside_an_alliance_unbalances_its_triangles():
    from _analysis_docs import small_doc

    from explorer.analysis.graphs import signed_projection
    from explorer.analysis.view import filtered
    from explorer.model.entities import Tie

    doc = small_doc()
    doc.ties[9] = Tie("GBR", "TUR", -1)
    r = structural_balance(signed_projection(filtered(doc)))
    assert r.triangles == 4
    assert r.balanced_share == pytest.approx(0.5)
    assert r.unbalanced == (("FIN", "GBR", "TUR"), ("GBR", "TUR", "USA"))
