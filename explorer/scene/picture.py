"""What an exported picture shows, without Qt: one or two panels (a graph model and its
node positions), the legend entries and the caption. The renderer in
``explorer.ui.export.renderer`` paints it; the canvas and the headless export build it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from explorer.errors import UserError
from explorer.model.node_key import actor_key
from explorer.scene import styles
from explorer.scene.caption import CaptionLine, caption_lines
from explorer.scene.graph_model import GraphModel, LegendEntry, build_graph_model

FORMATS = ("png", "svg", "pdf")
REGIONS = ("whole", "view")
#: The canvas width the on-screen sizes are designed for; scale 1 at this output width.
REFERENCE_WIDTH = 1200
DEFAULT_WIDTH = {"png": 2400, "svg": 1200, "pdf": 1200}
COMPARISON_WIDTH = {"png": 3600, "svg": 1800, "pdf": 1800}
#: Physical width of a PNG when only a DPI is given (12.5 in = 1200 px at 96 DPI).
DEFAULT_INCHES = 12.5
MAX_PIXELS = 20_000
LABEL_COLOR = "#1d1d1d"
LABEL_POINTS = 8.5


class ExportError(UserError):
    """An export that could not be written; the message is for the user."""


@dataclass
class Panel:
    """One graph to draw: a model, the position of each of its nodes, a heading."""

    model: GraphModel
    pos: np.ndarray  # (n, 2) layout coordinates aligned with model.keys
    heading: str = ""
    #: on a map page, each state's fill (ISO numeric -> colour, opacity)
    map_fills: dict = field(default_factory=dict)


@dataclass
class MapBackdrop:
    """A page drawn on the world map: the map's extent and the margin column's rows."""

    extent: tuple[float, float, float, float]
    margin_rows: int = 0


@dataclass
class Page:
    """What one image shows: panels (1 or 2), legend entries, caption lines."""

    panels: list[Panel]
    legend: list[LegendEntry]
    legend_title: str
    caption: list[CaptionLine]
    #: (left, top, width, height) in layout coordinates to show; None = fit the nodes.
    source_rect: tuple[float, float, float, float] | None = None
    view_aspect: float | None = None  # height / width of the on-screen view (region "view")
    meta: dict = field(default_factory=dict)
    #: the base map under the panels (None: the force layout, no map)
    map: MapBackdrop | None = None


def positions_for(
    model: GraphModel, known: dict[str, tuple[float, float]], saved: dict
) -> np.ndarray:
    """Positions of ``model``'s nodes: the canvas's, then saved ones, then the mean of
    placed neighbours (nodes the canvas does not draw in its current mode)."""
    n = model.n_nodes
    pos = np.full((n, 2), np.nan)
    for i, key in enumerate(model.keys):
        if key in known:
            pos[i] = known[key]
        elif key in saved:
            pos[i] = saved[key][:2]
    missing = np.flatnonzero(~np.isfinite(pos).all(axis=1))
    if len(missing):
        placed = np.isfinite(pos).all(axis=1)
        centre = pos[placed].mean(axis=0) if placed.any() else np.zeros(2)
        for i in missing:
            nbrs = [int(b if a == i else a) for a, b in model.edges if i in (a, b)]
            pts = [pos[j] for j in nbrs if placed[j]]
            pos[i] = np.mean(pts, axis=0) if pts else centre
    return pos


def output_width(fmt: str, width: int | None, dpi: float | None) -> int:
    if width is None:
        width = round(DEFAULT_INCHES * dpi) if (dpi and fmt == "png") else DEFAULT_WIDTH[fmt]
    width = int(width)
    if not 200 <= width <= MAX_PIXELS:
        raise ExportError(f"The width must be between 200 and {MAX_PIXELS} pixels (got {width}).")
    if dpi is not None and not 10 <= dpi <= 2400:
        raise ExportError(f"The DPI must be between 10 and 2400 (got {dpi:g}).")
    return width


def check_format(fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError(f"Unknown image format '{fmt}'; use one of {', '.join(FORMATS)}.")
    return fmt


def merge_legends(*legends: list[LegendEntry]) -> list[LegendEntry]:
    seen: list[LegendEntry] = []
    for legend in legends:
        for entry in legend:
            if entry not in seen:
                seen.append(entry)
    kinds = list(dict.fromkeys(e.kind for e in seen))
    return sorted(seen, key=lambda e: kinds.index(e.kind))


def comparison_models(doc, view, scenario, color_by: str, size_by: str, weights=None):
    """(baseline, scenario) graph models of a side-by-side picture; the scenario panel
    outlines the actors the comparison itself singles out (as the window's canvas does)."""
    from explorer.analysis.affected import most_affected
    from explorer.analysis.whatif import compare

    base = build_graph_model(doc, view, color_by, scenario, "baseline", size_by, weights)
    what = build_graph_model(doc, view, color_by, scenario, "scenario", size_by, weights)
    affected = {actor_key(a) for a in most_affected(compare(doc, scenario, view, weights))}
    for i, key in enumerate(what.keys):
        what.changed[i] = key in affected
    if what.changed.any() and not any(e.label == styles.CHANGED_LABEL for e in what.legend):
        marker = LegendEntry("marker", styles.CHANGED_LABEL, styles.CHANGED_OUTLINE, "o")
        what.legend = [*what.legend, marker]
    return base, what


def comparison_page(
    doc,
    view,
    name: str,
    base: GraphModel,
    what: GraphModel,
    known: dict[str, tuple[float, float]],
    saved: dict,
) -> Page:
    """Baseline | scenario panels sharing one position per node."""
    pb = positions_for(base, known, saved)
    where = {k: tuple(pb[i]) for i, k in enumerate(base.keys)}
    ps = positions_for(what, {**known, **where}, saved)
    keys = list(dict.fromkeys(base.keys + what.keys))
    return Page(
        panels=[Panel(base, pb, "Baseline"), Panel(what, ps, f"Scenario: {name}")],
        legend=merge_legends(base.legend, what.legend),
        legend_title="",
        caption=caption_lines(doc, view, name, "scenario", keys, comparison=True),
        meta={"title": doc.title},
    )
