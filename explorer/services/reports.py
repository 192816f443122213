"""The strategic-balance report (text or JSON) for a project, a view and a scenario."""

from __future__ import annotations

import json
from collections.abc import Mapping

from explorer.analysis.power_compare import DEFAULT_HEADLINE
from explorer.analysis.report import build_report, format_text
from explorer.services.view_options import ViewRequest, resolve_view
from explorer.store import Project


def make_report(
    project: Project,
    request: ViewRequest | None = None,
    weights: Mapping[str, float] | None = None,
    fmt: str = "text",
    *,
    headline: str | None = None,
    glossary: bool = False,
) -> str:
    """The report as text or indented JSON (``fmt`` "text" / "json"); ``headline`` picks
    the bloc view the sentences and chart lead with, ``glossary`` appends the texts."""
    doc = project.document()
    resolved = resolve_view(doc, request or ViewRequest())
    report = build_report(doc, resolved.view, scenario=resolved.scenario, weights=weights,
                          headline=headline or DEFAULT_HEADLINE, against=resolved.against)
    if fmt == "json":
        return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    return format_text(report, glossary=glossary)
