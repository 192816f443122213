"""History in motion, headless: the frames of an animated export — one picture per date
from ``--from`` to ``--to`` in ``--step`` steps — as pages (graph), race frames (bar
chart race) or both. No Qt: the caller renders and writes them
(``explorer.ui.export.animation``).

In the force layout every frame uses one set of positions, laid out once for every
record of every date (the project's saved layout, the rest settled), so nodes never
jump between frames; on the map, places are fixed anyway. The picture's extent is fixed
too, with room on the left for the legend, so frames line up.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import numpy as np

from explorer.analysis.view import ViewFilter
from explorer.errors import UserError
from explorer.model.entities import Document
from explorer.scene.caption import caption_lines, latest_text, vintage_words
from explorer.scene.geo.fills import fill_legend
from explorer.scene.geo.pages import map_backdrop, map_panel
from explorer.scene.geo.projection import EXTENT
from explorer.scene.graph_model import GraphModel, build_graph_model
from explorer.scene.picture import Page, Panel
from explorer.scene.race import RaceFrame, race_frame
from explorer.scene.view_state import ViewState
from explorer.services.exports import timeless
from explorer.services.images import check_layout, settled_positions
from explorer.services.view_options import ViewRequest, resolve_view
from explorer.store import Project

#: more frames than this is surely a mistake (a monthly step over a century is 1,200)
MAX_FRAMES = 1500
CHARTS = ("graph", "race", "both")
_STEP = re.compile(r"^\s*(\d+)\s*([ymd])\s*$")


def parse_step(text: str) -> tuple[int, str]:
    """"1y" -> (1, "y"); "6m" -> (6, "m"); "10d" -> (10, "d")."""
    match = _STEP.match(text or "")
    if not match or int(match.group(1)) < 1:
        raise UserError(f"'{text}' is not a step; use e.g. 1y, 6m or 10d.")
    return int(match.group(1)), match.group(2)


def parse_when(text: str, *, end_of_year: bool = True) -> str | None:
    """An ISO date from "1949" (the year's last day: what held at its end), "1949-06",
    "1949-06-30" or "latest" (None: the latest data)."""
    text = (text or "").strip()
    if text.lower() in ("latest", "today", "now"):
        return None
    try:
        if re.fullmatch(r"\d{4}", text):
            return f"{text}-12-31" if end_of_year else f"{text}-01-01"
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = int(text[:4]), int(text[5:7])
            return dt.date(year, month, calendar.monthrange(year, month)[1]).isoformat()
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise UserError(f"'{text}' is not a date; use YYYY, YYYY-MM, YYYY-MM-DD or latest."
                        ) from None


def _add(day: dt.date, n: int, unit: str) -> dt.date:
    if unit == "d":
        return day + dt.timedelta(days=n)
    months = day.month - 1 + n * (12 if unit == "y" else 1)
    year, month = day.year + months // 12, months % 12 + 1
    last = calendar.monthrange(year, month)[1]
    # month ends stay month ends (Feb 28 -> Mar 31), so yearly frames are year ends
    was_last = day.day == calendar.monthrange(day.year, day.month)[1]
    return dt.date(year, month, last if was_last else min(day.day, last))


def frame_dates(start: str, end: str | None, step: str,
                latest: str | None = None) -> list[str | None]:
    """Every date from ``start`` to ``end`` (None: up to the latest data, which is the
    last frame) in ``step`` steps; ``latest`` is the data's own last date ("2025-11")."""
    n, unit = parse_step(step)
    first = dt.date.fromisoformat(start)
    stop = dt.date.fromisoformat(end) if end else _latest_day(latest)
    if stop < first:
        raise UserError(f"--to ({stop}) is before --from ({first}).")
    out: list[str | None] = []
    day = first
    while day <= stop:
        out.append(day.isoformat())
        if len(out) > MAX_FRAMES:
            raise UserError(f"That is more than {MAX_FRAMES} frames; choose a longer step.")
        day = _add(day, n, unit)
    if end is None and out[-1] != stop.isoformat():
        out.append(None)  # the latest data closes the story
    elif end is None:
        out[-1] = None
    return out


def _latest_day(vintage: str | None) -> dt.date:
    if vintage and re.fullmatch(r"\d{4}-\d{2}", vintage):
        year, month = int(vintage[:4]), int(vintage[5:7])
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date.today()


def stamp(day: str | None, unit: str, doc: Document) -> str:
    """The date as a frame shows it: "1980" for yearly steps, "Jun 1980" monthly."""
    if day is None:  # "Nov 2025": the data's own date, short enough to sit in a corner
        return vintage_words(doc) or latest_text(doc)
    d = dt.date.fromisoformat(day)
    if unit == "y":
        return str(d.year)
    if unit == "m":
        return f"{calendar.month_abbr[d.month]} {d.year}"
    return f"{d.day} {calendar.month_abbr[d.month]} {d.year}"


@dataclass
class AnimationPlan:
    """What to draw: the document, the view (regions, scenario), the dates, the layout."""

    doc: Document
    view: ViewFilter
    scenario: object
    dates: list[str | None]
    unit: str
    layout: str
    state: ViewState
    known: dict[str, tuple[float, float]] | None  # force layout: one position per node
    extent: tuple[float, float, float, float]


def plan_animation(project: Project, request: ViewRequest | None, start: str, end: str,
                   step: str, layout: str | None = None) -> AnimationPlan:
    """Check the request and lay out once; raises UserError on a bad date, step or name."""
    doc = project.document()
    resolved = resolve_view(doc, request or ViewRequest())
    first = parse_when(start, end_of_year=True)
    if first is None:
        raise UserError("--from must be a date (YYYY, YYYY-MM or YYYY-MM-DD).")
    last = parse_when(end)
    dates = frame_dates(first, last, step, doc.vintage)
    _n, unit = parse_step(step)
    state = ViewState.load(project)
    kind = check_layout(layout or state.layout)
    known = None
    if kind == "force":
        whole = build_graph_model(timeless(doc), replace(resolved.view, as_of=None),
                                  state.color_by, None, "baseline", state.size_by)
        known = settled_positions(whole, project.positions())
        pts = np.array(list(known.values()), dtype=float).reshape(-1, 2)
        lo, hi = (pts.min(axis=0), pts.max(axis=0)) if len(pts) else (np.zeros(2), np.ones(2))
        span = np.maximum(hi - lo, 1e-6)
        extent = (float(lo[0] - 0.05 * span[0]), float(lo[1] - 0.05 * span[1]),
                  float(span[0] * 1.1), float(span[1] * 1.1))
    else:
        x, y, w, h = EXTENT
        extent = (x, y, w + 40.0, h)  # and the margin column right of 180°E
    x, y, w, h = extent
    # room on the left for the legend, so it never covers the graph
    extent = (x - 0.3 * w, y, 1.3 * w, h)
    return AnimationPlan(doc, resolved.view, resolved.scenario, dates, unit, kind, state,
                         known, extent)


def _model(plan: AnimationPlan, day: str | None) -> GraphModel:
    view = replace(plan.view, as_of=day)
    mode = "scenario" if plan.scenario is not None else "baseline"
    return build_graph_model(plan.doc, view, plan.state.color_by, plan.scenario, mode,
                             plan.state.size_by, plan.state.weights)


def animation_pages(plan: AnimationPlan) -> Iterator[Page]:
    """One page per date, every page the same extent and shape."""
    x, y, w, h = plan.extent
    for day in plan.dates:
        model = _model(plan, day)
        if plan.layout == "map":
            panel, margin = map_panel(model, plan.doc, plan.state.map_fill)
        else:
            assert plan.known is not None
            pos = np.array([plan.known.get(k, (x + w / 2, y + h / 2)) for k in model.keys],
                           dtype=float).reshape(-1, 2)
            panel, margin = Panel(model, pos), 0
        view = replace(plan.view, as_of=day)
        name = plan.scenario.name if plan.scenario is not None else None
        on_map = plan.layout == "map"
        yield Page(
            panels=[panel],
            legend=list(model.legend) + (fill_legend(model, plan.state.map_fill)
                                         if on_map else []),
            legend_title="",
            caption=caption_lines(plan.doc, view, name, "scenario" if name else None,
                                  model.keys),
            source_rect=plan.extent,
            view_aspect=min(h / w, 1.0),
            meta={"title": plan.doc.title, "stamp": stamp(day, plan.unit, plan.doc)},
            map=map_backdrop(margin) if plan.layout == "map" else None,
        )


def animation_race(plan: AnimationPlan) -> Iterator[RaceFrame]:
    """The bar chart race's frame of every date."""
    for day in plan.dates:
        frame = race_frame(plan.doc, replace(plan.view, as_of=day), plan.state.weights)
        yield replace(frame, title=stamp(day, plan.unit, plan.doc))


def check_chart(chart: str) -> str:
    if chart not in CHARTS:
        raise UserError(f"Unknown chart '{chart}'; use graph, race or both.")
    return chart


def check_output(path: str) -> str:
    """"gif" or "mp4" from the output's suffix."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix not in ("gif", "mp4"):
        raise UserError("The animation file must end in .gif or .mp4.")
    return suffix
