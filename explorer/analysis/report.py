"""The analysis report: one stable, JSON-serialisable dict, and its fixed-width text form.

:func:`build_report` returns (schema 1; floats are plain floats, absent values None)::

    {
      "schema": 1,
      "title": str,
      "vintage": str, "latest": str,  # the data's age ("2025-11"), "latest data (2025-11)"
      "summary": [str],              # 2-4 sentences (the comparison's, with a scenario)
      "view": {as_of, regions, keep_partners, alliance_kinds, alliances, actor_kinds,
               min_capability},
      "counts": {actors, context_actors, alliances, memberships, ties, positive_ties,
                 negative_ties, edges},
      "capability": {
        "weights": {metric: weight}, "totals": {metric: total},
        "con": float | None,                       # concentration over actors
        "top": [{rank, actor, name, index, share}],           # TOP_ACTORS strongest
        "no_data": [actor], "warheads": [{actor, name, warheads}]},
      "blocs": {
        "user": {"blocs": [{id, name, size, strength, share}], "unaligned_share",
                 "con", "ratios": [{a, b, ratio}]},
        "detected": {"count", "singletons", "modularity", "method",  # Louvain | Leiden
                     "con", "unaligned_share",
                     "blocs": [{id, name, size, members, strength, share}],  # size >= 2
                     "ratios": [{a, b, ratio}]},
        "alliance": {"blocs": [{id, name, size, members, strength, share}],
                     "unaligned_share", "con", "ratios"},  # defence-pact blocs
        "headline": "user" | "detected" | "alliance"},
      "alliances": [{id, name, obligation, members, with_data, index, share,
                     "figures": {metric: sum}, "reported": {metric: members}}],
      "allied": [{rank, actor, name, own, share, allies,
                  "contributors": [{actor, name, via, obligation, weight, share}]}],
      "glossary": [{key, label, text, better, unit}],     # every measure shown
      "network": {nodes, edges, components, largest_component_share, isolated: [actor],
                  efficiency, modularity, sampled, sample_k,
                  "top_brokers": [{rank, actor, name, betweenness, degree,
                                   weighted_degree, eigenvector, constraint}],
                  "top_eigenvector": [{rank, actor, name, eigenvector}],
                  "articulation_points": [actor]},
      "balance": {triangles, balanced, unbalanced, balanced_share,
                  "unbalanced_triangles": [[a, b, c]], "unbalanced_listed": int},
      # only with a scenario:
      "scenario": {"name": str | None, "changes": [{kind, actor, alliance, bloc,
                                                  description}]},
      "comparison": {"figures": {name: {baseline, scenario, delta}},
                     "brokers": [{actor, name, baseline_rank, scenario_rank, rank_change,
                                  baseline, scenario, delta}],
                     "capability": [same rows for the capability index],
                     "newly_isolated": [actor], "removed_actors": [actor],
                     "new_components": [[actor]],
                     "bloc_shares": {bloc: {baseline, scenario, delta}},
                     "outside_view": [description of each change that touches
                                      nothing in the view, so cannot move it],
                     "headline": str, "bloc_views": {view: {bloc: {name, baseline,
                                                     scenario, delta}}},
                     "alliances": {alliance: {name, obligation, baseline, scenario, delta,
                                   members_baseline, members_scenario, lost, gained,
                                   "figures": {metric: {baseline, scenario, delta}}}},
                     "allied": {actor: {name, baseline, scenario, delta, own_baseline,
                                own_scenario, allies_baseline, allies_scenario}},
                     "alliances_unchanged": int, "allied_unchanged": int}
                     # bloc_views / alliances / allied list only the rows that moved
    }

With a scenario, every section but ``scenario``/``comparison`` describes the baseline.
Lists are cut to a readable length (``TOP_*`` constants); counts stay complete. An empty
view gives zeros, empty lists and None, never an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from explorer.analysis import report_power
from explorer.analysis.blocs import actor_concentration
from explorer.analysis.glossary import glossary
from explorer.analysis.names import changes_from_cli, resolve_name, resolve_names
from explorer.analysis.narrative import analysis_summary, comparison_summary
from explorer.analysis.pipeline import STAGES as ANALYSIS_STAGES
from explorer.analysis.pipeline import Analysis, Progress, analyse
from explorer.analysis.power_compare import DEFAULT_HEADLINE, check_headline, power_side
from explorer.analysis.report_text import format_text
from explorer.analysis.view import ViewFilter
from explorer.analysis.whatif import Comparison, changes_outside, compare
from explorer.model.describe import describe_change
from explorer.model.entities import Change, Document, Scenario

__all__ = ["build_report", "changes_from_cli", "format_text", "report_stages", "resolve_names"]

SCHEMA = 1
TOP_ACTORS = 15
TOP_BROKERS = 10
TOP_DETECTED = 10
MAX_TRIANGLES = 50


def _name(an: Analysis, actor: str) -> str:
    a = an.data.actors.get(actor)
    return a.name if a else actor


def _capability(an: Analysis) -> dict:
    cap = an.capability
    ranked = [a for a in cap.ranking() if a not in cap.missing][:TOP_ACTORS]
    return {
        "weights": dict(cap.weights),
        "totals": dict(cap.totals),
        "con": actor_concentration(cap),
        "top": [
            {
                "rank": i,
                "actor": a,
                "name": _name(an, a),
                "index": cap.index[a],
                "share": cap.share[a],
            }
            for i, a in enumerate(ranked, start=1)
        ],
        "no_data": list(cap.no_data),
        "warheads": [
            {"actor": a, "name": _name(an, a), "warheads": v}
            for a, v in sorted(cap.warheads.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
    }


def _blocs(an: Analysis, headline: str) -> dict:
    user = an.user_blocs
    det = an.detected_blocs
    shown = [b for b in det.blocs if len(b.members) >= 2][:TOP_DETECTED]
    return {
        "user": {
            "blocs": [
                {
                    "id": b.id,
                    "name": b.name,
                    "size": len(b.members),
                    "strength": b.strength,
                    "share": b.share,
                }
                for b in user.blocs
            ],
            "unaligned_share": user.unaligned_share,
            "con": user.con,
            "ratios": user.ratios(),
        },
        "detected": {
            "count": len(det.blocs),
            "singletons": sum(1 for b in det.blocs if len(b.members) == 1),
            "modularity": det.modularity,
            "method": det.method,
            "con": det.con,
            "unaligned_share": det.unaligned_share,
            "blocs": [
                {
                    "id": b.id,
                    "name": b.name,
                    "size": len(b.members),
                    "members": list(b.members),
                    "strength": b.strength,
                    "share": b.share,
                }
                for b in shown
            ],
            "ratios": det.ratios(limit=min(len(shown), 4)),
        },
        "alliance": report_power.bloc_view(an.alliance_blocs),
        "headline": headline,
    }


def _network(an: Analysis) -> dict:
    net = an.network
    brokers = net.top("betweenness", TOP_BROKERS)
    return {
        "nodes": net.n_nodes,
        "edges": net.n_edges,
        "components": len(net.components),
        "largest_component_share": net.largest_component_share,
        "isolated": list(net.isolated),
        "efficiency": net.efficiency,
        "modularity": an.detected_blocs.modularity,
        "sampled": net.betweenness_sampled,
        "sample_k": net.betweenness_k,
        "top_brokers": [
            {
                "rank": i,
                "actor": a,
                "name": _name(an, a),
                "betweenness": v,
                "degree": net.degree[a],
                "weighted_degree": net.weighted_degree[a],
                "eigenvector": net.eigenvector[a],
                "constraint": net.constraint[a],
            }
            for i, (a, v) in enumerate(brokers, start=1)
        ],
        "top_eigenvector": [
            {"rank": i, "actor": a, "name": _name(an, a), "eigenvector": v}
            for i, (a, v) in enumerate(net.top("eigenvector", TOP_BROKERS), start=1)
        ],
        "articulation_points": list(net.articulation_points),
    }


def _direction(doc: Document, an: Analysis) -> dict:
    """How many ties in view the imported file made directed, and what the analysis does
    with them: every measure here reads links both ways."""
    directed = sum(1 for t in an.data.ties
                   if (p := doc.extras.edges.get(f"tie:{t.id}")) is not None and p.directed)
    note = (f"{directed} ties in view are directed in the imported file; the analysis "
            "treats every link as undirected (brokers, components, blocs, balance)."
            if directed else "")
    return {"directed_ties": directed, "direction_note": note}


def _balance(an: Analysis) -> dict:
    b = an.balance
    return {
        "triangles": b.triangles,
        "balanced": b.balanced,
        "unbalanced": b.unbalanced_count,
        "balanced_share": b.balanced_share,
        "unbalanced_triangles": [list(t) for t in b.unbalanced[:MAX_TRIANGLES]],
        "unbalanced_listed": len(b.unbalanced),
    }


def _counts(an: Analysis) -> dict:
    d = an.data
    return {
        "actors": len(d.actors),
        "context_actors": len(d.context),
        "alliances": len(d.alliances),
        "memberships": len(d.memberships),
        "ties": len(d.ties),
        "positive_ties": sum(1 for t in d.ties if t.sign > 0),
        "negative_ties": sum(1 for t in d.ties if t.sign < 0),
        "edges": an.positive.number_of_edges(),
    }


def _comparison(c: Comparison) -> dict:
    def named(rows: list[dict]) -> list[dict]:
        out = []
        for r in rows:
            an = c.baseline if r["actor"] in c.baseline.data.actors else c.scenario
            out.append({"actor": r["actor"], "name": _name(an, r["actor"])} | r)
        return out

    outside = changes_outside(c.baseline.data, c.changes)
    return {
        "figures": c.figures,
        "brokers": named(c.brokers),
        "capability": named(c.capability),
        "newly_isolated": c.newly_isolated,
        "removed_actors": c.removed_actors,
        "new_components": c.new_components,
        "bloc_shares": c.bloc_shares,
        "outside_view": [ch.describe() for ch in outside],
    } | report_power.comparison(c)


#: The last stage of :func:`build_report`, after the analysis or the comparison.
TABLES_STAGE = "summary and tables"


def report_stages(with_scenario: bool) -> tuple[str, ...]:
    """The stages :func:`build_report` reports progress in, in order: a what-if report is
    one comparison step (it analyses baseline and scenario inside), then the tables."""
    return (("what-if comparison",) if with_scenario else ANALYSIS_STAGES) + (TABLES_STAGE,)


def build_report(
    doc: Document,
    view: ViewFilter | None = None,
    scenario: Scenario | Iterable[Change] | str | None = None,
    weights: Mapping[str, float] | None = None,
    headline: str = DEFAULT_HEADLINE,
    against: Scenario | str | None = None,
    progress: Progress | None = None,
) -> dict:
    """The report of ``doc`` under ``view``; with ``scenario`` (a Scenario, a list of
    changes, or the name of a saved scenario) also the what-if comparison, against the
    baseline or the scenario ``against``. ``headline`` is the bloc view ("user",
    "detected", "alliance") the summary and text lead with. ``progress(done, total)`` is
    called with 0, then after each of ``report_stages(scenario is not None)``."""
    total = len(report_stages(scenario is not None))

    def tell(done: int) -> None:
        if progress is not None:
            progress(done, total)

    view = view or ViewFilter()
    headline = check_headline(headline)
    name = None
    if isinstance(scenario, str):
        scenario = doc.scenarios[resolve_name(doc, scenario, "scenario")]
    if isinstance(scenario, Scenario):
        name = scenario.name
    comparison = None
    if isinstance(against, str):
        against = doc.scenarios[resolve_name(doc, against, "scenario")]
    if scenario is not None:
        tell(0)
        comparison = compare(doc, scenario, view, weights, headline, reference=against)
        tell(1)
        base = comparison.baseline
        side = comparison.baseline_power
        summary = comparison_summary(comparison, changes_outside(base.data, comparison.changes))
    else:
        base = analyse(doc, view, weights, progress=lambda done, _total: tell(done))
        side = power_side(base)
        summary = analysis_summary(base, side, headline)
    report = {
        "schema": SCHEMA,
        "title": doc.title,
        "summary": summary,
        "view": view.to_dict(),
        "counts": _counts(base),
        "capability": _capability(base),
        "blocs": _blocs(base, headline),
        "alliances": report_power.alliances(side),
        "allied": report_power.allied(base, side),
        "network": {**_network(base), **_direction(doc, base)},
        "vintage": doc.vintage,
        "latest": f"latest data ({doc.vintage})" if doc.vintage else "latest data",
        "balance": _balance(base),
        "glossary": glossary(),
    }
    if comparison is not None:
        report["scenario"] = {
            "name": name,
            "against": comparison.reference_name,
            "changes": [
                {
                    "kind": ch.kind,
                    "actor": ch.actor,
                    "alliance": ch.alliance,
                    "bloc": ch.bloc,
                    "description": describe_change(doc, ch),
                }
                for ch in comparison.changes
            ],
        }
        report["comparison"] = _comparison(comparison)
    tell(total)
    return report
