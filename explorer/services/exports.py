"""Writing a project out: the document as JSON, the graph as GEXF/GraphML/CSV/JSON with
the project's layout, and pictures through a renderer the caller provides."""

from __future__ import annotations

import copy
import os
from dataclasses import replace
from pathlib import Path

from explorer.analysis.view import ViewFilter, filtered
from explorer.analysis.whatif import apply_scenario
from explorer.io import export_graph
from explorer.io.hub import hub_node_ids, positions_for_export
from explorer.io.json_document import document_to_json
from explorer.model.entities import Document
from explorer.model.progress import SCALE, Progress, part
from explorer.services.view_options import ViewRequest, resolve_view
from explorer.store import Project
from explorer.store.atomic import check_target, write_text


def document_json(project: Project) -> str:
    """The whole document as our JSON format (what ``import`` reads back)."""
    return document_to_json(project.document(), project.schema_version)


def export_document_json(project: Project, output: str | os.PathLike[str]) -> Path:
    """Write :func:`document_json` to ``output`` atomically."""
    return write_text(output, document_json(project))


def scenario_document(project: Project, request: ViewRequest | None) -> Document:
    """The project's document with the request's scenario and changes applied."""
    doc = project.document()
    if request is None:
        return doc
    resolved = resolve_view(doc, request)
    return apply_scenario(doc, resolved.scenario) if resolved.scenario else doc


def view_document(doc: Document, view: ViewFilter) -> Document:
    """``doc`` cut to what ``view`` shows: its actors, alliances, and the memberships and
    ties in force between them (scenarios, blocs, regions and sources kept whole)."""
    data = filtered(doc, view)
    out = copy.copy(doc)
    out.actors = dict(data.actors)
    out.alliances = dict(data.alliances)
    out.memberships = {m.id: m for m in data.memberships}
    out.ties = {t.id: t for t in data.ties}
    return out


def timeless(doc: Document) -> Document:
    """``doc`` with every actor, alliance, membership and tie in force at once (for laying
    out and colouring a whole export, history included)."""
    out = copy.copy(doc)
    out.actors = {k: replace(a, start=None, end=None) for k, a in doc.actors.items()}
    out.alliances = {k: replace(a, ended=None) for k, a in doc.alliances.items()}
    out.memberships = {k: replace(m, left=None) for k, m in doc.memberships.items()}
    out.ties = {k: replace(t, end=None, start=t.start or "0000") for k, t in doc.ties.items()}
    return out


def export_graph_file(
    project: Project,
    output: str | os.PathLike[str],
    fmt: str | None = None,
    request: ViewRequest | None = None,
    layout: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """The hub view under the request's date, regions and scenario as a graph file, with
    the project's layout (settled where nodes have no saved place) and node colours.

    ``layout`` "map" writes map positions instead (x = longitude, y = latitude, in
    degrees; the margin's nodes right of 180°E); None: the project's last layout.
    ``progress`` hears (done, 1000) through reading, modelling, the layout's iterations
    (most of the time on a big graph) and writing; it may raise to cancel, and then no
    file is left (the writers are atomic)."""
    tick = progress or (lambda _done, _total: None)
    from explorer.scene.graph_model import build_graph_model
    from explorer.scene.view_state import ViewState
    from explorer.services.images import settled_positions

    target = check_target(output)
    tick(0, SCALE)
    doc = project.document()
    tick(round(0.1 * SCALE), SCALE)
    resolved = resolve_view(doc, request or ViewRequest())
    if resolved.scenario is not None:
        doc = apply_scenario(doc, resolved.scenario)
    request = request or ViewRequest()
    # a plain export is the whole project, history included; a date or region cuts it
    dated = bool(request.as_of or request.regions)
    shown = view_document(doc, resolved.view) if dated else doc
    state = ViewState.load(project)
    # a plain export holds the past too: lay out and colour every record, whenever in force
    model = build_graph_model(shown if dated else timeless(shown),
                              resolved.view if dated else ViewFilter(),
                              state.color_by, None, "baseline", state.size_by)
    tick(round(0.25 * SCALE), SCALE)
    from explorer.services.images import check_layout

    if check_layout(layout or state.layout) == "map":
        from explorer.scene.geo.placement import map_placement

        where = map_placement(model, shown).positions
        placed = {k: (float(where[i, 0]), float(where[i, 1])) for i, k in enumerate(model.keys)}
    else:
        placed = settled_positions(model, project.positions(), progress=part(progress, 0.25, 0.85))
    ids = hub_node_ids(shown)
    colors = {ids[k]: model.colors[i] for i, k in enumerate(model.keys) if k in ids}
    tick(round(0.85 * SCALE), SCALE)
    export_graph(shown, target, fmt, positions=positions_for_export(shown, placed) or None,
                 colors=colors)
    tick(SCALE, SCALE)
    return target
