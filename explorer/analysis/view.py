"""Which part of a document the analysis looks at: dates, regions, kinds, thresholds.

A :class:`ViewFilter` is a view, never an edit: :func:`filtered` reads the document and
returns the surviving actors, alliances, memberships and ties as :class:`FilteredData`.

Rules, in order:

1. **Date.** ``as_of`` is an ISO date; memberships and ties count when
   ``Membership.in_force(as_of)`` / ``Tie.in_force(as_of)``; alliances when founded on or
   before the day and not yet ended. ``as_of=None`` means *today's state*: whatever has
   no end date (``left``/``end``/``ended`` is None), whatever its start date. This is the
   model's own convention and needs no clock, so results do not change from day to day.
2. **Actors.** ``actor_kinds`` (empty = all kinds) and ``min_capability`` (0 = no
   threshold) select candidate actors. The threshold compares the actor's capability
   index computed over *all* actors of the document with default weights and the view's
   year (:func:`view_year`), so it does not move when other filters change; actors
   without figures for that year fail any threshold above 0.
3. **Alliances.** ``alliance_kinds`` (empty = all) and ``alliances`` (None = all; a set of
   ids otherwise) select alliances; only in-force memberships of selected alliances count.
4. **Regions.** ``regions`` (empty = all) selects the *core* actors: an actor is in when
   any of its regions, or any ancestor of them, is selected.
5. **Partners.** With ``keep_partners`` the candidates outside the regions that share a
   selected in-force alliance or an in-force tie with a core actor are kept as *context*
   (listed in ``context``). Their memberships count only in alliances with a core member;
   ties count between any two kept actors.

Alliances left without any kept in-force member are dropped, so an empty view gives empty
data, which every downstream function accepts.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from explorer.analysis.capability import capability_index
from explorer.analysis.memo import Recent
from explorer.analysis.record_columns import RecordColumns
from explorer.model.entities import Actor, Alliance, Bloc, Document, Membership, Region, Tie


@dataclass(frozen=True)
class ViewFilter:
    """The filters of a view; the defaults show everything in force today."""

    as_of: str | None = None
    regions: frozenset[str] = frozenset()
    keep_partners: bool = False
    alliance_kinds: frozenset[str] = frozenset()
    alliances: frozenset[str] | None = None
    actor_kinds: frozenset[str] = frozenset()
    min_capability: float = 0.0

    def to_dict(self) -> dict:
        """A JSON-ready description (sets as sorted lists)."""
        return {
            "as_of": self.as_of,
            "regions": sorted(self.regions),
            "keep_partners": self.keep_partners,
            "alliance_kinds": sorted(self.alliance_kinds),
            "alliances": None if self.alliances is None else sorted(self.alliances),
            "actor_kinds": sorted(self.actor_kinds),
            "min_capability": self.min_capability,
        }


@dataclass(frozen=True)
class FilteredData:
    """What survives a view: the input of graphs, capability and blocs.

    ``actors`` includes the context actors; ``context`` names those kept only as
    partners of the selected regions. ``memberships`` and ``ties`` are the in-force ones
    between kept actors and kept alliances, in document order.
    """

    view: ViewFilter
    actors: dict[str, Actor]
    alliances: dict[str, Alliance]
    memberships: tuple[Membership, ...]
    ties: tuple[Tie, ...]
    context: frozenset[str]
    blocs: dict[str, Bloc] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    #: where the kept actors, memberships and ties sit in ``columns`` (the document's
    #: records as arrays), in the order above: what is drawn of 10,000 actors is then
    #: picked from per-document arrays instead of being rebuilt record by record
    columns: RecordColumns | None = field(default=None, compare=False, repr=False)
    actor_rows: np.ndarray | None = field(default=None, compare=False, repr=False)
    membership_rows: np.ndarray | None = field(default=None, compare=False, repr=False)
    tie_rows: np.ndarray | None = field(default=None, compare=False, repr=False)

    @property
    def core(self) -> frozenset[str]:
        """Kept actors that are not context-only."""
        return frozenset(self.actors) - self.context

    @property
    def is_empty(self) -> bool:
        return not self.actors


def dated_enough(documented: str | None, day: str | None) -> bool:
    """Whether a record with no start of its own may be drawn on ``day``: at the latest
    data always; in the past only from a documented date (its alliance's founding), so
    "start unknown" is never read as "since 1946"."""
    return day is None or (documented is not None and documented <= day)


def alliance_in_force(alliance: Alliance, day: str | None) -> bool:
    """Founded on or before ``day`` and not ended; with ``day=None``: not ended."""
    if day is None:
        return alliance.ended is None
    if alliance.founded is not None and alliance.founded > day:
        return False
    return alliance.ended is None or day < alliance.ended


def _in_regions(doc: Document, actor: Actor, regions: frozenset[str]) -> bool:
    for region in actor.regions:
        if regions.intersection(doc.region_ancestors(region)):
            return True
    return False


def _actors_in_regions(doc: Document, actors: dict[str, Actor],
                       regions: frozenset[str]) -> set[str]:
    """The ids of ``actors`` in one of ``regions`` or below; thousands of actors share a
    few region lists, so each list is looked up once."""
    inside: dict[tuple[str, ...], bool] = {}
    out = set()
    for k, a in actors.items():
        found = inside.get(a.regions)
        if found is None:
            found = inside[a.regions] = _in_regions(doc, a, regions)
        if found:
            out.add(k)
    return out


def view_year(view: ViewFilter | None) -> int | None:
    """The year whose figures a view uses: its as-of year, or None (the latest) for today."""
    if view is None or not view.as_of:
        return None
    return int(view.as_of[:4])


#: one change of date asks the canvas, the tables, the filter panel and the race for the
#: same data, and at 10,000 actors each pass costs 30 ms
_RECENT: Recent[FilteredData] = Recent()


def _identity(doc: Document) -> tuple:
    # records are immutable, so the same objects in the same tables give the same answer
    # even when a caller has put new records into a document's dicts
    return tuple(tuple(map(id, table.values())) for table in (
        doc.actors, doc.alliances, doc.memberships, doc.ties, doc.blocs, doc.regions))


#: the records' dates as arrays, for every view of the same records
_COLUMNS: Recent[RecordColumns] = Recent(2, per_document=True)


def filtered(doc: Document, view: ViewFilter | None = None) -> FilteredData:
    """Apply ``view`` (default: everything in force today) to ``doc``.

    The result is shared between callers asking for the same records and view: treat it
    as read-only."""
    view = view or ViewFilter()
    tables = _identity(doc)

    def compute() -> FilteredData:
        columns = _COLUMNS.get(
            (tables[0], tables[2], tables[3]), doc,
            lambda: RecordColumns(doc.actors.values(), doc.memberships.values(),
                                  doc.ties.values()))
        return _filtered(doc, view, columns)

    return _RECENT.get((view, *tables), doc, compute)


def _filtered(doc: Document, view: ViewFilter, columns: RecordColumns) -> FilteredData:
    day = view.as_of
    actor_mask = columns.actors_existing(day, view.actor_kinds)
    ids, records = columns.actor_ids, columns.actors
    actor_rows = np.flatnonzero(actor_mask)
    candidates = {ids[i]: records[i] for i in actor_rows.tolist()}
    if view.min_capability > 0:
        world = capability_index(doc.actors.values(), year=view_year(view))
        candidates = {
            k: a
            for k, a in candidates.items()
            if k not in world.missing and world.index[k] >= view.min_capability
        }
        actor_mask = np.fromiter((k in candidates for k in ids), bool, len(ids))
        actor_rows = np.flatnonzero(actor_mask)
    alliances = {
        k: al
        for k, al in doc.alliances.items()
        if (not view.alliance_kinds or al.kind in view.alliance_kinds)
        and (view.alliances is None or k in view.alliances)
        and alliance_in_force(al, view.as_of)
    }
    membership_rows = np.flatnonzero(columns.memberships_in_force(day, actor_mask, alliances))
    memberships = [columns.memberships[i] for i in membership_rows.tolist()]
    tie_rows = np.flatnonzero(columns.ties_in_force(day, actor_mask))
    ties = [columns.ties[i] for i in tie_rows.tolist()]
    context: set[str] = set()
    if view.regions:
        # without regions every candidate is core, and every kept record already joins
        # two of them: nothing below would change
        core = _actors_in_regions(doc, candidates, view.regions)
        core_alliances = {m.alliance for m in memberships if m.actor in core}
        if view.keep_partners:
            context.update(m.actor for m in memberships
                           if m.alliance in core_alliances and m.actor not in core)
            for t in ties:
                if t.a in core and t.b not in core:
                    context.add(t.b)
                elif t.b in core and t.a not in core:
                    context.add(t.a)
        kept = core | context
        membership_rows = _rows_where(
            membership_rows, [m.actor in kept and m.alliance in core_alliances
                              for m in memberships])
        memberships = [columns.memberships[i] for i in membership_rows.tolist()]
        tie_rows = _rows_where(tie_rows, [t.a in kept and t.b in kept for t in ties])
        ties = [columns.ties[i] for i in tie_rows.tolist()]
        actor_rows = _rows_where(actor_rows, [k in kept for k in candidates])
        candidates = {k: a for k, a in candidates.items() if k in kept}
    used = {m.alliance for m in memberships}
    return FilteredData(
        view=view,
        actors=candidates,
        alliances={k: al for k, al in alliances.items() if k in used},
        memberships=tuple(memberships),
        ties=tuple(ties),
        context=frozenset(context),
        # a bloc's members on the view's date (its dated places: joined … left)
        blocs={k: replace(b, members=b.members_on(view.as_of)) if b.periods else b
               for k, b in doc.blocs.items()},
        regions=dict(doc.regions),
        columns=columns,
        actor_rows=actor_rows,
        membership_rows=membership_rows,
        tie_rows=tie_rows,
    )


def _rows_where(rows: np.ndarray, keep: list[bool]) -> np.ndarray:
    """The entries of ``rows`` whose ``keep`` is true."""
    return rows[np.fromiter(keep, bool, len(keep))] if len(rows) else rows
