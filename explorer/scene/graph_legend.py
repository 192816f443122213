"""The legend of a drawing: its colour categories (the largest first, the rest counted),
the node shapes, the markers in use (context, ghost, changed) and the edge styles drawn."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from explorer.scene import styles

if TYPE_CHECKING:
    from explorer.scene.graph_model import GraphModel


@dataclass(frozen=True)
class LegendEntry:
    """One legend row. ``kind`` is "color", "shape", "edge" or "marker"."""

    kind: str
    label: str
    color: str = styles.NEUTRAL
    shape: str = "o"  # pyqtgraph symbol for colour/shape rows
    style: str = ""  # edge style key for edge rows


def _natural(text: str) -> tuple:
    """Sort key that puts "C2 · …" before "C10 · …"."""
    head, _, _ = text.partition(" · ")
    if head[:1] == "C" and head[1:].isdigit():
        return (0, int(head[1:]), text)
    return (1, 0, text)


#: colour categories the legend lists before it counts the rest
LEGEND_MAX_COLORS = 14


def model_legend(
    model: GraphModel,
    categories: Counter[tuple[str, str]],
    keep_order: bool,
    size_by: str = "capability",
    size_note: str = "",
) -> list[LegendEntry]:
    entries: list[LegendEntry] = []
    # biggest first, unless the mode keeps its own order (detected blocs: C1, C2 …)
    by_size = not keep_order
    neutral_last = sorted(
        categories,
        key=lambda c: (
            c[1] == styles.NEUTRAL, c[1] == styles.OTHER_ALLIANCE_COLOR,
            -categories[c] if by_size else 0, _natural(c[0]),
        ),
    )
    # a graph coloured by its file may have a colour per node: the legend names the
    # largest categories and counts the rest, or it would outgrow any page
    for name, color in neutral_last[:LEGEND_MAX_COLORS]:
        entries.append(LegendEntry("color", name, color, "o"))
    more = len(neutral_last) - LEGEND_MAX_COLORS
    if more > 0:
        entries.append(LegendEntry("shape", f"\N{HORIZONTAL ELLIPSIS} and {more:,} more colours",
                                   "#ffffff", ""))
    if (~model.is_hub).any():
        entries.append(LegendEntry("shape", styles.actor_shape_label(size_by), "#ffffff", "o"))
        if size_note:  # the scale: which actor is biggest, and by how much
            entries.append(LegendEntry("shape", size_note, "#ffffff", ""))
    if model.is_hub.any():
        entries.append(LegendEntry("shape", styles.HUB_SHAPE_LABEL, styles.HUB_FILL, "d"))
    if model.faded.any():
        entries.append(LegendEntry("marker", styles.CONTEXT_LABEL, styles.NEUTRAL + "60", "o"))
    if model.ghost.any():
        entries.append(LegendEntry("marker", styles.GHOST_NODE_LABEL, "#ffffff00", "o"))
    if model.changed.any():
        entries.append(LegendEntry("marker", styles.CHANGED_LABEL, styles.CHANGED_OUTLINE, "o"))
    used = set(model.edge_styles)
    for key, style in styles.EDGE_STYLES.items():
        if key in used:
            entries.append(LegendEntry("edge", style.label, style.color, style=key))
    return entries
