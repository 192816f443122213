"""The fixed-width text form of :func:`~explorer.analysis.report.build_report`'s dict."""

from __future__ import annotations

#: Rows of the pooled-power tables in the text (the JSON keeps every row that moved).
TEXT_ROWS = 10
BLOC_TITLES = {
    "user": "User blocs",
    "detected": "Detected blocs (Louvain)",
    "alliance": "Alliance-derived blocs (defence pacts)",
}


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


def format_text(report: dict, glossary: bool = False) -> str:
    """A readable fixed-width rendering of ``build_report``'s dict (with the glossary)."""
    out: list[str] = []
    view = report["view"]
    out.append(f"Strategic balance report: {report['title']}")
    out.append(
        f"As of {view['as_of'] or report.get('latest', 'latest data')}; regions: "
        f"{', '.join(view['regions']) or 'all'}"
        + (" (with partners)" if view["keep_partners"] else "")
    )
    c = report["counts"]
    out.append(
        f"{c['actors']} actors ({c['context_actors']} context), {c['alliances']} alliances, "
        f"{c['memberships']} memberships, {c['ties']} ties (+{c['positive_ties']} / "
        f"-{c['negative_ties']}), {c['edges']} projection edges"
    )

    if report.get("summary"):
        out += ["", "Summary"] + [f"  {line}" for line in report["summary"]]

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

    out += _bloc_sections(report["blocs"])
    out += _power_sections(report)

    net = report["network"]
    out += [
        "",
        f"Network: {net['nodes']} actors, {net['edges']} links, {net['components']} components "
        f"(largest {_pct(net['largest_component_share'])}), efficiency {_fmt(net['efficiency'])}"
        + (f" [sampled, k={net['sample_k']}]" if net["sampled"] else ""),
        "Top brokers (betweenness"
        + (f", estimated from {net['sample_k']} sampled actors)" if net["sampled"] else ")"),
    ]
    if net.get("direction_note"):
        out.insert(len(out) - 1, f"  {net['direction_note']}")
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
        against = f" (compared with {sc['against']}, not the baseline)" if sc.get("against") else ""
        out += ["", f"What-if: {sc['name'] or 'ad hoc scenario'}{against}"]
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
        out += _power_comparison(cmp)
        out.append(f"  Removed: {_ids(cmp['removed_actors'])}")
        out.append(f"  Newly isolated: {_ids(cmp['newly_isolated'])}")
        parts = ["{" + _ids(c, 5) + "}" for c in cmp["new_components"]]
        out.append(f"  New components: {_ids(parts, 6)}")
    if glossary and report.get("glossary"):
        out += ["", "Glossary"]
        for m in report["glossary"]:
            better = "" if m["better"] == "neutral" else f" ({m['better']} is better)"
            out.append(f"  {m['label']} [{m['key']}]{better}: {m['text']}")
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


def _bloc_table(title: str, view: dict) -> list[str]:
    out = ["", f"{title} (CON {_fmt(view['con'])}, unaligned {_pct(view['unaligned_share'])})"]
    out += _table(
        ["Bloc", "Name", "Size", "Strength", "Share"],
        [
            [b["id"], b["name"], str(b["size"]), _fmt(b["strength"], 4), _pct(b["share"])]
            for b in view["blocs"]
        ],
    )
    for r in view["ratios"]:
        out.append(f"  {r['a']} : {r['b']} = {_fmt(r['ratio'], 2)}")
    return out


def _bloc_sections(blocs: dict) -> list[str]:
    """The three bloc views, the headline one first."""
    headline = blocs.get("headline", "user")
    order = [headline] + [v for v in BLOC_TITLES if v != headline]
    out: list[str] = []
    for view in order:
        if view not in blocs:
            continue
        title = BLOC_TITLES[view] + (" [headline]" if view == headline else "")
        if view == "detected":
            det = blocs["detected"]
            if det.get("method") and det["method"] != "Louvain":
                title = title.replace("Louvain", det["method"])
            title += (f": {det['count']} ({det['singletons']} single actors), modularity "
                      f"{_fmt(det['modularity'])}")
        out += _bloc_table(title, blocs[view])
    return out


def _money(value) -> str:
    return "-" if value is None else f"{value:,.0f}"


def _power_sections(report: dict) -> list[str]:
    out: list[str] = []
    rows = report.get("alliances", [])
    if rows:
        out += ["", f"Alliance aggregates (in-force full members; top {TEXT_ROWS} by share)"]
        out += _table(
            ["Alliance", "Members", "With data", "Share", "Milex US$ bn", "Pop. M"],
            [
                [r["id"], str(r["members"]), str(r["with_data"]), _pct(r["share"]),
                 _money(r["figures"].get("milex_usd_bn")),
                 _money(r["figures"].get("population_m"))]
                for r in rows[:TEXT_ROWS]
            ],
        )
    allied = report.get("allied", [])
    if allied:
        out += ["", f"Allied capability (own share + weighted allies; top {TEXT_ROWS})"]
        out += _table(
            ["#", "Actor", "Name", "Own", "Allied", "Allies"],
            [
                [str(r["rank"]), r["actor"], r["name"], _pct(r["own"]), _pct(r["share"]),
                 str(r["allies"])]
                for r in allied[:TEXT_ROWS]
            ],
        )
    return out


def _power_comparison(cmp: dict) -> list[str]:
    out = ["", "Alliance aggregates that moved (share of world capability)"]
    metric = "milex_usd_bn"
    out += _table(
        ["Alliance", "Members", "Baseline", "Scenario", "Delta", "Milex Δ US$ bn"],
        [
            [k, f"{_fmt(r['members_baseline'])}→{_fmt(r['members_scenario'])}",
             _pct(r["baseline"]), "gone" if r["scenario"] is None else _pct(r["scenario"]),
             _points(r["delta"]),
             _signed(r["figures"].get(metric, {}).get("delta"), 0)]
            for k, r in list(cmp.get("alliances", {}).items())[:TEXT_ROWS]
        ],
    )
    out.append(_more(len(cmp.get("alliances", {})), cmp.get("alliances_unchanged", 0),
                     "alliances"))
    out += ["", "Allied capability that moved"]
    out += _table(
        ["Actor", "Name", "Baseline", "Scenario", "Delta", "Allies"],
        [
            [k, r["name"], _pct(r["baseline"]), _pct(r["scenario"]), _points(r["delta"]),
             f"{_fmt(r['allies_baseline'])}→{_fmt(r['allies_scenario'])}"]
            for k, r in list(cmp.get("allied", {}).items())[:TEXT_ROWS]
        ],
    )
    out.append(_more(len(cmp.get("allied", {})), cmp.get("allied_unchanged", 0), "actors"))
    headline = cmp.get("headline", "user")
    views = cmp.get("bloc_views", {})
    for view in [headline] + [v for v in BLOC_TITLES if v != headline]:
        rows = views.get(view, {})
        mark = " [headline]" if view == headline else ""
        out += ["", f"{BLOC_TITLES[view]}{mark}: shares that moved"]
        out += _table(
            ["Bloc", "Name", "Baseline", "Scenario", "Delta"],
            [
                [k, r["name"], _pct(r["baseline"]), _pct(r["scenario"]), _points(r["delta"])]
                for k, r in list(rows.items())[:TEXT_ROWS]
            ],
        )
    return out


def _more(moved: int, unchanged: int, what: str) -> str:
    shown = min(moved, TEXT_ROWS)
    more = f"{moved - shown} more moved; " if moved > shown else ""
    if unchanged == 1:
        what = what.removesuffix("s")  # "alliances", "actors"
    return f"  {more}{unchanged} {what} unchanged"
