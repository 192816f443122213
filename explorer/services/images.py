"""Headless image export: the project's saved view drawn from a scene, positions from its
saved layout (the rest settled by the same layout controller the canvas runs), painted
by the renderer the caller passes. No widget and no copy of the project."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from explorer.errors import UserError
from explorer.layout import backends
from explorer.model.entities import Document, Scenario
from explorer.model.progress import SCALE, Progress, part
from explorer.scene.caption import caption_lines
from explorer.scene.geo.fills import fill_legend
from explorer.scene.geo.pages import map_backdrop, map_panel
from explorer.scene.graph_model import GraphModel, build_graph_model
from explorer.scene.layout_controller import LayoutController
from explorer.scene.picture import (
    COMPARISON_WIDTH,
    DEFAULT_INCHES,
    Page,
    Panel,
    check_format,
    comparison_models,
    comparison_page,
    output_width,
)
from explorer.scene.view_state import ViewState
from explorer.services.view_options import ViewRequest, resolve_view
from explorer.store import Project
from explorer.store.atomic import check_target

#: ``render(page, path, fmt, width, dpi, transparent) -> Path`` (explorer.ui.export.renderer)
Renderer = Callable[..., Path]


#: from this many nodes a headless layout waits for the compiled kernels: loading them
#: takes a second, and settling 15,000 nodes on the numpy ones took minutes
COMPILED_FROM = 1_000


def settled_positions(model: GraphModel, saved: dict, progress: Progress | None = None,
                      ) -> dict[str, tuple[float, float]]:
    """Each node's saved position; when some have none, the layout is run to rest first.

    ``progress(done, total)`` hears the layout's iterations (it may raise to stop)."""
    if all(k in saved for k in model.keys):
        return {k: (float(saved[k][0]), float(saved[k][1])) for k in model.keys}
    if model.n_nodes >= COMPILED_FROM and backends.numba_installed():
        backends.warm_up_blocking()
    layout = LayoutController()
    layout.apply_model(model, saved)
    layout.settle(progress=progress)
    pos = np.asarray(layout.positions)
    return {k: (float(pos[i, 0]), float(pos[i, 1])) for i, k in enumerate(model.keys)}


def _with_scenario(doc: Document, scenario: Scenario | None) -> Document:
    """``doc`` knowing ``scenario`` by name (an ad-hoc one from --remove/--dissolve)."""
    if scenario is None or doc.scenarios.get(scenario.name) == scenario:
        return doc
    out = copy.copy(doc)
    out.scenarios = {**doc.scenarios, scenario.name: scenario}
    return out


def export_image(
    project: Project,
    output: str | os.PathLike[str],
    fmt: str | None,
    request: ViewRequest | None,
    render: Renderer,
    *,
    width: int | None = None,
    dpi: float | None = None,
    side_by_side: bool = False,
    transparent: bool = False,
    layout: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Draw the project's saved view (filtered and with the request's scenario) to a file.

    ``layout`` "force" or "map" (None: the layout the project was last shown in).
    ``progress`` hears (done, total) through reading, modelling and painting (the
    renderer is given it as ``progress=`` when it is not None); it may raise to cancel,
    and then no file is left (renderers write atomically)."""
    tick = progress or (lambda _done, _total: None)
    path = Path(output)
    fmt = check_format(fmt or path.suffix or "png")
    dpi = dpi if fmt == "png" else None
    if side_by_side and width is None:
        width = round(2 * DEFAULT_INCHES * dpi) if dpi else COMPARISON_WIDTH[fmt]
    w = output_width(fmt, width, dpi)
    check_target(path)
    tick(0, SCALE)
    doc = project.document()
    tick(round(0.15 * SCALE), SCALE)
    resolved = resolve_view(doc, request or ViewRequest())
    view, scenario = resolved.view, resolved.scenario
    doc = _with_scenario(doc, scenario)
    state = ViewState.load(project)
    on_map = check_layout(layout or state.layout) == "map"
    saved = project.positions()
    if side_by_side:
        if scenario is None:
            raise UserError("--side-by-side needs --scenario NAME (or --remove / --dissolve).")
        base, what = comparison_models(doc, view, scenario, state.color_by, state.size_by)
        if on_map:
            return render(map_comparison_page(doc, view, scenario.name, base, what, state.map_fill),
                          path, fmt, w, dpi, transparent)
        known = settled_positions(base, saved)
        page = comparison_page(doc, view, scenario.name, base, what, known, saved)
    else:
        tick(round(0.2 * SCALE), SCALE)
        mode = "scenario" if scenario else "baseline"
        model = build_graph_model(doc, view, state.color_by, scenario, mode, state.size_by)
        if on_map:
            panel, margin = map_panel(model, doc, state.map_fill)
            extra_legend = fill_legend(model, state.map_fill)
        else:
            tick(round(0.22 * SCALE), SCALE)
            known = settled_positions(
                model, saved, lambda done, total: tick(
                    round((0.22 + 0.08 * done / max(total, 1)) * SCALE), SCALE))
            pos = np.array([known[k] for k in model.keys], dtype=float).reshape(-1, 2)
            panel, margin = Panel(model, pos), 0
            extra_legend = []
        page = Page(
            panels=[panel],
            legend=list(model.legend) + extra_legend,
            legend_title="",
            caption=caption_lines(doc, view, scenario.name if scenario else None, mode,
                                  model.keys),
            meta={"title": doc.title},
            map=map_backdrop(margin) if on_map else None,
        )
    if progress is None:
        return render(page, path, fmt, w, dpi, transparent)
    tick(round(0.3 * SCALE), SCALE)
    return render(page, path, fmt, w, dpi, transparent, progress=part(progress, 0.3, 1.0))


LAYOUTS = ("force", "map")


def check_layout(layout: str) -> str:
    """``layout`` if it is one the exports know ("force", "map"), else a UserError."""
    if layout not in LAYOUTS:
        raise UserError(f"Unknown layout '{layout}'; use force or map.")
    return layout


def map_comparison_page(doc: Document, view, name: str, base: GraphModel, what: GraphModel,
                    fill: str) -> Page:
    """Baseline | scenario on the world map: every node at its place on both sides."""
    base_panel, base_margin = map_panel(base, doc, fill)
    known = {k: tuple(base_panel.pos[i]) for i, k in enumerate(base.keys)}
    what_panel, what_margin = map_panel(what, doc, fill)
    for i, key in enumerate(what.keys):  # hubs keep their baseline place
        if key in known:
            what_panel.pos[i] = known[key]
    page = comparison_page(doc, view, name, base, what, known, {})
    page.panels[0].pos, page.panels[1].pos = base_panel.pos, what_panel.pos
    page.panels[0].map_fills, page.panels[1].map_fills = base_panel.map_fills, what_panel.map_fills
    page.map = map_backdrop(max(base_margin, what_margin))
    return page
