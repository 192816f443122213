"""Helpers shared by the inspector, the data tables and the edit dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from explorer.commands import Command
from explorer.model.entities import Document
from explorer.model.errors import ValidationError
from explorer.model.vocab import label
from explorer.ui.session import ProjectSession

ERROR_COLOR = "#b3261e"
_INVALID_STYLE = "background-color: #fdecea; border: 1px solid #b3261e;"

#: Fields a validation error may name that a form shows under another field.
CAPABILITY_FIELD = "capabilities"


# ----- pushing ------------------------------------------------------------------------


def push_with_reason(session: ProjectSession, command: Command) -> str | None:
    """Push ``command``; None when it was stored, else the reason it was refused."""
    reasons: list[str] = []
    session.editRejected.connect(reasons.append)
    try:
        ok = session.push(command)
    finally:
        session.editRejected.disconnect(reasons.append)
    if ok:
        return None
    return reasons[-1] if reasons else "The edit was refused."


def locate_error(check: Callable[..., None], *args) -> ValidationError | None:
    """Run a model validator and return its error (with the field it names), if any."""
    try:
        check(*args)
    except ValidationError as exc:
        return exc
    return None


# ----- a per-session channel for non-node records -------------------------------------


class RecordChannel(QObject):
    """Tells the inspector which membership, tie or bloc the user picked in a table.

    Selection proper holds node keys (actors, alliances); memberships, ties and blocs are
    not nodes, so they travel here. One channel per session, found with ``channel(session)``.
    """

    #: ("membership", "tie" or "bloc", key)
    recordChosen = Signal(str, object)


def channel(session: ProjectSession) -> RecordChannel:
    found = session.findChild(RecordChannel, "record_channel")
    if found is None:
        found = RecordChannel(session)
        found.setObjectName("record_channel")
    return found


# ----- parsing cell and field text ----------------------------------------------------


def text_or_none(text: str) -> str | None:
    """Empty text means "unknown" (None); dates are checked by the model."""
    text = text.strip()
    return text or None


def parse_number(text: str, what: str = "value") -> float | None:
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{what.capitalize()} '{text}' is not a number.") from None


def parse_year(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"Year '{text}' is not a whole number.") from None


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if abs(value) < 1e15 else f"{value:.0f}"


def actor_text(doc: Document, actor_id: str) -> str:
    actor = doc.actors.get(actor_id)
    return f"{actor.name} ({actor_id})" if actor else actor_id


def alliance_text(doc: Document, alliance_id: str) -> str:
    alliance = doc.alliances.get(alliance_id)
    return alliance.name if alliance else alliance_id


# ----- small editors ------------------------------------------------------------------


def choice_combo(values: tuple[str, ...], parent: QWidget | None = None) -> QComboBox:
    """A combo of vocabulary values showing their labels, the value as item data."""
    combo = QComboBox(parent)
    for value in values:
        combo.addItem(label(value), value)
    return combo


def set_combo_value(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    if index < 0 and value is not None:
        combo.addItem(str(value), value)  # a value outside the vocabulary stays visible
        index = combo.count() - 1
    if combo.currentIndex() != index:
        combo.blockSignals(True)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)


def searchable_combo(parent: QWidget | None = None) -> QComboBox:
    """An editable combo whose completer matches anywhere in the text."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(24)
    combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    combo.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return combo


def combo_choice(combo: QComboBox) -> str | None:
    """The chosen item's data; typed text matching an item's text or data also counts."""
    text = combo.currentText().strip()
    index = combo.currentIndex()
    if index >= 0 and combo.itemText(index) == text:
        return combo.itemData(index)
    for i in range(combo.count()):
        if text and (combo.itemText(i).lower() == text.lower() or combo.itemData(i) == text):
            return combo.itemData(i)
    return text or None


def set_line_text(widget, text: str) -> None:
    """Set a QLineEdit's text only when it differs, so the cursor is not moved for nothing."""
    if widget.text() != text:
        widget.setText(text)
        widget.setCursorPosition(0)


class NotesEdit(QPlainTextEdit):
    """Multi-line text that reports ``editingFinished`` when it loses focus after a change."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(64)

    def set_text(self, text: str) -> None:
        if self.toPlainText() != text:
            self.setPlainText(text)
        self.document().setModified(False)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        if self.document().isModified():
            self.document().setModified(False)
            self.editingFinished.emit()


class FieldForm(QWidget):
    """A form whose every field has a red message under it for inline errors."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.general_error = error_label(self)
        self.layout_.addRow(self.general_error)

    def add(self, name: str, text: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = error_label(box)
        message.setObjectName(f"error_{name}")
        column.addWidget(message)
        self.layout_.addRow(text, box)
        self.widgets[name] = widget
        self.errors[name] = message
        return widget

    def show_error(self, field: str | None, message: str) -> None:
        target = self.errors.get(field or "")
        if target is None:
            target = self.general_error
        else:
            _mark(self.widgets[field], True)  # type: ignore[index]
        target.setText(message)
        target.setVisible(True)

    def clear_error(self, field: str) -> None:
        if field in self.errors:
            self.errors[field].clear()
            self.errors[field].setVisible(False)
            _mark(self.widgets[field], False)
        self.general_error.clear()
        self.general_error.setVisible(False)

    def clear_errors(self) -> None:
        for name in self.errors:
            self.clear_error(name)
        self.general_error.clear()
        self.general_error.setVisible(False)

    def error_text(self, field: str | None = None) -> str:
        """The message shown for ``field`` (or the general one), '' when none."""
        target = self.errors.get(field or "", self.general_error)
        return target.text()

    def shown_errors(self) -> dict[str, str]:
        out = {name: lab.text() for name, lab in self.errors.items() if lab.text()}
        if self.general_error.text():
            out[""] = self.general_error.text()
        return out


def _mark(widget: QWidget, invalid: bool) -> None:
    """Highlight a field (or the part of a compound editor named ``error_target``)."""
    target = getattr(widget, "error_target", widget)
    name = target.objectName()
    if not invalid:
        target.setStyleSheet("")
    elif name:  # a selector keeps the highlight off the widget's children
        target.setStyleSheet(f"#{name} {{ {_INVALID_STYLE} }}")
    else:
        target.setStyleSheet(_INVALID_STYLE)


def error_label(parent: QWidget | None = None) -> QLabel:
    lab = QLabel(parent)
    lab.setWordWrap(True)
    lab.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: 600;")
    lab.setVisible(False)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab
