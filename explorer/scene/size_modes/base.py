"""What a size mode is: a key, a label, and each actor's value (its disc's area grows
with it); actors without a value are drawn smallest."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from explorer.analysis.capability import CapabilityIndex
from explorer.analysis.view import FilteredData
from explorer.model.graph_extras import GraphExtras


@dataclass(frozen=True)
class SizeContext:
    """What a size mode may look at: the view's data, capability, links, the view's year."""

    data: FilteredData
    capability: CapabilityIndex
    degree: Counter[str]
    year: int | None
    #: what an imported graph carried (its node sizes), None for none
    extras: GraphExtras | None = None


@dataclass(frozen=True)
class SizeMode:
    """One way to size actors. ``amount(value)`` words a value for the legend's scale."""

    key: str
    label: str
    values: Callable[[SizeContext], dict[str, float]]
    amount: Callable[[float], str]


def fmt_number(value: float) -> str:
    """A figure for the legend and tooltips: whole above 100, three digits below."""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.3g}"
