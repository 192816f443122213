"""The tables of a briefing, read from :func:`~explorer.analysis.report.build_report`'s dict.

A briefing is read by someone without the program, so tables use names, not ids, every
share says it is a share of world capability, and every table that lists only what moved
says how many rows did not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from explorer.analysis.report_text import BLOC_TITLES

#: Rows per table: a briefing is a page or two, not the full report.
BRIEF_ROWS = 12


@dataclass(frozen=True)
class BriefTable:
    """One table: a title, column headings, rows of text cells and a note under it."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""
    #: Index of columns holding numbers (right-aligned).
    numeric: tuple[int, ...] = field(default=())

    def csv_rows(self) -> list[list[str]]:
        """Headers then rows, for a CSV file."""
        return [list(self.headers), *map(list, self.rows)]


def _pct(value) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def _pp(value) -> str:
    if value is None:
        return "–"
    return f"{100 * value:+.1f} pp".replace("-", "\N{MINUS SIGN}")


def _num(value, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def _signed(value, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:+,.{digits}f}".replace("-", "\N{MINUS SIGN}")


def _moved(change: int | None) -> str:
    """Rank change in words: positive means the actor rose."""
    if change is None:
        return "gone"
    if change == 0:
        return "="
    return f"up {change}" if change > 0 else f"down {-change}"


def _rank(value) -> str:
    return "–" if value is None else str(value)


def _unchanged(moved: int, shown: int, unchanged: int, what: str) -> str:
    parts = []
    if moved > shown:
        parts.append(f"{moved - shown} more moved")
    if unchanged:
        parts.append(f"{unchanged} {what if unchanged != 1 else what.removesuffix('s')} "
                     "unchanged")
    return "; ".join(parts).capitalize() + ("." if parts else "")


def comparison_tables(report: dict) -> list[BriefTable]:
    """What moved between baseline and scenario: blocs, alliances, allied capability, ranks."""
    cmp = report.get("comparison")
    if not cmp:
        return []
    tables: list[BriefTable] = []
    headline = cmp.get("headline", "alliance")
    blocs = cmp.get("bloc_views", {}).get(headline, {})
    rows = list(blocs.values())
    tables.append(BriefTable(
        f"{BLOC_TITLES.get(headline, headline)}: share of world capability",
        ("Bloc", "Baseline", "Scenario", "Change"),
        tuple((r["name"], _pct(r["baseline"]) if r["baseline"] is not None else "new",
               _pct(r["scenario"]) if r["scenario"] is not None else "gone", _pp(r["delta"]))
              for r in rows[:BRIEF_ROWS]),
        "" if rows else "No bloc's share moved: the change leaves every bloc's membership "
        "and capability as it was.",
        (1, 2, 3),
    ))
    alliances = cmp.get("alliances", {})
    shown = list(alliances.values())[:BRIEF_ROWS]
    tables.append(BriefTable(
        "Alliances that moved: share of world capability of their members",
        ("Alliance", "Members", "Baseline", "Scenario", "Change", "Milex change US$ bn"),
        tuple((r["name"], f"{_rank(r['members_baseline'])} → {_rank(r['members_scenario'])}",
               _pct(r["baseline"]), "dissolved" if r["scenario"] is None else _pct(r["scenario"]),
               _pp(r["delta"]),
               _signed(r.get("figures", {}).get("milex_usd_bn", {}).get("delta")))
              for r in shown),
        _unchanged(len(alliances), len(shown), cmp.get("alliances_unchanged", 0), "alliances"),
        (2, 3, 4, 5),
    ))
    allied = cmp.get("allied", {})
    shown = list(allied.values())[:BRIEF_ROWS]
    tables.append(BriefTable(
        "Allied capability that moved: own share plus weighted allies",
        ("Actor", "Baseline", "Scenario", "Change", "Allies"),
        tuple((r["name"], _pct(r["baseline"]), _pct(r["scenario"]), _pp(r["delta"]),
               f"{_rank(r['allies_baseline'])} → {_rank(r['allies_scenario'])}")
              for r in shown),
        _unchanged(len(allied), len(shown), cmp.get("allied_unchanged", 0), "actors"),
        (1, 2, 3),
    ))
    tables.append(_rank_table("Brokers (betweenness): rank changes", cmp.get("brokers", [])))
    return tables


def _rank_table(title: str, rows: list[dict]) -> BriefTable:
    shown = rows[:BRIEF_ROWS]
    return BriefTable(
        title,
        ("Actor", "Rank before", "Rank after", "Moved"),
        tuple((r["name"], _rank(r["baseline_rank"]), _rank(r["scenario_rank"]),
               _moved(r.get("rank_change")))
              for r in shown),
        "" if rows else "No rank changed.",
        (1, 2, 3),
    )


def baseline_tables(report: dict) -> list[BriefTable]:
    """The view itself: strongest actors, alliance aggregates, top brokers."""
    cap = report["capability"]
    tables = [BriefTable(
        "Strongest actors: share of world capability",
        ("#", "Actor", "Share"),
        tuple((str(r["rank"]), r["name"], _pct(r["share"])) for r in cap["top"][:BRIEF_ROWS]),
        (f"No figures for {len(cap['no_data'])} actors in view; they count as having no "
         "capability.") if cap.get("no_data") else "",
        (0, 2),
    )]
    alliances = report.get("alliances", [])[:BRIEF_ROWS]
    if alliances:
        tables.append(BriefTable(
            "Alliances: share of world capability of their in-force members",
            ("Alliance", "Members", "With figures", "Share", "Milex US$ bn"),
            tuple((r["name"], str(r["members"]), str(r["with_data"]), _pct(r["share"]),
                   _num(r["figures"].get("milex_usd_bn"))) for r in alliances),
            "",
            (1, 2, 3, 4),
        ))
    brokers = report["network"]["top_brokers"][:BRIEF_ROWS]
    tables.append(BriefTable(
        "Brokers: actors on the most shortest paths between others",
        ("#", "Actor", "Betweenness", "Links"),
        tuple((str(r["rank"]), r["name"], f"{r['betweenness']:.3f}", str(r["degree"]))
              for r in brokers),
        "Sampled betweenness." if report["network"].get("sampled") else "",
        (0, 2, 3),
    ))
    return tables
