"""What-if comparison: analyse the baseline and a scenario under one view and diff them.

:func:`compare` reports every scalar figure of the measure registry
(:mod:`~explorer.analysis.glossary`) with its delta, rank changes of the top brokers
(betweenness) and the strongest actors, actors that became isolated, components that
did not exist before, the shares of the three bloc views (user, detected, alliance-derived;
``headline`` names the one to lead with), each alliance's aggregate and each actor's
allied capability (:mod:`~explorer.analysis.alliance_power`).

:func:`apply_scenario` lives in :mod:`~explorer.analysis.scenario_apply` and
:func:`removal_impact` in :mod:`~explorer.analysis.impact`; both are re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from explorer.analysis.glossary import scalar_figures
from explorer.analysis.impact import (
    IMPACT_MEASURES,
    MemberImpact,
    impact_ranks,
    measure_value,
    member_impact,
    removal_impact,
)
from explorer.analysis.pipeline import Analysis, analyse
from explorer.analysis.power_compare import (
    DEFAULT_HEADLINE,
    PowerSide,
    alliance_rows,
    allied_rows,
    bloc_view_rows,
    check_headline,
    power_side,
)
from explorer.analysis.scenario_apply import _changes, apply_scenario, is_unaligned
from explorer.analysis.view import FilteredData, ViewFilter
from explorer.model.entities import Change, Document, Scenario

__all__ = [
    "IMPACT_MEASURES",
    "Comparison",
    "MemberImpact",
    "apply_scenario",
    "changes_outside",
    "compare",
    "impact_ranks",
    "is_unaligned",
    "measure_value",
    "member_impact",
    "rank_changes",
    "removal_impact",
    "scalar_figures",
    "split_off",
]

#: How many top brokers / strongest actors the rank changes follow.
TOP_N = 10


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
    ``bloc_shares``: user bloc -> {"baseline", "scenario", "delta"};
    ``bloc_views``: "user" | "detected" | "alliance" -> bloc -> {name, baseline,
    scenario, delta} (see :func:`~explorer.analysis.power_compare.bloc_view_rows`) and
    ``headline`` the view to lead with;
    ``alliances``: alliance -> aggregate share row with members lost and figure deltas;
    ``allied``: actor -> allied-capability row; both largest change first;
    ``baseline_power`` / ``scenario_power``: the detail behind them (contributors);
    ``reference_name``: the scenario the "baseline" side applies (None: the baseline).
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
    headline: str = DEFAULT_HEADLINE
    bloc_views: dict[str, dict[str, dict]] = field(default_factory=dict)
    alliances: dict[str, dict] = field(default_factory=dict)
    allied: dict[str, dict] = field(default_factory=dict)
    baseline_power: PowerSide | None = None
    scenario_power: PowerSide | None = None
    #: set when the "baseline" side is another scenario (scenario vs scenario)
    reference_name: str | None = None
    reference_only: tuple[Change, ...] = ()


def compare(
    doc: Document,
    scenario: Scenario | Iterable[Change],
    view: ViewFilter | None = None,
    weights: Mapping[str, float] | None = None,
    headline: str = DEFAULT_HEADLINE,
    binding_weights: Mapping[str, float] | None = None,
    reference: Scenario | None = None,
) -> Comparison:
    """Analyse ``doc`` and ``apply_scenario(doc, scenario)`` under ``view`` and diff them.

    ``headline``: the bloc view to lead with; ``binding_weights``: obligation -> weight
    for allied capability (default :data:`~explorer.analysis.alliance_power.BINDING_WEIGHTS`).
    ``reference``: compare with this scenario applied instead of the baseline; then
    ``changes`` are the scenario's changes the reference does not make, and
    ``reference_only`` the reference's changes the scenario does not make.
    """
    headline = check_headline(headline)
    changes = _changes(scenario)
    reference_only: tuple[Change, ...] = ()
    if reference is not None:
        ref_changes = _changes(reference)
        reference_only = tuple(c for c in ref_changes if c not in changes)
        base = analyse(apply_scenario(doc, ref_changes), view, weights)
        changes = tuple(c for c in changes if c not in ref_changes)
        alt = analyse(apply_scenario(doc, _changes(scenario)), view, weights)
    else:
        base = analyse(doc, view, weights)
        alt = analyse(apply_scenario(doc, changes), view, weights)
    return _diff(changes, base, alt, headline, binding_weights,
                 reference.name if reference is not None else None, reference_only)


def _diff(changes, base: Analysis, alt: Analysis, headline: str, binding_weights,
          reference_name: str | None, reference_only: tuple[Change, ...]) -> Comparison:
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
    pb, pa = power_side(base, binding_weights), power_side(alt, binding_weights)
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
        headline=headline,
        bloc_views=bloc_view_rows(base, alt),
        alliances=alliance_rows(pb, pa),
        allied=allied_rows(pb, pa),
        baseline_power=pb,
        scenario_power=pa,
        reference_name=reference_name,
        reference_only=reference_only,
    )
