"""A graph as read from a file, before it is mapped to the alliance model: nodes and
edges with their attributes, spells and drawing, and the helpers every stage of the
mapping shares (counted warnings, dates, open periods)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from explorer.io.common import parse_date

NODE_TYPE = "node_type"
EDGE_TYPE = "edge_type"
ENTITY_ID = "entity_id"
DATA_SOURCE = "data_source"

Spell = tuple[Any, Any]


@dataclass(slots=True)
class RawNode:
    """A node as read from a file, before mapping."""

    id: str
    label: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    spells: list[Spell] = field(default_factory=list)
    x: float | None = None
    y: float | None = None
    color: str | None = None
    size: float | None = None


@dataclass(slots=True)
class RawEdge:
    """An edge as read from a file; ``directed`` None means the graph's default."""

    source: str
    target: str
    attrs: dict[str, Any] = field(default_factory=dict)
    spells: list[Spell] = field(default_factory=list)
    directed: bool | None = None
    label: str | None = None


@dataclass
class RawGraph:
    """A format-neutral graph: nodes in file order, edges in file order."""

    directed: bool = False
    nodes: dict[str, RawNode] = field(default_factory=dict)
    edges: list[RawEdge] = field(default_factory=list)
    title: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: group node id -> ids of the nodes inside it (yEd groups, GEXF pid / nested nodes)
    groups: dict[str, list[str]] = field(default_factory=dict)


class MappingWarnings:
    """Collects repeated warnings as one counted sentence each."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.examples: dict[str, str] = {}

    def add(self, message: str, example: str = "") -> None:
        self.counts[message] += 1
        if example and message not in self.examples:
            self.examples[message] = example

    def sentences(self) -> list[str]:
        out = []
        for message, n in self.counts.items():
            example = self.examples.get(message)
            tail = f" (e.g. {example})" if example else ""
            out.append(f"{n} × {message}{tail}" if n > 1 else f"{message}{tail}")
        return out


def text_of(value: Any) -> str:
    return "" if value is None else str(value)


#: The one open period of an edge without dates (shared, never changed).
OPEN_PERIOD: list[Spell] = [(None, None)]


def spell_list(spells: list[Spell]) -> list[Spell]:
    return spells if spells else [(None, None)]


def date_bound(value: Any, what: str, warn: MappingWarnings) -> str | None:
    if value is None:  # most bounds of a big graph: open
        return None
    iso, ok = parse_date(value)
    if not ok:
        warn.add(f"{what} date not understood and left open", repr(value))
    return iso
