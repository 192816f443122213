"""The strategic-balance report (text or JSON) for a project, a view and a scenario."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from explorer.analysis.power_compare import DEFAULT_HEADLINE
from explorer.analysis.report import build_report, format_text, report_stages
from explorer.services.view_options import ViewRequest, resolve_view
from explorer.store import Project

LOAD_STAGE = "reading the project"
WRITE_STAGE = "writing the text"


def make_report_stages(request: ViewRequest | None = None) -> tuple[str, ...]:
    """The names of the steps ``make_report(..., progress=...)`` counts for ``request``:
    ``progress(done, total)`` means step ``done + 1`` (this tuple's ``done``-th) runs."""
    r = request or ViewRequest()
    scenario = bool(r.scenario or r.removes or r.dissolves)
    return (LOAD_STAGE, *report_stages(scenario), WRITE_STAGE)


def make_report(
    project: Project,
    request: ViewRequest | None = None,
    weights: Mapping[str, float] | None = None,
    fmt: str = "text",
    *,
    headline: str | None = None,
    glossary: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """The report as text or indented JSON (``fmt`` "text" / "json"); ``headline`` picks
    the bloc view the sentences and chart lead with, ``glossary`` appends the texts.

    ``progress(done, total)`` is called with 0, then after each of
    :func:`make_report_stages`, so a front end can name the step that runs long.
    """
    total = len(make_report_stages(request))

    def tell(done: int) -> None:
        if progress is not None:
            progress(done, total)

    def analysed(done: int, _total: int) -> None:
        if done:  # build_report's own start is the end of our step 1, already told
            tell(1 + done)

    tell(0)
    doc = project.document()
    resolved = resolve_view(doc, request or ViewRequest())
    tell(1)
    report = build_report(doc, resolved.view, scenario=resolved.scenario, weights=weights,
                          headline=headline or DEFAULT_HEADLINE, against=resolved.against,
                          progress=analysed)
    text = (json.dumps(report, indent=2, ensure_ascii=False) + "\n" if fmt == "json"
            else format_text(report, glossary=glossary))
    tell(total)
    return text
