"""The identity of a node on the canvas, in the project's positions and in exports.

Actors and alliances live in separate id spaces (an alliance may share an id with an
actor), so a node is the pair (kind, id). Its text form ``"actor:TUR"`` /
``"alliance:nato"`` is what the project file stores; build and parse it only here.
"""

from __future__ import annotations

from typing import NamedTuple

ACTOR = "actor"
ALLIANCE = "alliance"
KINDS = (ACTOR, ALLIANCE)


class NodeKey(NamedTuple):
    """A node: ``kind`` is ``"actor"`` or ``"alliance"``, ``id`` the entity id."""

    kind: str
    id: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"

    @property
    def text(self) -> str:
        """The stored form, e.g. ``"actor:TUR"``."""
        return f"{self.kind}:{self.id}"

    @classmethod
    def parse(cls, text: str) -> NodeKey:
        """``"actor:TUR"`` -> NodeKey("actor", "TUR"); ValueError for anything else."""
        kind, sep, ident = str(text).partition(":")
        if not sep or kind not in KINDS or not ident:
            raise ValueError(f"'{text}' is not a node key (actor:ID or alliance:ID).")
        return cls(kind, ident)


def actor_key(actor_id: str) -> str:
    """The stored key of an actor's node."""
    return f"{ACTOR}:{actor_id}"


def alliance_key(alliance_id: str) -> str:
    """The stored key of an alliance's node."""
    return f"{ALLIANCE}:{alliance_id}"


def actor_ids(keys: object) -> list[str]:
    """The actor ids among node keys, in order (alliance keys skipped)."""
    out = []
    for key in keys:  # type: ignore[attr-defined]
        kind, _, ident = str(key).partition(":")
        if kind == ACTOR and ident:
            out.append(ident)
    return out
