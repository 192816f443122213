"""Image export of the graph canvas: what the window shows, as PNG, SVG or PDF, single
or side by side. The picture is a :class:`~explorer.scene.picture.Page` painted by
:mod:`explorer.ui.export.renderer`; here it is built from the live canvas (its positions,
view rectangle and mode) and from the Export Image dialog.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import numpy as np

from explorer.model.progress import Progress
from explorer.scene.caption import CaptionLine, caption_lines
from explorer.scene.geo.pages import map_backdrop
from explorer.scene.picture import (
    COMPARISON_WIDTH,
    DEFAULT_INCHES,
    REGIONS,
    ExportError,
    Page,
    Panel,
    check_format,
    comparison_models,
    comparison_page,
    output_width,
)
from explorer.ui.export.image_dialog import ExportOptions, ImageExportDialog
from explorer.ui.export.renderer import render_page

__all__ = ["ExportError", "build_comparison", "build_page", "export_comparison",
           "export_image", "export_image_dialog", "run_export"]


def canvas_positions(canvas) -> dict[str, tuple[float, float]]:
    """Where the canvas draws each node now."""
    return {key: canvas.node_position(key) for key in canvas.node_keys()}


def _session_caption(session, keys, comparison: bool = False) -> list[CaptionLine]:
    doc = session.project.document()
    return caption_lines(doc, session.view_filter, session.scenario_name, session.mode, keys,
                         comparison=comparison)


def build_page(canvas, region: str = "whole", caption: list[CaptionLine] | None = None) -> Page:
    """What :func:`export_image` draws for ``canvas``: its graph, legend and caption."""
    if region not in REGIONS:
        raise ExportError(f"Unknown region '{region}'; use 'whole' or 'view'.")
    model = canvas.model()
    if model is None:
        raise ExportError("There is nothing to export: no project is open.")
    known = canvas_positions(canvas)
    pos = np.array([known[k] for k in model.keys], dtype=float).reshape(-1, 2)
    session = canvas.session
    placement = canvas.map_placement()
    page = Page(
        panels=[Panel(model, pos, map_fills=canvas.map_fills() if placement else {})],
        legend=list(canvas.legend.entries()),
        legend_title=getattr(canvas.legend_item(), "title", ""),
        caption=caption if caption is not None else _session_caption(session, model.keys),
        meta={"title": session.project.document().title},
        map=map_backdrop(placement.margin_count) if placement is not None else None,
    )
    if region == "view":
        vb = canvas.vb
        rect = vb.viewRect()
        if vb.width() > 10 and vb.height() > 10 and rect.width() > 0:
            page.source_rect = (rect.left(), rect.top(), rect.width(), rect.height())
            page.view_aspect = vb.height() / vb.width()
    return page


def export_image(
    canvas,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    width: int | None = None,
    dpi: float | None = None,
    transparent: bool = False,
    region: str = "whole",
    caption: list[CaptionLine] | list[str] | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the canvas's graph with its legend and a caption to ``path``.

    ``fmt`` is "png", "svg" or "pdf" (default: from the suffix). ``width`` is the image
    width in pixels (PNG default 2400; SVG/PDF 1200 px at 96 px per inch); a PNG with
    only ``dpi`` is 12.5 inches wide at that DPI. ``region`` "whole" fits every node,
    "view" shows what the canvas shows now. ``caption`` replaces the generated lines
    (strings become body lines after the title).
    """
    path = Path(path)
    fmt = check_format(fmt or path.suffix or "png")
    w = output_width(fmt, width, dpi)
    lines = _caption_arg(canvas.session, caption)
    page = build_page(canvas, region, lines)
    return render_page(page, path, fmt, w, dpi, transparent, progress)


def _caption_arg(session, caption) -> list[CaptionLine] | None:
    if caption is None:
        return None
    lines: list[CaptionLine] = []
    for k, item in enumerate(caption):
        if isinstance(item, CaptionLine):
            lines.append(item)
        else:
            lines.append(CaptionLine(str(item), "title" if k == 0 else "body"))
    return lines


