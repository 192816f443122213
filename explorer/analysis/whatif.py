"""What-if scenarios: apply changes to a copy of the document and compare the figures.

:func:`apply_scenario` never touches the baseline: it returns a new :class:`Document`
whose dicts are new (the entities are frozen, so sharing them is safe).

- ``remove_actor``: the actor, its memberships, its ties and its place in user blocs go.
- ``remove_membership``: every membership of the actor in the alliance goes (all periods).
- ``dissolve_alliance``: the alliance and all its memberships go.
- ``move_to_bloc``: the actor leaves every user bloc and joins ``bloc`` (``bloc=None``
  leaves it in none).

Ids are resolved with :func:`~explorer.analysis.names.resolve_name` (ids or names, any
case); unknown ones raise :class:`~explorer.analysis.errors.UnknownName`.

:func:`compare` analyses baseline and scenario under the same view and reports every
scalar figure with its delta, rank changes of the top brokers (betweenness) and the
strongest actors, actors that became isolated, components that did not exist before and
the change of each user bloc's share. :func:`removal_impact` asks, for each member of an
alliance (or each actor), what its departure alone would do to one figure.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from explorer.analysis.balance import structural_balance
from explorer.analysis.blocs import actor_concentration, detect_communities, partition_modularity
from explorer.analysis.blocs import user_blocs as make_user_blocs
from explorer.analysis.capability import capability_index
from explorer.analysis.graphs import positive_view, signed_projection
from explorer.analysis.names import resolve_name
from explorer.analysis.paths import path_measures
from explorer.analysis.pipeline import Analysis, analyse
from explorer.analysis.view import FilteredData, ViewFilter, filtered, view_year
from explorer.model.entities import Change, Document, Scenario
from explorer.model.vocab import CHANGE_KINDS

#: How many top brokers / strongest actors the rank changes follow.
TOP_N = 10


def _changes(scenario: Scenario | Iterable[Change]) -> tuple[Change, ...]:
    return scenario.changes if isinstance(scenario, Scenario) else tuple(scenario)


def apply_scenario(doc: Document, scenario: Scenario | Iterable[Change]) -> Document:
    """A new document with ``scenario``'s changes applied in order; ``doc`` is unchanged."""
    new = Document(
        title=doc.title,
        actors=dict(doc.actors),
        alliances=dict(doc.alliances),
        memberships=dict(doc.memberships),
        ties=dict(doc.ties),
        blocs=dict(doc.blocs),
        scenarios=dict(doc.scenarios),
        regions=dict(doc.regions),
        sources=dict(doc.sources),
    )
    for change in _changes(scenario):
        _apply(new, change)
    return new


def _apply(doc: Document, change: Change) -> None:
    if change.kind not in CHANGE_KINDS:
        raise ValueError(f"Unknown change '{change.kind}'; expected one of {CHANGE_KINDS}.")
    actor = resolve_name(doc, change.actor, "actor") if change.kind != "dissolve_alliance" else None
    alliance = (
        resolve_name(doc, change.alliance, "alliance")
        if change.kind in ("remove_membership", "dissolve_alliance")
        else None
    )
    if change.kind == "remove_actor":
        del doc.actors[actor]
        doc.memberships = {k: m for k, m in doc.memberships.items() if m.actor != actor}
        doc.ties = {k: t for k, t in doc.ties.items() if actor not in (t.a, t.b)}
        _drop_from_blocs(doc, actor)
    elif change.kind == "remove_membership":
        doc.memberships = {
            k: m
            for k, m in doc.memberships.items()
            if not (m.actor == actor and m.alliance == alliance)
        }
    elif change.kind == "dissolve_alliance":
        del doc.alliances[alliance]
        doc.memberships = {k: m for k, m in doc.memberships.items() if m.alliance != alliance}
    else:  # move_to_bloc
        target = resolve_name(doc, change.bloc, "bloc") if change.bloc is not None else None
        _drop_from_blocs(doc, actor)
        if target is not None:
            bloc = doc.blocs[target]
            doc.blocs[target] = dataclasses.replace(bloc, members=(*bloc.members, actor))


def _drop_from_blocs(doc: Document, actor: str) -> None:
    for key, bloc in list(doc.blocs.items()):
        if actor in bloc.members:
            doc.blocs[key] = dataclasses.replace(
                bloc, members=tuple(m for m in bloc.members if m != actor)
            )


