"""Importers for the member-level files of the COW Formal Alliances (v4.1) and ATOP (v5.x)
data sets. Users download the files from the publishers; the columns read are:

* COW ``alliance_v4.1_by_member.csv``: ``version4id``, ``ccode`` (required), ``state_name``,
  ``all_st_day/month/year``, ``all_end_day/month/year`` (alliance period),
  ``mem_st_day/month/year`` (required year), ``mem_end_day/month/year`` (member period),
  and the obligation flags ``defense``, ``neutrality``, ``nonaggression``, ``entente``
  (required). Extra columns are ignored.
* ATOP ``atop5_1m.csv``: ``atopid``, ``member`` (a COW ccode), ``yrent`` (required),
  ``moent``, ``dayent``, ``yrexit``, ``moexit``, ``dayexit`` and the flags ``defense``,
  ``offense``, ``neutral``, ``nonagg``, ``consul`` (required). Extra columns are ignored.

Each alliance becomes an ``Alliance`` ``cow_<id>`` / ``atop_<id>`` whose obligation is the
strongest flagged on any of its rows (defence > offence > neutrality > non_aggression >
consultation; COW's entente counts as consultation; none flagged → ``none``); kind
``collective_defence`` (defence, three or more members), ``bilateral_defence`` (defence, two)
or ``security_partnership``. Every row becomes a dated membership (role ``member``); exact
duplicate rows (ATOP lists a member once per phase) are merged and counted in warnings.
Unknown day or month (0, blank, negative) count as 1; an exit/end year that is 0, blank,
``.``, ``NA`` or negative means still in force. ccodes map to ISO alpha-3 ids through
:mod:`explorer.io.cow_codes`; historical states without an ISO code and unknown codes become
actors ``cow_<ccode>`` of kind ``other`` (unknown codes are reported in warnings).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from pathlib import Path

from explorer.io.common import Progress
from explorer.io.cow_codes import COW_STATES
from explorer.io.csvtables import _rows
from explorer.io.errors import ImportFormatError
from explorer.io.file_format import FileFormat
from explorer.io.result import ImportResult
from explorer.model.entities import Actor, Alliance, Document, Membership
from explorer.model.vocab import OBLIGATIONS

COW_REQUIRED = ("version4id", "ccode", "mem_st_year", "defense", "neutrality",
                "nonaggression", "entente")
ATOP_REQUIRED = ("atopid", "member", "yrent", "defense", "offense", "neutral", "nonagg",
                 "consul")
COW_SOURCE = "COW Formal Alliances v4.1"
ATOP_SOURCE = "ATOP v5"

_MISSING = {"", ".", "na", "nan", "n/a", "none", "null"}


class _Row:
    """One CSV row addressed by column name, with line-numbered errors."""

    def __init__(self, path: Path, line: int, cols: dict[str, int], cells: list[str]) -> None:
        self.path, self.line, self.cols, self.cells = path, line, cols, cells

    def text(self, name: str) -> str:
        idx = self.cols.get(name)
        if idx is None or idx >= len(self.cells):
            return ""
        return self.cells[idx].strip()

    def int(self, name: str, required: bool = False) -> int | None:
        text = self.text(name)
        if text.lower() in _MISSING:
            if required:
                raise ImportFormatError(f"column '{name}' is empty.", self.path, self.line)
            return None
        try:
            value = float(text)
            if not value.is_integer():
                raise ValueError
            return int(value)
        except (ValueError, OverflowError):
            raise ImportFormatError(
                f"column '{name}' is '{text}', not a whole number.", self.path, self.line
            ) from None

    def flag(self, name: str) -> bool:
        return (self.int(name) or 0) > 0


def _date(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None or year <= 0:
        return None
    if not 1000 <= year <= 2999:
        return None
    month = month if month and 1 <= month <= 12 else 1
    last = calendar.monthrange(year, month)[1]
    day = day if day and day >= 1 else 1
    return f"{year:04d}-{month:02d}-{min(day, last):02d}"


def _table(
    path: str | Path, required: tuple[str, ...], what: str, progress: Progress | None
) -> tuple[Path, list[_Row]]:
    p = Path(path)
    header, rows = _rows(p, progress)
    cols = {h.strip().lower(): i for i, h in enumerate(header)}
    missing = [c for c in required if c not in cols]
    if missing:
        raise ImportFormatError(
            f"this is not a {what} member-level file: missing column(s) "
            f"{', '.join(missing)} (found: {', '.join(header)}).",
            p,
            1,
        )
    return p, [_Row(p, line, cols, cells) for line, cells in rows]


class _Builder:
    def __init__(self, title: str, source: str) -> None:
        self.doc = Document(title=title)
        self.source = source
        self.warnings: list[str] = []
        self.unknown: set[int] = set()
        self.obligations: dict[str, set[str]] = {}
        self.members: dict[str, set[str]] = {}
        self.seen: set[tuple[str, str, str | None, str | None]] = set()
        self.duplicates = 0

    def actor(self, ccode: int, name_hint: str = "") -> str:
        entry = COW_STATES.get(ccode)
        iso = entry[1] if entry else None
        aid = iso or f"cow_{ccode}"
        if aid not in self.doc.actors:
            if entry is None:
                self.unknown.add(ccode)
            name = entry[2] if entry else (name_hint or f"COW state {ccode}")
            self.doc.actors[aid] = Actor(
                id=aid, name=name, kind="state" if iso else "other", source=self.source
            )
        return aid

    def membership(self, alliance: str, actor: str, joined: str | None,
                   left: str | None) -> None:
        key = (alliance, actor, joined, left)
        if key in self.seen:
            self.duplicates += 1
            return
        self.seen.add(key)
        self.members.setdefault(alliance, set()).add(actor)
        mid = len(self.doc.memberships) + 1
        self.doc.memberships[mid] = Membership(
            alliance=alliance, actor=actor, role="member", joined=joined, left=left,
            source=self.source, id=mid,
        )

    def finish(self, make: Callable[[str, str, str], Alliance]) -> ImportResult:
        for aid, flags in self.obligations.items():
            obligation = next((o for o in OBLIGATIONS if o in flags), "none")
            n_members = len(self.members.get(aid, ()))
            if obligation == "defence":
                kind = "collective_defence" if n_members >= 3 else "bilateral_defence"
            else:
                kind = "security_partnership"
            self.doc.alliances[aid] = make(aid, obligation, kind)
        if self.unknown:
            codes = ", ".join(str(c) for c in sorted(self.unknown))
            self.warnings.append(
                f"{len(self.unknown)} unknown COW state code(s) imported as actors "
                f"cow_<ccode> of kind 'other': {codes}."
            )
        if self.duplicates:
            self.warnings.append(f"{self.duplicates} duplicate member row(s) merged.")
        return ImportResult(document=self.doc, warnings=self.warnings,
                            stats={"alliances": len(self.doc.alliances),
                                   "memberships": len(self.doc.memberships)})


def import_cow_members(path: str | Path, progress: Progress | None = None) -> ImportResult:
    """Import COW Formal Alliances v4.1 ``alliance_v4.1_by_member.csv``."""
    p, rows = _table(path, COW_REQUIRED, "COW Formal Alliances v4.1", progress)
    b = _Builder("COW Formal Alliances v4.1", COW_SOURCE)
    periods: dict[str, tuple[str | None, str | None]] = {}
    for n, row in enumerate(rows):
        alliance_no = row.int("version4id", required=True)
        aid = f"cow_{alliance_no}"
        actor = b.actor(row.int("ccode", required=True) or 0, row.text("state_name"))
        joined = _date(row.int("mem_st_year", required=True), row.int("mem_st_month"),
                       row.int("mem_st_day"))
        if joined is None:
            raise ImportFormatError("mem_st_year is not a plausible year.", p, row.line)
        left = _date(row.int("mem_end_year"), row.int("mem_end_month"),
                     row.int("mem_end_day"))
        b.membership(aid, actor, joined, left)
        flags = b.obligations.setdefault(aid, set())
        for column, obligation in (("defense", "defence"), ("neutrality", "neutrality"),
                                   ("nonaggression", "non_aggression"),
                                   ("entente", "consultation")):
            if row.flag(column):
                flags.add(obligation)
        start = _date(row.int("all_st_year"), row.int("all_st_month"), row.int("all_st_day"))
        end = _date(row.int("all_end_year"), row.int("all_end_month"), row.int("all_end_day"))
        old = periods.get(aid)
        if old is None:
            periods[aid] = (start or joined, end)
        else:
            periods[aid] = (min(filter(None, (old[0], start, joined))), old[1] or end)
        if progress is not None and n % 1000 == 0:
            progress(n, len(rows))

    def make(aid: str, obligation: str, kind: str) -> Alliance:
        founded, ended = periods.get(aid, (None, None))
        return Alliance(id=aid, name=f"COW alliance {aid[4:]}", kind=kind,
                        obligation=obligation, formal=True, founded=founded, ended=ended,
                        source=COW_SOURCE)

    return b.finish(make)


def import_atop_members(path: str | Path, progress: Progress | None = None) -> ImportResult:
    """Import the ATOP v5.x member-level file ``atop5_1m.csv``."""
    p, rows = _table(path, ATOP_REQUIRED, "ATOP v5", progress)
    b = _Builder("ATOP v5 alliances", ATOP_SOURCE)
    joins: dict[str, list[str]] = {}
    exits: dict[str, list[str | None]] = {}
    for n, row in enumerate(rows):
        aid = f"atop_{row.int('atopid', required=True)}"
        actor = b.actor(row.int("member", required=True) or 0)
        joined = _date(row.int("yrent", required=True), row.int("moent"), row.int("dayent"))
        if joined is None:
            raise ImportFormatError("yrent is not a plausible year.", p, row.line)
        left = _date(row.int("yrexit"), row.int("moexit"), row.int("dayexit"))
        b.membership(aid, actor, joined, left)
        joins.setdefault(aid, []).append(joined)
        exits.setdefault(aid, []).append(left)
        flags = b.obligations.setdefault(aid, set())
        for column, obligation in (("defense", "defence"), ("offense", "offence"),
                                   ("neutral", "neutrality"), ("nonagg", "non_aggression"),
                                   ("consul", "consultation")):
            if row.flag(column):
                flags.add(obligation)
        if progress is not None and n % 1000 == 0:
            progress(n, len(rows))

    def make(aid: str, obligation: str, kind: str) -> Alliance:
        ends = exits.get(aid, [None])
        ended = None if any(e is None for e in ends) else max(e for e in ends if e)
        return Alliance(id=aid, name=f"ATOP alliance {aid[5:]}", kind=kind,
                        obligation=obligation, formal=True, founded=min(joins[aid]),
                        ended=ended, source=ATOP_SOURCE)

    return b.finish(make)


COW_FORMAT = FileFormat(
    "cow", "COW Formal Alliances v4.1 member file", (".csv",),
    lambda path, options: import_cow_members(path, progress=options.progress),
    by_extension=False,
)
ATOP_FORMAT = FileFormat(
    "atop", "ATOP v5 member file", (".csv",),
    lambda path, options: import_atop_members(path, progress=options.progress),
    by_extension=False,
)
