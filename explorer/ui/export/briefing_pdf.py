"""The briefing as a paginated A4 PDF through Qt's rich-text engine: the same markup as
the HTML briefing, with the pictures handed to the document as image resources."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from explorer.services.briefing import Briefing
from explorer.services.briefing_html import briefing_body, picture_name
from explorer.store.atomic import write_atomic
from explorer.ui.export.renderer import ensure_gui

#: Qt's rich text understands a small CSS subset; keep to it.
PDF_STYLE = """
h1 { font-size: 18pt; }
h2 { font-size: 13pt; margin-top: 14px; }
h3 { font-size: 10.5pt; margin-top: 8px; }
p.meta, p.note, span.note { color: #555555; }
th { background-color: #eeeeee; }
td, th { border-bottom: 1px solid #dddddd; }
"""


def write_briefing_pdf(brief: Briefing, path: Path) -> Path:
    """Print ``brief`` to ``path`` as an A4 PDF of as many pages as it needs, atomically."""
    ensure_gui()

    def write(tmp: str) -> None:
        writer = QPdfWriter(tmp)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(16, 16, 16, 16),
                                         QPageLayout.Unit.Millimeter))
        writer.setResolution(144)
        writer.setTitle(brief.title)
        writer.setCreator("Strategic Balance Explorer")
        document = QTextDocument()
        document.setDefaultStyleSheet(PDF_STYLE)
        document.setDocumentMargin(0)
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        # Images are sized in the document's pixels: fit them to the text width.
        document.setPageSize(QSizeF(page.width(), page.height()))
        for i, picture in enumerate(brief.pictures):
            image = QImage.fromData(picture.png, "PNG")
            document.addResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl(picture_name(i)), image)
        width = int(page.width())
        html = briefing_body(brief, embed=False).replace('width="640"', f'width="{width}"')
        document.setHtml(html)
        document.print_(writer)

    return write_atomic(path, write, allow_empty=False)
