"""What one departure does: each member of an alliance (or each actor) leaves on its own.

:func:`removal_impact` (the UI's table) measures one figure per departure and returns
(actor, scenario - baseline), largest change first. :func:`member_impact` ranks an
alliance's members by what their leaving costs: first the alliance's aggregate share of
world capability, then the efficiency of the alliance web. Equal results share a rank
(1, 2, 2, 4); a departure that moves neither figure beyond :data:`NEGLIGIBLE` has "no
measurable effect" and no rank. :func:`impact_ranks` gives the same shared ranks for
:func:`removal_impact`'s rows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from explorer.analysis.alliance_power import alliance_power
from explorer.analysis.balance import structural_balance
from explorer.analysis.blocs import actor_concentration, detect_communities, partition_modularity
from explorer.analysis.blocs import user_blocs as make_user_blocs
from explorer.analysis.capability import capability_index
from explorer.analysis.graphs import positive_projection, positive_view, signed_projection
from explorer.analysis.names import resolve_name
from explorer.analysis.paths import path_measures
from explorer.analysis.scenario_apply import apply_scenario
from explorer.analysis.view import ViewFilter, filtered, view_year
from explorer.model.entities import Change, Document

#: Changes smaller than this (a share of 0.00005 = 0.005 points, or that much efficiency)
#: are "no measurable effect": figures are rounded to 4 decimals before ranking.
NEGLIGIBLE = 5e-5
_DIGITS = 4


def _delta(a, b):
    return None if a is None or b is None else b - a


#: Figures :func:`removal_impact` can measure.
IMPACT_MEASURES = (
    # First, so pickers default to it: what a member's leaving costs the alliance.
    "alliance_share",
    "largest_component_share",
    "components",
    "isolated",
    "efficiency",
    "modularity",
    "balanced_share",
    "bloc_share",
    "con_actors",
    "con_user_blocs",
)


def measure_value(
    doc: Document,
    view: ViewFilter | None,
    measure: str,
    weights: Mapping[str, float] | None = None,
    bloc: str | None = None,
    alliance: str | None = None,
) -> float | None:
    """One figure of ``doc`` under ``view``, computing only what it needs.

    ``alliance_share`` is the aggregate share of world capability of ``alliance`` (an
    id; 0 when it has no full member in view)."""
    if measure not in IMPACT_MEASURES:
        raise ValueError(
            f"Unknown measure '{measure}'; expected one of {', '.join(IMPACT_MEASURES)}."
        )
    data = filtered(doc, view)
    if measure in ("bloc_share", "con_actors", "con_user_blocs", "alliance_share"):
        cap = capability_index(data.actors.values(), weights, view_year(view))
        if measure == "alliance_share":
            power = alliance_power(data, cap, figures={})
            return power[alliance].share if alliance in power else 0.0
        if measure == "con_actors":
            return actor_concentration(cap)
        blocs = make_user_blocs(data.blocs.values(), cap)
        if measure == "con_user_blocs":
            return blocs.con
        return next((b.share for b in blocs.blocs if b.id == bloc), 0.0)
    signed = signed_projection(data)
    if measure == "balanced_share":
        return structural_balance(signed).balanced_share
    g = positive_view(signed)
    n = g.number_of_nodes()
    if measure == "largest_component_share":
        return max((len(c) for c in nx.connected_components(g)), default=0) / n if n else 0.0
    if measure == "components":
        return float(nx.number_connected_components(g))
    if measure == "isolated":
        return float(sum(1 for _, d in g.degree() if d == 0))
    if measure == "efficiency":
        return path_measures(g).efficiency
    return partition_modularity(g, detect_communities(g))


def removal_impact(
    doc: Document,
    view: ViewFilter | None = None,
    alliance_id: str | None = None,
    measure: str = "largest_component_share",
    weights: Mapping[str, float] | None = None,
    bloc: str | None = None,
) -> list[tuple[str, float | None]]:
    """What each single departure does to ``measure``: (actor, scenario - baseline).

    With ``alliance_id``, each in-view member of the alliance leaves it alone
    (``remove_membership``); without, each actor in view is removed (``remove_actor``).
    For ``bloc_share``, ``bloc`` names the user bloc (default: the strongest one);
    ``alliance_share`` (the alliance's aggregate) needs ``alliance_id``.
    Sorted by the size of the change, largest first; None deltas last. Equal changes
    should share a rank and a zero change has none: see :func:`impact_ranks`.
    """
    data = filtered(doc, view)
    if measure == "alliance_share" and alliance_id is None:
        raise ValueError("The alliance_share measure needs an alliance.")
    if measure == "bloc_share" and bloc is None:
        blocs = make_user_blocs(
            data.blocs.values(), capability_index(data.actors.values(), weights, view_year(view))
        )
        if not blocs.blocs:
            raise ValueError("The bloc_share measure needs a user bloc; the project has none.")
        bloc = max(blocs.blocs, key=lambda b: (b.share, b.id)).id
    elif measure == "bloc_share":
        bloc = resolve_name(doc, bloc, "bloc")
    if alliance_id is not None:
        alliance_id = resolve_name(doc, alliance_id, "alliance")
    baseline = measure_value(doc, view, measure, weights, bloc, alliance_id)
    if alliance_id is not None:
        actors = sorted({m.actor for m in data.memberships if m.alliance == alliance_id})
        make = [Change("remove_membership", actor=a, alliance=alliance_id) for a in actors]
    else:
        actors = sorted(data.actors)
        make = [Change("remove_actor", actor=a) for a in actors]
    out = []
    for actor, change in zip(actors, make, strict=True):
        value = measure_value(
            apply_scenario(doc, [change]), view, measure, weights, bloc, alliance_id
        )
        out.append((actor, _delta(baseline, value)))
    out.sort(key=lambda x: (x[1] is None, -abs(x[1]) if x[1] is not None else 0.0, x[0]))
    return out


def impact_ranks(rows: Sequence[tuple[str, float | None]]) -> list[int | None]:
    """Shared ranks for :func:`removal_impact`'s rows, in their order: equal changes
    (to 4 decimals) share a rank, a change within :data:`NEGLIGIBLE` or None has none."""
    ranks: list[int | None] = []
    last: float | None = None
    for i, (_, delta) in enumerate(rows, start=1):
        if delta is None or abs(delta) < NEGLIGIBLE:
            ranks.append(None)
            continue
        key = round(abs(delta), _DIGITS)
        ranks.append(ranks[-1] if last == key and ranks and ranks[-1] else i)
        last = key
    return ranks


@dataclass(frozen=True)
class MemberImpact:
    """What one member's leaving costs its alliance (losses are positive)."""

    actor: str
    name: str
    #: Points of world capability share the alliance aggregate loses (None: no figures).
    capability_loss: float | None
    #: Global efficiency the alliance web loses (baseline - scenario).
    connectivity_loss: float
    #: 1 = largest loss; equal losses share a rank; None = no measurable effect.
    rank: int | None

    @property
    def measurable(self) -> bool:
        return self.rank is not None


def _key(row: MemberImpact) -> tuple[float, float]:
    return (round(row.capability_loss or 0.0, _DIGITS), round(row.connectivity_loss, _DIGITS))


def member_impact(
    doc: Document,
    view: ViewFilter | None,
    alliance_id: str,
    weights: Mapping[str, float] | None = None,
) -> list[MemberImpact]:
    """Each in-view full member of ``alliance_id`` leaves it alone; ranked (see module).

    Ranked members come first, largest loss first; the rest follow by name, unranked.
    """
    alliance_id = resolve_name(doc, alliance_id, "alliance")
    year = view_year(view)

    def figures(d: Document) -> tuple[float, float]:
        data = filtered(d, view)
        cap = capability_index(data.actors.values(), weights, year)
        power = alliance_power(data, cap, year, figures={})
        share = power[alliance_id].share if alliance_id in power else 0.0
        return share, path_measures(positive_projection(data)).efficiency

    base = filtered(doc, view)
    members = sorted({m.actor for m in base.memberships if m.alliance == alliance_id})
    share0, eff0 = figures(doc)
    rows = []
    for actor in members:
        change = Change("remove_membership", actor=actor, alliance=alliance_id)
        share, eff = figures(apply_scenario(doc, [change]))
        rows.append(MemberImpact(actor, doc.actors[actor].name, share0 - share, eff0 - eff, None))
    return _ranked(rows)


def _ranked(rows: list[MemberImpact]) -> list[MemberImpact]:
    def negligible(r: MemberImpact) -> bool:
        return abs(r.capability_loss or 0.0) < NEGLIGIBLE and abs(r.connectivity_loss) < NEGLIGIBLE

    measured = sorted((r for r in rows if not negligible(r)), key=lambda r: (
        -_key(r)[0], -_key(r)[1], r.name))
    out: list[MemberImpact] = []
    for i, r in enumerate(measured, start=1):
        same = out and _key(out[-1]) == _key(r)
        out.append(dataclasses.replace(r, rank=out[-1].rank if same else i))
    out += sorted((r for r in rows if negligible(r)), key=lambda r: r.name)
    return out
