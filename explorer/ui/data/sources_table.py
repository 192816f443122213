"""The Sources tab of the data dock: every source the project cites, with its publisher,
address (double-click opens it), dates and how many records cite it. Read-only: a source
is what a record says it rests on, not a thing to edit here."""

from __future__ import annotations

from collections import Counter

from explorer.model.entities import Document
from explorer.ui.data.table_models import Column, RecordTableModel

SOURCE_TABLES = ("actors", "alliances", "memberships", "ties")


def citation_counts(doc: Document) -> Counter:
    """Source id -> number of records (actors, figures, alliances, memberships, ties)
    citing it."""
    count: Counter = Counter()

    def cite(field: str) -> None:
        count.update(p.strip() for p in field.split(";") if p.strip())

    for actor in doc.actors.values():
        cite(actor.source)
        for cap in {c.source for c in actor.capabilities}:
            cite(cap)
    for alliance in doc.alliances.values():
        cite(alliance.source)
    for m in doc.memberships.values():
        cite(m.source)
    for t in doc.ties.values():
        cite(t.source)
    return count


class SourcesModel(RecordTableModel):
    kind = "source"

    def __init__(self, session, parent=None) -> None:
        self._counts: Counter = Counter()
        super().__init__(session, parent)

    def make_columns(self) -> list[Column]:
        return [
            Column("Title", lambda d, s: s.title),
            Column("Publisher", lambda d, s: s.publisher),
            Column("URL", lambda d, s: s.url, tip="Double-click to open it in your browser"),
            Column("Published", lambda d, s: s.published),
            Column("Accessed", lambda d, s: s.accessed or "not recorded",
                   tip="When the page was last checked (empty: never checked online)"),
            Column("Cited by", lambda d, s: str(self._counts.get(s.id, 0)),
                   sort=lambda d, s: self._counts.get(s.id, 0), numeric=True,
                   tip="How many records (actors, series of figures, alliances, "
                   "memberships, ties) cite it"),
            Column("ID", lambda d, s: s.id),
        ]

    def prepare(self, doc: Document) -> None:
        self._counts = citation_counts(doc)

    def records(self, doc: Document) -> dict:
        return doc.sources

    def command(self, record):
        raise NotImplementedError("sources are read-only in the table")
