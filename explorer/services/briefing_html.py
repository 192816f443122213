"""The briefing as one self-contained HTML file: pictures embedded as data URLs, a print
style sheet, nothing fetched from anywhere, so it can be mailed and opened offline.

The same markup (without the style sheet's finer points) is what the PDF writer feeds to
Qt's rich-text engine, so keep it to the HTML 4 subset that engine understands.
"""

from __future__ import annotations

import base64
from html import escape

from explorer.analysis.briefing_tables import BriefTable
from explorer.services.briefing import Briefing

STYLE = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; color: #1d1d1d; max-width: 60em;
       margin: 2em auto; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.1em; }
h2 { font-size: 1.15em; margin-top: 1.4em; border-bottom: 1px solid #bbb; }
p.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: 0.4em 0; }
th, td { padding: 2px 10px; border-bottom: 1px solid #ddd; text-align: left; }
th { background: #f0f0f0; }
td.num, th.num { text-align: right; }
p.note { color: #555; font-size: 0.9em; margin-top: 0.2em; }
img { max-width: 100%; border: 1px solid #ddd; }
dt { font-weight: bold; margin-top: 0.4em; }
li.source { font-size: 0.9em; }
@media print { body { margin: 0; } h2 { page-break-after: avoid; } }
"""


def picture_name(index: int) -> str:
    """The name a picture goes by in the markup when the writer supplies the images."""
    return f"picture{index}.png"


def table_html(table: BriefTable) -> str:
    """One table with its title and note."""
    def cell(tag: str, i: int, text: str) -> str:
        cls = ' class="num" align="right"' if i in table.numeric else ""
        return f"<{tag}{cls}>{escape(text)}</{tag}>"

    out = [f"<h3>{escape(table.title)}</h3>"]
    if table.rows:
        out.append('<table cellspacing="0" cellpadding="3">')
        out.append("<tr>" + "".join(cell("th", i, h) for i, h in enumerate(table.headers))
                   + "</tr>")
        for row in table.rows:
            out.append("<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>")
        out.append("</table>")
    if table.note:
        out.append(f'<p class="note">{escape(table.note)}</p>')
    return "\n".join(out)


def briefing_body(brief: Briefing, embed: bool = True) -> str:
    """The briefing's body markup; ``embed`` puts the pictures in as data URLs, otherwise
    they are referred to by :func:`picture_name` for the PDF writer to supply."""
    out = [f"<h1>{escape(brief.title)}</h1>"]
    meta = [brief.subtitle, brief.view_line]
    if brief.vintage:
        meta.append(brief.vintage)
    out.append('<p class="meta">' + "<br/>".join(escape(m) for m in meta if m) + "</p>")
    if brief.changes:
        out.append("<h2>The change</h2><ul>"
                   + "".join(f"<li>{escape(c)}</li>" for c in brief.changes) + "</ul>")
    out.append("<h2>Summary</h2>")
    if brief.summary:
        out.append("<ul>" + "".join(f"<li>{escape(s)}</li>" for s in brief.summary) + "</ul>")
    else:
        out.append("<p>No summary: the view is empty.</p>")
    for i, picture in enumerate(brief.pictures):
        if embed:
            src = "data:image/png;base64," + base64.b64encode(picture.png).decode("ascii")
        else:
            src = picture_name(i)
        out.append(f'<p><img src="{src}" width="640" alt="{escape(picture.caption)}"/><br/>'
                   f'<span class="note">{escape(picture.caption)}</span></p>')
    out.append("<h2>What moved</h2>" if brief.changes else "<h2>The balance in view</h2>")
    out += [table_html(t) for t in brief.tables]
    if brief.glossary:
        out.append("<h2>The measures used</h2><dl>")
        out += [f"<dt>{escape(label)}</dt><dd>{escape(text)}</dd>"
                for label, text in brief.glossary]
        out.append("</dl>")
    out.append("<h2>Sources</h2>")
    if brief.sources:
        out.append("<ol>" + "".join(f'<li class="source">{escape(s)}</li>'
                                    for s in brief.sources) + "</ol>")
    else:
        out.append("<p>No sources are recorded for what is in view.</p>")
    out.append(f'<p class="note">Made with Strategic Balance Explorer on {escape(brief.made)}.'
               + (f" {escape(brief.vintage)}." if brief.vintage else "") + "</p>")
    return "\n".join(out)


def write_briefing_html(brief: Briefing) -> str:
    """The whole self-contained HTML document."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
        f"<title>{escape(brief.title)}</title><style>{STYLE}</style></head>\n<body>\n"
        f"{briefing_body(brief)}\n</body></html>\n"
    )
