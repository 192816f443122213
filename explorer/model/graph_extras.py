"""What an imported graph carries besides the alliance model: each node's colour, size
and shape, each edge's weight, direction and time spells, and arbitrary typed attributes
of nodes and edges (Gephi's "Modularity Class", "City", …).

Owners are keyed like the canvas keys nodes (``actor:TUR``, ``alliance:nato``) and edges
by their record (``tie:12``, ``membership:3``), so the extras of a record go with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Attribute types, as GEXF names them.
ATTRIBUTE_TYPES = ("string", "integer", "double", "boolean")

Spell = tuple[str | None, str | None]


def tie_key(tie_id: int) -> str:
    return f"tie:{tie_id}"


def membership_key(membership_id: int) -> str:
    return f"membership:{membership_id}"


@dataclass(frozen=True)
class NodeStyle:
    """How a node was drawn in the file it came from."""

    color: str | None = None  # "#rrggbb"
    size: float | None = None
    shape: str | None = None


@dataclass(frozen=True)
class EdgeProps:
    """An edge's weight, direction (source → target as stored) and spells."""

    weight: float | None = None
    directed: bool = False
    #: numeric or dated spells when the edge is present only at times ("1.5", "2010-01-01")
    spells: tuple[Spell, ...] = ()


@dataclass
class GraphExtras:
    """All extras of one document."""

    styles: dict[str, NodeStyle] = field(default_factory=dict)
    edges: dict[str, EdgeProps] = field(default_factory=dict)
    attributes: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: attribute name -> type (one of ATTRIBUTE_TYPES), in the order they were declared
    types: dict[str, str] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not (self.styles or self.edges or self.attributes)

    def attribute_names(self, prefix: str | None = None) -> list[str]:
        """Names of the attributes some owner (of kind ``prefix``, e.g. "actor") has."""
        names: dict[str, None] = {}
        for owner, values in self.attributes.items():
            if prefix is None or owner.startswith(prefix + ":"):
                names.update(dict.fromkeys(values))
        ordered = [n for n in self.types if n in names]
        return ordered + [n for n in names if n not in self.types]

    def drop_owner(self, owner: str) -> None:
        """Forget everything about ``owner`` (its record was deleted)."""
        self.styles.pop(owner, None)
        self.edges.pop(owner, None)
        self.attributes.pop(owner, None)


def attribute_type(values: list[Any]) -> str:
    """The narrowest type that holds every value: boolean, integer, double or string."""
    kinds = set()
    for v in values:
        if isinstance(v, bool):
            kinds.add("boolean")
        elif isinstance(v, int):
            kinds.add("integer")
        elif isinstance(v, float):
            kinds.add("double")
        else:
            kinds.add("string")
    if kinds <= {"boolean"} and kinds:
        return "boolean"
    if kinds <= {"integer"} and kinds:
        return "integer"
    if kinds <= {"integer", "double"} and kinds:
        return "double"
    return "string"
