"""What an import returns: the document plus the visual data found in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from explorer.model.entities import Document


@dataclass
class ImportResult:
    """The outcome of an import.

    ``positions`` and ``colors`` are keyed by actor id (and alliance id for alliance nodes of
    our own files): the file's layout ``(x, y)`` and fill colour ``'#rrggbb'``, so the app
    can place nodes where the file had them. ``sizes`` holds node sizes where the file had
    them. ``warnings`` are human sentences about anything dropped, collapsed or guessed.
    ``attributes`` keeps every node attribute read from the file (after ``<default>`` values
    were applied), keyed by actor/alliance id, for attributes the domain has no field for.
    ``stats`` counts what was read: ``nodes``, ``edge_records`` (edge rows/elements),
    ``edges`` (distinct edges after collapsing parallel ones, self-loops included),
    ``self_loops`` and ``parallel_collapsed``.
    """

    document: Document
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    colors: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    sizes: dict[str, float] = field(default_factory=dict)
    attributes: dict[str, dict[str, Any]] = field(default_factory=dict)
    stats: dict[str, int] = field(default_factory=dict)
    #: the same positions keyed by stored node key ("actor:X" / "alliance:X"), which
    #: keeps an actor and an alliance sharing an id apart.
    node_positions: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def layout(self) -> dict[str, tuple[float, float]]:
        """Alias of ``positions``."""
        return self.positions
