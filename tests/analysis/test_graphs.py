import pytest
from _analysis_docs import small_doc

from explorer.analysis.graphs import (
    alliance_node,
    hub_graph,
    is_alliance_node,
    positive_projection,
    signed_projection,
)
from explorer.analysis.view import ViewFilter, filtered
from explorer.model.entities import Alliance, Membership


def test_hub_graph_nodes_and_roles():
    g = hub_graph(filtered(small_doc()))
    assert alliance_node("NATO") == "alliance:NATO"
    assert is_alliance_node("alliance:NATO") and not is_alliance_node("USA")
    assert g.nodes["alliance:NATO"]["type"] == "alliance"
    assert g.nodes["USA"]["type"] == "actor"
    assert g["USA"]["alliance:NATO"]["role"] == "founder"
    assert g["ARM"]["alliance:CSTO"]["role"] == "suspended"
    assert g.degree("alliance:NATO") == 4
    assert g.degree("IRN") == 0  # actors without memberships stay as nodes


def test_hub_graph_with_ties():
    g = hub_graph(filtered(small_doc()), include_ties=True)
    assert g["USA"]["RUS"]["sign"] == -1
    assert g["USA"]["RUS"]["kind"] == "tie"


def test_projection_weights_by_obligation_and_role():
    g = signed_projection(filtered(small_doc()))
    assert g["USA"]["GBR"]["weight"] == pytest.approx(1.0)
    # ARM is suspended in CSTO: min(1.0, 0.1) * defence 1.0
    assert g["RUS"]["ARM"]["weight"] == pytest.approx(0.1)
    assert g["USA"]["GBR"]["alliances"] == ["NATO"]
    # positive tie without an alliance: TIE_WEIGHT
    assert g["IRN"]["RUS"]["weight"] == pytest.approx(0.5)
    assert g["IRN"]["RUS"]["sign"] == 1
    assert g["USA"]["RUS"]["sign"] == -1


def test_weights_sum_over_shared_alliances():
    doc = small_doc()
    doc.alliances["CONS"] = Alliance("CONS", "Talks", "political_economic", "consultation")
    doc.memberships[100] = Membership("CONS", "USA")
    doc.memberships[101] = Membership("CONS", "GBR", role="observer")
    g = signed_projection(filtered(doc))
    assert g["USA"]["GBR"]["weight"] == pytest.approx(1.0 + 0.3 * 0.3)
    assert sorted(g["USA"]["GBR"]["alliances"]) == ["CONS", "NATO"]


def test_tie_sign_overrides_alliance_and_positive_graph_drops_it():
    doc = small_doc()
    from explorer.model.entities import Tie

    doc.ties[9] = Tie("TUR", "GBR", -1)
    signed = signed_projection(filtered(doc))
    assert signed["TUR"]["GBR"]["sign"] == -1
    pos = positive_projection(filtered(doc))
    assert not pos.has_edge("TUR", "GBR")
    assert pos.has_edge("TUR", "USA")
    assert set(pos) == set(doc.actors)


def test_empty_graphs():
    data = filtered(small_doc(), ViewFilter(regions=frozenset({"nowhere"})))
    assert hub_graph(data).number_of_nodes() == 0
    assert signed_projection(data).number_of_nodes() == 0


def test_positive_view_keeps_networkx_edge_order():
    """Louvain's answer depends on adjacency order: the fast fill must give the order
    add_edges_from(signed.edges(data=True)) gives."""
    import networkx as nx

    from explorer.analysis.graphs import positive_view, signed_projection
    from explorer.analysis.view import filtered
    from explorer.synthetic import synthetic_document

    signed = signed_projection(filtered(synthetic_document(300, 40, seed=5)))
    fast = positive_view(signed)
    slow = nx.Graph()
    slow.add_nodes_from(signed.nodes(data=True))
    slow.add_edges_from((u, v, d) for u, v, d in signed.edges(data=True) if d["sign"] > 0)
    assert list(fast.nodes(data=True)) == list(slow.nodes(data=True))
    assert [(u, list(n.items())) for u, n in fast.adjacency()] == [
        (u, list(n.items())) for u, n in slow.adjacency()]
    u, v = next(iter(fast.edges()))
    assert fast[u][v] is fast[v][u] and fast[u][v] is not signed[u][v]


def test_positive_edge_arrays_are_the_signed_ones_filtered():
    from explorer.analysis.arrays import EdgeArrays
    from explorer.analysis.graphs import positive_view, signed_projection
    from explorer.analysis.view import filtered
    from explorer.synthetic import synthetic_document

    signed = signed_projection(filtered(synthetic_document(300, 40, seed=5)))
    every = EdgeArrays.from_graph(signed, sign="sign")
    assert (every.sign < 0).any()
    kept = every.where(every.sign > 0)
    read = EdgeArrays.from_graph(positive_view(signed))
    assert kept.nodes == read.nodes
    for name in ("src", "dst", "weight"):
        assert getattr(kept, name).tolist() == getattr(read, name).tolist()