def scalar_figures(an: Analysis) -> dict[str, float | int | None]:
    """The graph-level figures of an analysis, by name (the rows of the comparison)."""
    net = an.network
    return {
        "actors": len(an.data.actors),
        "alliances": len(an.data.alliances),
        "memberships": len(an.data.memberships),
        "ties": len(an.data.ties),
        "edges": net.n_edges,
        "components": len(net.components),
        "largest_component_share": net.largest_component_share,
        "isolated": len(net.isolated),
        "articulation_points": len(net.articulation_points),
        "efficiency": net.efficiency,
        "modularity": an.detected_blocs.modularity,
        "detected_blocs": len(an.detected_blocs.blocs),
        "con_actors": actor_concentration(an.capability),
        "con_user_blocs": an.user_blocs.con,
        "con_detected_blocs": an.detected_blocs.con,
        "triangles": an.balance.triangles,
        "unbalanced_triangles": an.balance.unbalanced_count,
        "balanced_share": an.balance.balanced_share,
    }


def split_off(
    before: Iterable[tuple[str, ...]], after: Iterable[tuple[str, ...]]
) -> list[list[str]]:
    """Groups of two or more actors that split off a baseline component.

    Scenarios only remove, so each scenario component lies inside one baseline
    component; when a baseline component now holds several pieces of two or more
    actors, every piece but the largest is new. Largest first.
    """
    home = {a: i for i, comp in enumerate(before) for a in comp}
    pieces: dict[int, list[tuple[str, ...]]] = {}
    for comp in after:
        if len(comp) > 1 and comp[0] in home:
            pieces.setdefault(home[comp[0]], []).append(comp)
    out = [
        list(p) for group in pieces.values() for p in sorted(group, key=lambda c: (-len(c), c))[1:]
    ]
    return sorted(out, key=lambda c: (-len(c), c))


def _delta(a, b):
    return None if a is None or b is None else b - a


def _ranks(values: Mapping[str, float]) -> dict[str, int]:
    order = sorted(values, key=lambda k: (-values[k], k))
    return {k: i for i, k in enumerate(order, start=1)}


def rank_changes(
    before: Mapping[str, float], after: Mapping[str, float], top: int = TOP_N
) -> list[dict]:
    """Rank (1 = highest) before and after for the union of both top lists.

    ``rank_change`` is positive when the actor moved up; ranks are None for an actor
    absent from one side. Sorted by the better of the two ranks.
    """
    rb, ra = _ranks(before), _ranks(after)
    chosen = {k for k, r in rb.items() if r <= top} | {k for k, r in ra.items() if r <= top}
    rows = []
    for k in chosen:
        b, a = rb.get(k), ra.get(k)
        rows.append(
            {
                "actor": k,
                "baseline_rank": b,
                "scenario_rank": a,
                "rank_change": None if a is None or b is None else b - a,
                "baseline": before.get(k),
                "scenario": after.get(k),
                "delta": _delta(before.get(k), after.get(k)),
            }
        )
    rows.sort(
        key=lambda r: (min(x for x in (r["baseline_rank"], r["scenario_rank"]) if x), r["actor"])
    )
    return rows


def changes_outside(data: FilteredData, changes: Iterable[Change]) -> list[Change]:
    """The changes that touch nothing in ``data``: an actor or alliance outside the view,
    or a membership not in force in it. They cannot move this view's figures, which
    a user who filtered to other regions needs to be told."""
    pairs = {(m.actor, m.alliance) for m in data.memberships}
    outside = []
    for change in changes:
        if change.kind == "remove_membership":
            inside = (change.actor, change.alliance) in pairs
        elif change.kind == "dissolve_alliance":
            inside = change.alliance in data.alliances
        else:  # remove_actor, move_to_bloc
            inside = change.actor in data.actors
        if not inside:
            outside.append(change)
    return outside


