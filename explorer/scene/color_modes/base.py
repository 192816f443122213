"""What a colour mode is: a key, a menu label and a rule giving each actor in view a
legend category (name, colour)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from explorer.analysis.capability import CapabilityIndex
from explorer.analysis.view import FilteredData
from explorer.model.entities import Document

#: (legend name, colour) of one actor.
Category = tuple[str, str]


@dataclass(frozen=True)
class ColorContext:
    """What a mode may look at: the document, the view's data, capability, member counts."""

    doc: Document
    data: FilteredData
    capability: CapabilityIndex
    members: Counter[str]


@dataclass(frozen=True)
class ColorMode:
    """One way to colour actors.

    ``categorise(ctx)`` returns actor id -> (legend name, colour) for every actor in view.
    ``keep_order``: legend rows keep the mode's own order (e.g. C1, C2 …) instead of
    biggest first. ``costly``: slow on large views (community detection), so the window
    builds it off the GUI thread.
    """

    key: str
    menu_label: str
    categorise: Callable[[ColorContext], dict[str, Category]]
    keep_order: bool = False
    costly: bool = False
