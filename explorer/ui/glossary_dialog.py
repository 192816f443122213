"""Help ▸ Glossary: what every figure of the comparison and the report means."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from explorer.analysis.glossary import MEASURES

BETTER_WORDS = {"higher": "higher is better", "lower": "lower is better"}


def glossary_html() -> str:
    """The glossary as HTML: one entry per measure, in the registry's order."""
    parts = ["<h2>Glossary</h2>",
             "<p>What each figure of the What-if comparison and of <tt>report</tt> means "
             "for an analyst. “Better” is said only where one direction is good in "
             "itself; elsewhere a change is neither good nor bad.</p>"]
    for m in MEASURES:
        better = BETTER_WORDS.get(m.better, "")
        tail = f" <i>({better})</i>" if better else ""
        parts.append(f"<p><b>{escape(m.label)}</b>{tail}<br>{escape(m.text)}</p>")
    return "\n".join(parts)


class GlossaryDialog(QDialog):
    """A read-only, searchable (Ctrl+F in the text) page of the glossary."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Glossary")
        self.resize(620, 640)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setHtml(glossary_html())
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