@dataclass(frozen=True)
class Comparison:
    """Baseline and scenario figures under one view, with what changed.

    ``figures``: name -> {"baseline", "scenario", "delta"} for every scalar figure;
    ``brokers`` / ``capability``: rank-change rows (see :func:`rank_changes`);
    ``newly_isolated``: actors with links before and none after (removed ones excluded);
    ``removed_actors``: actors in view before and not after; ``new_components``: groups
    that split off a baseline component (see :func:`split_off`; single actors are in
    ``newly_isolated``);
    ``bloc_shares``: user bloc -> {"baseline", "scenario", "delta"}.
    """

    changes: tuple[Change, ...]
    baseline: Analysis
    scenario: Analysis
    figures: dict[str, dict]
    brokers: list[dict]
    capability: list[dict]
    newly_isolated: list[str]
    removed_actors: list[str]
    new_components: list[list[str]]
    bloc_shares: dict[str, dict]


def compare(
    doc: Document,
    scenario: Scenario | Iterable[Change],
    view: ViewFilter | None = None,
    weights: Mapping[str, float] | None = None,
) -> Comparison:
    """Analyse ``doc`` and ``apply_scenario(doc, scenario)`` under ``view`` and diff them."""
    changes = _changes(scenario)
    base = analyse(doc, view, weights)
    alt = analyse(apply_scenario(doc, changes), view, weights)
    fb, fa = scalar_figures(base), scalar_figures(alt)
    figures = {k: {"baseline": fb[k], "scenario": fa[k], "delta": _delta(fb[k], fa[k])} for k in fb}
    before_deg, after_deg = base.network.degree, alt.network.degree
    isolated = sorted(k for k, d in after_deg.items() if d == 0 and before_deg.get(k, 0) > 0)
    new_components = split_off(base.network.components, alt.network.components)
    blocs_before = {b.id: b.share for b in base.user_blocs.blocs}
    blocs_after = {b.id: b.share for b in alt.user_blocs.blocs}
    bloc_shares = {
        k: {
            "baseline": blocs_before.get(k),
            "scenario": blocs_after.get(k),
            "delta": _delta(blocs_before.get(k), blocs_after.get(k)),
        }
        for k in sorted(blocs_before.keys() | blocs_after.keys())
    }
    return Comparison(
        changes=changes,
        baseline=base,
        scenario=alt,
        figures=figures,
        brokers=rank_changes(base.network.betweenness, alt.network.betweenness),
        capability=rank_changes(base.capability.index, alt.capability.index),
        newly_isolated=isolated,
        removed_actors=sorted(base.data.actors.keys() - alt.data.actors.keys()),
        new_components=new_components,
        bloc_shares=bloc_shares,
    )


#: Figures :func:`removal_impact` can measure.
IMPACT_MEASURES = (
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
) -> float | None:
    """One figure of ``doc`` under ``view``, computing only what it needs."""
    if measure not in IMPACT_MEASURES:
        raise ValueError(
            f"Unknown measure '{measure}'; expected one of {', '.join(IMPACT_MEASURES)}."
        )
    data = filtered(doc, view)
    if measure in ("bloc_share", "con_actors", "con_user_blocs"):
        cap = capability_index(data.actors.values(), weights, view_year(view))
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
    For ``bloc_share``, ``bloc`` names the user bloc (default: the strongest one).
    Sorted by the size of the change, largest first; None deltas last.
    """
    data = filtered(doc, view)
    if measure == "bloc_share" and bloc is None:
        blocs = make_user_blocs(
            data.blocs.values(), capability_index(data.actors.values(), weights, view_year(view))
        )
        if not blocs.blocs:
            raise ValueError("The bloc_share measure needs a user bloc; the project has none.")
        bloc = max(blocs.blocs, key=lambda b: (b.share, b.id)).id
    elif measure == "bloc_share":
        bloc = resolve_name(doc, bloc, "bloc")
    baseline = measure_value(doc, view, measure, weights, bloc)
    if alliance_id is not None:
        alliance_id = resolve_name(doc, alliance_id, "alliance")
        actors = sorted({m.actor for m in data.memberships if m.alliance == alliance_id})
        make = [Change("remove_membership", actor=a, alliance=alliance_id) for a in actors]
    else:
        actors = sorted(data.actors)
        make = [Change("remove_actor", actor=a) for a in actors]
    out = []
    for actor, change in zip(actors, make, strict=True):
        value = measure_value(apply_scenario(doc, [change]), view, measure, weights, bloc)
        out.append((actor, _delta(baseline, value)))
    out.sort(key=lambda x: (x[1] is None, -abs(x[1]) if x[1] is not None else 0.0, x[0]))
    return out