def build_comparison(canvas, scenario: str | None = None) -> Page:
    """Baseline | scenario panels of the canvas's scenario, with the same positions."""
    session = canvas.session
    doc = session.project.document()
    name = scenario or session.scenario_name
    if not name or name not in doc.scenarios:
        raise ExportError("Side-by-side export needs an active what-if scenario.")
    sc = doc.scenarios[name]
    view = session.view_filter
    color_by = getattr(canvas, "color_by", "bloc")
    size_by = getattr(canvas, "size_by", "capability")
    base, what = comparison_models(doc, view, sc, color_by, size_by)
    if canvas.map_placement() is not None:
        from explorer.services.images import map_comparison_page

        page = map_comparison_page(doc, view, name, base, what, canvas.map_fill)
    else:
        page = comparison_page(doc, view, name, base, what, canvas_positions(canvas),
                               session.project.positions())
    page.legend_title = getattr(canvas.legend_item(), "title", "")
    return page


def export_comparison(
    session_or_canvas,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    scenario: str | None = None,
    width: int | None = None,
    dpi: float | None = None,
    transparent: bool = False,
    caption: list[CaptionLine] | list[str] | None = None,
    progress: Progress | None = None,
) -> Path:
    """One image: the baseline (left) and the scenario (right), same node positions,
    one legend and one caption. Accepts a GraphCanvas, or anything with ``.canvas``
    (the main window). The canvas's state is not changed."""
    canvas = getattr(session_or_canvas, "canvas", session_or_canvas)
    if not hasattr(canvas, "node_keys"):
        raise ExportError("Side-by-side export needs the graph canvas.")
    path = Path(path)
    fmt = check_format(fmt or path.suffix or "png")
    if width is None:
        width = round(2 * DEFAULT_INCHES * dpi) if (dpi and fmt == "png") else COMPARISON_WIDTH[fmt]
    w = output_width(fmt, width, dpi)
    page = build_comparison(canvas, scenario)
    lines = _caption_arg(canvas.session, caption)
    if lines is not None:
        page.caption = lines
    return render_page(page, path, fmt, w, dpi, transparent, progress)


# ====================================================================== dialog


def run_export(window, options: ExportOptions, path: str | os.PathLike[str],
               progress: Progress | None = None) -> Path:
    """Export with the dialog's ``options`` (no dialogs here; errors raise)."""
    width = options.width if options.size_mode == "width" else None
    dpi = options.dpi if options.size_mode == "dpi" else None
    if options.side_by_side:
        return export_comparison(window.canvas, path, options.format, width=width, dpi=dpi,
                                 transparent=options.transparent, progress=progress)
    return export_image(window.canvas, path, options.format, width=width, dpi=dpi,
                        transparent=options.transparent, region=options.region,
                        progress=progress)


def export_image_dialog(window) -> Path | None:
    """File > Export Image: options, then a file name; errors in a message box."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

    parent = window if isinstance(window, QWidget) else None
    session = getattr(window, "session", None)
    if session is None or getattr(window, "canvas", None) is None:
        QMessageBox.information(parent, "Export Image", "Open a project first.")
        return None
    settings = getattr(window, "settings", None)
    dialog = ImageExportDialog(parent, has_scenario=bool(session.scenario_name))
    dialog.load(settings)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    options = dialog.options()
    dialog.save(settings)
    start_dir = str(settings.value("last_dir", str(Path.home()))) if settings else str(Path.home())
    stem = (session.project.document().title or "graph").strip() or "graph"
    stem = "".join(c if c.isalnum() or c in " -_()" else "_" for c in stem)
    if options.side_by_side:
        stem += " - comparison"
    suggested = str(Path(start_dir) / f"{stem}.{options.format}")
    filters = {"png": "PNG image (*.png)", "svg": "SVG drawing (*.svg)", "pdf": "PDF document (*.pdf)"}
    name, _ = QFileDialog.getSaveFileName(parent, "Export Image", suggested, filters[options.format])
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != f".{options.format}":
        path = path.with_name(path.name + f".{options.format}")
    from explorer.ui.export.file_transfer import Cancelled, progress_dialog

    # a big graph paints for seconds: show it, and let Cancel stop it (no file is left)
    progress, report = progress_dialog(parent, f"Exporting {path.name}…")
    try:
        out = run_export(window, options, path, report)
    except Cancelled:
        progress.close()
        with contextlib.suppress(Exception):
            window.statusBar().showMessage("Export cancelled; no image was written.", 5000)
        return None
    except (ExportError, OSError, ValueError) as exc:
        progress.close()
        QMessageBox.critical(parent, "Export Image", f"The image was not exported.\n\n{exc}")
        return None
    progress.close()
    if settings is not None:
        settings.setValue("last_dir", str(out.parent))
    with contextlib.suppress(Exception):
        window.statusBar().showMessage(f"Exported {out}", 5000)
    return out


