"""The drawing's per-actor and per-edge columns, picked from per-document arrays, are the
ones a record-by-record pass over the view's data gives."""

from __future__ import annotations

import pytest

from explorer.analysis.view import ViewFilter, filtered
from explorer.dataset import load_dataset
from explorer.model.vocab import FULL_ROLES
from explorer.scene import styles
from explorer.scene.drawn_columns import drawn_parts
from explorer.scene.graph_model import _regions_of
from explorer.scene.naming import obligation_weight
from explorer.synthetic import synthetic_document


def _by_records(data):
    """(keys, labels, edges, styles, weights, degree, members) worked out per record."""
    node = {aid: i for i, aid in enumerate(data.actors)}
    node.update({lid: len(data.actors) + j for j, lid in enumerate(data.alliances)})
    edges, kinds, pulls = [], [], []
    degree = dict.fromkeys(data.actors, 0)
    members = dict.fromkeys(data.alliances, 0)
    for m in data.memberships:
        alliance = data.alliances[m.alliance]
        edges.append((node[m.actor], node[m.alliance]))
        kinds.append(styles.membership_style(alliance.kind, m.role))
        pulls.append(obligation_weight(alliance.obligation) * (1.0 if m.role in FULL_ROLES else 0.4))
        degree[m.actor] += 1
        members[m.alliance] += 1
    for t in data.ties:
        edges.append((node[t.a], node[t.b]))
        kinds.append(styles.tie_style(t.sign))
        pulls.append(0.5 if t.sign > 0 else 0.0)
        degree[t.a] += 1
        degree[t.b] += 1
    return ([f"actor:{a}" for a in data.actors], [a.name for a in data.actors.values()],
            edges, kinds, pulls, list(degree.values()), list(members.values()))


@pytest.mark.parametrize("make", [load_dataset, lambda: synthetic_document(600, 30, 3, n_ties=600)])
def test_columns_match_a_pass_over_the_records(make):
    doc = make()
    regions = sorted(doc.regions)
    for view in (ViewFilter(), ViewFilter(as_of="1995-12-31"),
                 ViewFilter(regions=frozenset(regions[1:3])),
                 ViewFilter(regions=frozenset(regions[:1]), keep_partners=True),
                 ViewFilter(actor_kinds=frozenset({"state"}), min_capability=0.001),
                 ViewFilter(as_of="1800-01-01")):
        data = filtered(doc, view)
        parts = drawn_parts(doc, data, *_regions_of(doc))
        keys, labels, edges, kinds, pulls, degree, members = _by_records(data)
        assert parts.actor_keys == keys
        assert parts.actor_labels == labels
        assert list(zip(parts.ends.tolist(), parts.others.tolist(), strict=True)) == edges
        assert parts.edge_styles == kinds
        assert parts.edge_weights.tolist() == pulls
        assert parts.degree.tolist() == degree
        assert parts.members.tolist() == members
        assert parts.anchors.shape == (len(data.actors), 2)


def test_a_changed_alliance_restyles_its_edges():
    """The columns follow the records: an alliance whose kind changes is drawn anew."""
    import dataclasses

    doc = load_dataset()
    data = filtered(doc, ViewFilter())
    before = drawn_parts(doc, data, *_regions_of(doc))
    lid = next(m.alliance for m in data.memberships if m.role in FULL_ROLES)
    doc.alliances[lid] = dataclasses.replace(doc.alliances[lid], kind="economic")
    data = filtered(doc, ViewFilter())
    after = drawn_parts(doc, data, *_regions_of(doc))
    at = [e for e, m in enumerate(data.memberships) if m.alliance == lid and m.role in FULL_ROLES]
    assert at
    assert {after.edge_styles[e] for e in at} == {styles.membership_style("economic", "member")}
    assert {before.edge_styles[e] for e in at} != {after.edge_styles[e] for e in at}
