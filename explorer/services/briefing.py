"""A briefing to hand on: title, the summary sentences, the baseline and scenario pictures,
the comparison tables, the glossary of the measures used, the data's age and its sources
by title. Written as self-contained HTML here, or as PDF by a writer the caller passes
(Qt lives in ``explorer.ui.export.briefing_pdf``)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from explorer.analysis.briefing_tables import BriefTable, baseline_tables, comparison_tables
from explorer.analysis.power_compare import DEFAULT_HEADLINE
from explorer.analysis.report import build_report
from explorer.errors import UserError
from explorer.scene.caption import cited_sources, filter_words
from explorer.services.images import Renderer, export_image
from explorer.services.view_options import ViewRequest, resolve_view
from explorer.store import Project
from explorer.store.atomic import check_target

BRIEF_FORMATS = ("pdf", "html")
#: ``progress(step, steps, what) -> bool``: False asks to stop (raises BriefingCancelled).
Progress = Callable[[int, int, str], bool]


class BriefingCancelled(UserError):
    """The user stopped the briefing; nothing was written."""
#: Width of the pictures in pixels: sharp on a printed A4 page, small enough to e-mail.
PICTURE_WIDTH = 2000


@dataclass(frozen=True)
class Picture:
    caption: str
    png: bytes


@dataclass
class Briefing:
    """Everything a briefing shows, as plain data; the HTML and PDF writers lay it out."""

    title: str
    subtitle: str
    view_line: str
    vintage: str
    summary: list[str]
    changes: list[str]
    pictures: list[Picture] = field(default_factory=list)
    tables: list[BriefTable] = field(default_factory=list)
    glossary: list[tuple[str, str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    made: str = ""


def brief_format(output: str | os.PathLike[str], fmt: str | None = None) -> str:
    """"pdf" or "html" from ``fmt`` or the file's extension; UserError otherwise."""
    name = (fmt or Path(output).suffix.lstrip(".")).lower()
    if name == "htm":
        name = "html"
    if name not in BRIEF_FORMATS:
        raise UserError(f"A briefing is written as PDF or HTML; '{Path(output).name}' is "
                        "neither (use a .pdf or .html file name).")
    return name


def vintage_of(doc) -> str:
    """"Data as of Nov 2025" when the project records its data's age, else ""."""
    try:
        from explorer.scene.caption import vintage_text  # noqa: PLC0415 - optional, newer data
    except ImportError:
        vintage_text = None
    if vintage_text is not None:
        return vintage_text(doc)
    vintage = getattr(doc, "vintage", "") or ""
    return f"Data as of {vintage}" if vintage else ""


def _source_titles(doc, view, keys=None) -> list[str]:
    out = []
    for source_id, _n in cited_sources(doc, view, keys).most_common():
        source = doc.sources.get(source_id)
        if source is None:
            continue
        text = source.title
        if source.publisher:
            text += f" \N{EM DASH} {source.publisher}"
        if source.published:
            text += f", {source.published}"
        if source.url:
            text += f" <{source.url}>"
        out.append(text)
    return out


def build_briefing(
    project: Project,
    request: ViewRequest | None,
    render: Renderer | None,
    *,
    headline: str = DEFAULT_HEADLINE,
    weights=None,
    progress: Progress | None = None,
) -> Briefing:
    """The briefing of ``project`` under ``request``; ``render`` paints the pictures (None:
    a briefing without pictures, for a machine that cannot draw)."""
    step = _stepper(progress, 3)
    request = request or ViewRequest()
    step("Analysing the view")
    doc = project.document()
    resolved = resolve_view(doc, request)
    view, scenario = resolved.view, resolved.scenario
    report = build_report(doc, view, scenario=scenario, weights=weights, headline=headline,
                          against=resolved.against)
    when = f"As of {view.as_of}" if view.as_of else "Latest data (agreements in force now)"
    brief = Briefing(
        title=(f"What if: {scenario.name}" + (f" (compared with {resolved.against.name})"
                                               if resolved.against else "")
               if scenario else f"Strategic balance: {doc.title}"),
        subtitle=doc.title or "Untitled project",
        view_line=f"{when} \N{MIDDLE DOT} {filter_words(doc, view)}",
        vintage=vintage_of(doc),
        summary=list(report.get("summary", [])),
        changes=[c["description"] for c in report.get("scenario", {}).get("changes", [])],
        tables=comparison_tables(report) if scenario else baseline_tables(report),
        glossary=[(m["label"], m["text"]) for m in report.get("glossary", [])],
        sources=_source_titles(doc, view),
        made=dt.date.today().isoformat(),
    )
    if render is not None:
        step("Drawing the pictures")
        brief.pictures = _pictures(project, request, render, scenario is not None)
    step("Writing the briefing")
    return brief


def _stepper(progress: Progress | None, steps: int) -> Callable[[str], None]:
    done = [0]

    def step(what: str) -> None:
        if progress is not None and progress(done[0], steps, what) is False:
            raise BriefingCancelled("The briefing was cancelled; nothing was written.")
        done[0] += 1

    return step


def _pictures(project: Project, request: ViewRequest, render: Renderer,
              compare: bool) -> list[Picture]:
    with tempfile.TemporaryDirectory(prefix="sbx-brief-") as tmp:
        path = Path(tmp) / "picture.png"
        export_image(project, path, "png", request, render, width=PICTURE_WIDTH,
                     side_by_side=compare)
        caption = ("The baseline (left) and the scenario (right); outlined: the actors the "
                   "comparison singles out" if compare else "The network in view")
        return [Picture(caption, path.read_bytes())]


def export_briefing(
    project: Project,
    output: str | os.PathLike[str],
    request: ViewRequest | None,
    render: Renderer | None,
    write_pdf: Callable[[Briefing, Path], Path] | None,
    *,
    fmt: str | None = None,
    headline: str = DEFAULT_HEADLINE,
    weights=None,
    progress: Progress | None = None,
) -> Path:
    """Write the briefing to ``output`` as PDF (through ``write_pdf``) or HTML."""
    from explorer.services.briefing_html import write_briefing_html
    from explorer.store.atomic import write_text

    path = Path(output)
    fmt = brief_format(path, fmt)
    check_target(path)
    brief = build_briefing(project, request, render, headline=headline, weights=weights,
                           progress=progress)
    if fmt == "html":
        write_text(path, write_briefing_html(brief))
        return path
    if write_pdf is None:
        raise UserError("PDF briefings need the drawing library; write HTML instead.")
    return write_pdf(brief, path)
