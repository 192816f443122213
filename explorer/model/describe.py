"""What-if changes in words, with names instead of ids, for captions, titles and lists."""

from __future__ import annotations

from explorer.model.entities import Change, Document


def describe_change(doc: Document, change: Change) -> str:
    """``Change.describe()`` with names instead of ids: "Türkiye leaves NATO"."""

    def actor(a):
        return doc.actors[a].name if a in doc.actors else str(a)

    def alliance(a):
        return doc.alliances[a].name if a in doc.alliances else str(a)

    def bloc(b):
        return doc.blocs[b].name if b in doc.blocs else str(b)

    if change.kind == "remove_actor":
        return f"Remove {actor(change.actor)}"
    if change.kind == "remove_membership":
        return f"{actor(change.actor)} leaves {alliance(change.alliance)}"
    if change.kind == "dissolve_alliance":
        return f"Dissolve {alliance(change.alliance)}"
    if change.kind == "move_to_bloc" and change.bloc in (None, "unaligned"):
        return f"{actor(change.actor)} leaves every bloc"
    if change.kind == "move_to_bloc":
        return f"Move {actor(change.actor)} to {bloc(change.bloc)}"
    return change.describe()
