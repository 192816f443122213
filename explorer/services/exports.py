"""Writing a project out: the document as JSON, the graph as GEXF/GraphML/CSV/JSON with
the project's layout, and pictures through a renderer the caller provides."""

from __future__ import annotations

import os
from pathlib import Path

from explorer.analysis.whatif import apply_scenario
from explorer.io import export_graph
from explorer.io.hub import positions_for_export
from explorer.io.json_document import document_to_json
from explorer.model.entities import Document
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


def export_graph_file(
    project: Project,
    output: str | os.PathLike[str],
    fmt: str | None = None,
    request: ViewRequest | None = None,
) -> Path:
    """The hub view as a graph file, with the project's saved layout as node positions."""
    target = check_target(output)
    doc = scenario_document(project, request)
    positions = positions_for_export(doc, project.positions())
    export_graph(doc, target, fmt, positions=positions or None)
    return target
