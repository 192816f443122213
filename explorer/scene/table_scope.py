"""Which records the data tables show when they follow the canvas's filters: the actors,
alliances, memberships and ties of the view (date, regions, kinds), keyed as the tables
key them. Blocs are the user's own lists and always shown."""

from __future__ import annotations

from explorer.analysis.view import ViewFilter, filtered
from explorer.model.entities import Document


def records_in_view(doc: Document, view: ViewFilter) -> dict[str, frozenset | None]:
    """Table name -> keys of the records in ``view`` (None: every record)."""
    data = filtered(doc, view)
    return {
        "actors": frozenset(data.actors),
        "alliances": frozenset(data.alliances),
        "memberships": frozenset(m.id for m in data.memberships),
        "ties": frozenset(t.id for t in data.ties),
        "blocs": None,
    }
