"""The analysis report: one stable, JSON-serialisable dict, and its fixed-width text form.

:func:`build_report` returns (schema 1; floats are plain floats, absent values None)::

    {
      "schema": 1,
      "title": str,
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
        "detected": {"count", "singletons", "modularity", "con", "unaligned_share",
                     "blocs": [{id, name, size, members, strength, share}],  # size >= 2
                     "ratios": [{a, b, ratio}]}},
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
                                      nothing in the view, so cannot move it]}
    }

With a scenario, every section but ``scenario``/``comparison`` describes the baseline.
Lists are cut to a readable length (``TOP_*`` constants); counts stay complete. An empty
view gives zeros, empty lists and None, never an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from explorer.analysis.blocs import actor_concentration
from explorer.analysis.names import changes_from_cli, resolve_name, resolve_names
from explorer.analysis.pipeline import Analysis, analyse
from explorer.analysis.view import ViewFilter
from explorer.analysis.whatif import Comparison, changes_outside, compare
from explorer.model.entities import Change, Document, Scenario

__all__ = ["build_report", "changes_from_cli", "format_text", "resolve_names"]

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
    ranked = [a for a in cap.ranking() if a not in cap.no_data][:TOP_ACTORS]
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


def _blocs(an: Analysis) -> dict:
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

    return {
        "figures": c.figures,
        "brokers": named(c.brokers),
        "capability": named(c.capability),
        "newly_isolated": c.newly_isolated,
        "removed_actors": c.removed_actors,
        "new_components": c.new_components,
        "bloc_shares": c.bloc_shares,
        "outside_view": [ch.describe() for ch in changes_outside(c.baseline.data, c.changes)],
    }


def build_report(
    doc: Document,
    view: ViewFilter | None = None,
    scenario: Scenario | Iterable[Change] | str | None = None,
    weights: Mapping[str, float] | None = None,
) -> dict:
    """The report of ``doc`` under ``view``; with ``scenario`` (a Scenario, a list of
    changes, or the name of a saved scenario) also the what-if comparison."""
    view = view or ViewFilter()
    name = None
    if isinstance(scenario, str):
        scenario = doc.scenarios[resolve_name(doc, scenario, "scenario")]
    if isinstance(scenario, Scenario):
        name = scenario.name
    comparison = None
    if scenario is not None:
        comparison = compare(doc, scenario, view, weights)
        base = comparison.baseline
    else:
        base = analyse(doc, view, weights)
    report = {
        "schema": SCHEMA,
        "title": doc.title,
        "view": view.to_dict(),
        "counts": _counts(base),
        "capability": _capability(base),
        "blocs": _blocs(base),
        "network": _network(base),
        "balance": _balance(base),
    }
    if comparison is not None:
        report["scenario"] = {
            "name": name,
            "changes": [
                {
                    "kind": ch.kind,
                    "actor": ch.actor,
                    "alliance": ch.alliance,
                    "bloc": ch.bloc,
                    "description": ch.describe(),
                }
                for ch in comparison.changes
            ],
        }
        report["comparison"] = _comparison(comparison)
    return report


# --- text ---------------------------------------------------------------------------


def _fmt(value, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _signed(value, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return f"{value:+d}"
    return f"{value:+.{digits}f}"


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    if not rows:
        return ["  (none)"]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        parts = [
            c.ljust(w) if i == 0 or not _numeric(c) else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  " + "  ".join(parts).rstrip()

    return [line(headers), "  " + "  ".join("-" * w for w in widths), *map(line, rows)]


def _numeric(cell: str) -> bool:
    return cell.lstrip("+-").replace(".", "", 1).replace("%", "").isdigit() or cell == "-"


def _points(value) -> str:
    return "-" if value is None else f"{100 * value:+.1f} pp"


def _pct(value) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _ids(items: list, limit: int = 12) -> str:
    if not items:
        return "none"
    more = f" … (+{len(items) - limit})" if len(items) > limit else ""
    return ", ".join(map(str, items[:limit])) + more


def format_text(report: dict) -> str:
    """A readable fixed-width rendering of :func:`build_report`'s dict."""
    out: list[str] = []
    view = report["view"]
    out.append(f"Strategic balance report: {report['title']}")
    out.append(
        f"As of {view['as_of'] or 'today (open-ended memberships)'}; regions: "
        f"{', '.join(view['regions']) or 'all'}"
        + (" (with partners)" if view["keep_partners"] else "")
    )
    c = report["counts"]
    out.append(
        f"{c['actors']} actors ({c['context_actors']} context), {c['alliances']} alliances, "
        f"{c['memberships']} memberships, {c['ties']} ties (+{c['positive_ties']} / "
        f"-{c['negative_ties']}), {c['edges']} projection edges"
    )

    cap = report["capability"]
    out += ["", f"Capability (CON over actors {_fmt(cap['con'])})"]
    if any(w != 1.0 for w in cap["weights"].values()):
        out.append("  Weights: " + ", ".join(f"{m} {w:g}" for m, w in cap["weights"].items()))
    out += _table(
        ["#", "Actor", "Name", "Index", "Share"],
        [
            [str(r["rank"]), r["actor"], r["name"], _fmt(r["index"], 4), _pct(r["share"])]
            for r in cap["top"]
        ],
    )
    if cap["no_data"]:
        out.append(f"  No data: {_ids(cap['no_data'])}")
    if cap["warheads"]:
        out.append(
            "  Warheads: " + _ids([f"{w['actor']} {w['warheads']:g}" for w in cap["warheads"]])
        )

    blocs = report["blocs"]
    user = blocs["user"]
    out += ["", f"User blocs (CON {_fmt(user['con'])}, unaligned {_pct(user['unaligned_share'])})"]
    out += _table(
        ["Bloc", "Name", "Size", "Strength", "Share"],
        [
            [b["id"], b["name"], str(b["size"]), _fmt(b["strength"], 4), _pct(b["share"])]
            for b in user["blocs"]
        ],
    )
    for r in user["ratios"]:
        out.append(f"  {r['a']} : {r['b']} = {_fmt(r['ratio'], 2)}")
    det = blocs["detected"]
    out += [
        "",
        f"Detected blocs (Louvain): {det['count']} ({det['singletons']} single actors), "
        f"modularity {_fmt(det['modularity'])}, CON {_fmt(det['con'])}",
    ]
    out += _table(
        ["Bloc", "Name", "Size", "Strength", "Share"],
        [
            [b["id"], b["name"], str(b["size"]), _fmt(b["strength"], 4), _pct(b["share"])]
            for b in det["blocs"]
        ],
    )

    net = report["network"]
    out += [
        "",
        f"Network: {net['nodes']} actors, {net['edges']} links, {net['components']} components "
        f"(largest {_pct(net['largest_component_share'])}), efficiency {_fmt(net['efficiency'])}"
        + (f" [sampled, k={net['sample_k']}]" if net["sampled"] else ""),
        "Top brokers (betweenness)",
    ]
    out += _table(
        ["#", "Actor", "Name", "Betweenness", "Degree", "Eigenvector", "Constraint"],
        [
            [
                str(r["rank"]),
                r["actor"],
                r["name"],
                _fmt(r["betweenness"]),
                str(r["degree"]),
                _fmt(r["eigenvector"]),
                _fmt(r["constraint"]),
            ]
            for r in net["top_brokers"]
        ],
    )
    out.append(f"  Articulation points: {_ids(net['articulation_points'])}")
    out.append(f"  Isolated: {_ids(net['isolated'])}")

    bal = report["balance"]
    out += [
        "",
        f"Structural balance: {bal['triangles']} triangles, {_pct(bal['balanced_share'])} "
        f"balanced, {bal['unbalanced']} unbalanced",
    ]
    for t in bal["unbalanced_triangles"][:10]:
        out.append("  unbalanced: " + " – ".join(t))
    if bal["unbalanced"] > 10:
        out.append(f"  … {bal['unbalanced'] - min(10, len(bal['unbalanced_triangles']))} more")

    if "comparison" in report:
        sc = report["scenario"]
        cmp = report["comparison"]
        out += ["", f"What-if: {sc['name'] or 'ad hoc scenario'}"]
        out += [f"  - {ch['description']}" for ch in sc["changes"]]
        if cmp["outside_view"]:
            out.append("  Outside the view, so without effect here: "
                       + "; ".join(cmp["outside_view"]))
        out += _table(
            ["Figure", "Baseline", "Scenario", "Delta"],
            [
                [k, _fmt(v["baseline"], 4), _fmt(v["scenario"], 4), _signed(v["delta"], 4)]
                for k, v in cmp["figures"].items()
            ],
        )
        out += ["", "Brokers: rank changes"]
        out += _rank_rows(cmp["brokers"])
        out += ["", "Capability: rank changes"]
        out += _rank_rows(cmp["capability"])
        out += ["", "User bloc shares"]
        out += _table(
            ["Bloc", "Baseline", "Scenario", "Delta"],
            [
                [k, _pct(v["baseline"]), _pct(v["scenario"]), _points(v["delta"])]
                for k, v in cmp["bloc_shares"].items()
            ],
        )
        out.append(f"  Removed: {_ids(cmp['removed_actors'])}")
        out.append(f"  Newly isolated: {_ids(cmp['newly_isolated'])}")
        parts = ["{" + _ids(c, 5) + "}" for c in cmp["new_components"]]
        out.append(f"  New components: {_ids(parts, 6)}")
    return "\n".join(out) + "\n"


def _rank_rows(rows: list[dict]) -> list[str]:
    return _table(
        ["Actor", "Name", "Before", "After", "Moved", "Delta"],
        [
            [
                r["actor"],
                r["name"],
                _fmt(r["baseline_rank"]),
                _fmt(r["scenario_rank"]),
                _signed(r["rank_change"]),
                _signed(r["delta"], 4),
            ]
            for r in rows
        ],
    )
