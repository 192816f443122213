"""The base of the inspector's forms: one record of one table, each field committing on
its own as one command, a refused edit shown under the field it names."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from explorer.commands import (
    Command,
)
from explorer.model.entities import Document
from explorer.ui.editing.common import (
    FieldForm,
    NotesEdit,
    locate_error,
    push_with_reason,
    set_combo_value,
    set_line_text,
    text_or_none,
)
from explorer.ui.session import ProjectSession

DATE_HINT = "YYYY-MM-DD (empty if unknown)"


class EntityForm(QWidget):
    """Edits one record of one table. Subclasses declare fields in ``build``."""

    table = ""
    #: the form's record was deleted from here (the inspector then shows nothing).
    recordDeleted = Signal()

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.key: Any = None
        self.record: Any = None
        self.form = FieldForm(self)
        self._loaders: list[Callable[[Any, Document], None]] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.form)
        self.build()

    # ----- subclass hooks -------------------------------------------------------------

    def build(self) -> None:
        raise NotImplementedError

    def lookup(self, doc: Document, key: Any):
        raise NotImplementedError

    def command(self, record, text: str | None = None) -> Command:
        raise NotImplementedError

    def edit_text(self, record, field: str) -> str | None:
        """The undo text of an edit of ``field``, e.g. "Edit Türkiye: name"."""
        name = getattr(record, "name", None)
        what = self.form.layout_.labelForField(self.form.widgets[field].parentWidget())
        shown = what.text().lower() if what is not None else field
        return f"Edit {name}: {shown}" if name else None

    def validate(self, record, doc: Document) -> None:
        raise NotImplementedError

    def title(self, doc: Document) -> str:
        return str(self.key)

    def field_for(self, error_field: str | None) -> str | None:
        """The form field where an error about ``error_field`` is shown."""
        return error_field if error_field in self.form.widgets else None

    # ----- declaring fields -----------------------------------------------------------

    def add_line(self, name: str, text: str, attr: str | None = None, *, date: bool = False,
                 readonly: bool = False, placeholder: str = "", tip: str = "") -> QLineEdit:
        attr = attr or name
        edit = QLineEdit(self)
        edit.setObjectName(f"field_{name}")
        if date:
            edit.setPlaceholderText(DATE_HINT)
        elif placeholder:
            edit.setPlaceholderText(placeholder)
        if tip:
            edit.setToolTip(tip)
        if readonly:
            edit.setReadOnly(True)
            edit.setFrame(False)
        else:
            convert = text_or_none if date else (lambda t: t)
            edit.editingFinished.connect(
                lambda: self.commit(name, **{attr: convert(edit.text())})
            )
        self.form.add(name, text, edit)
        self._loaders.append(lambda r, doc: set_line_text(edit, self._shown(r, attr)))
        return edit

    def add_choice(self, name: str, text: str, choices, attr: str | None = None) -> QComboBox:
        attr = attr or name
        combo = QComboBox(self)
        combo.setObjectName(f"field_{name}")
        for value, shown in choices:
            combo.addItem(shown, value)
        combo.activated.connect(lambda *_: self.commit(name, **{attr: combo.currentData()}))
        self.form.add(name, text, combo)
        self._loaders.append(lambda r, doc: set_combo_value(combo, getattr(r, attr)))
        return combo

    def add_check(self, name: str, text: str, attr: str | None = None) -> QCheckBox:
        attr = attr or name
        box = QCheckBox(self)
        box.setObjectName(f"field_{name}")
        box.clicked.connect(lambda checked: self.commit(name, **{attr: bool(checked)}))
        self.form.add(name, text, box)

        def load(r, doc) -> None:
            box.blockSignals(True)
            box.setChecked(bool(getattr(r, attr)))
            box.blockSignals(False)

        self._loaders.append(load)
        return box

    def add_notes(self, name: str, text: str, attr: str | None = None) -> NotesEdit:
        attr = attr or name
        notes = NotesEdit(self)
        notes.setObjectName(f"field_{name}")
        notes.editingFinished.connect(
            lambda: self.commit(name, **{attr: notes.toPlainText()})
        )
        self.form.add(name, text, notes)
        self._loaders.append(lambda r, doc: notes.set_text(getattr(r, attr) or ""))
        return notes

    def add_loader(self, loader: Callable[[Any, Document], None]) -> None:
        self._loaders.append(loader)

    @staticmethod
    def _shown(record, attr: str) -> str:
        value = getattr(record, attr)
        return "" if value is None else str(value)

    # ----- showing --------------------------------------------------------------------

    def show_key(self, key: Any) -> bool:
        """Show the record ``key``; False when it does not exist."""
        self.key, self.record = key, None
        return self.refresh()

    def refresh(self) -> bool:
        """Reload from the document if the record changed; False when it is gone."""
        doc = self.session.project.document()
        record = self.lookup(doc, self.key) if self.key is not None else None
        if record is None:
            self.record = None
            return False
        if record != self.record or self._context_changed(doc):
            self.record = record
            self.form.clear_errors()
            for loader in self._loaders:
                loader(record, doc)
        return True

    def _context_changed(self, doc: Document) -> bool:
        """Whether something outside the record that the form shows has changed."""
        return False

    # ----- committing -----------------------------------------------------------------

    def commit(self, field: str, **changes) -> bool:
        """Store ``changes`` to the record as one command; show the reason if refused."""
        doc = self.session.project.document()
        current = self.lookup(doc, self.key) if self.key is not None else None
        if current is None:
            return False
        new = dataclasses.replace(current, **changes)
        if new == current:
            self.form.clear_error(field)
            return True
        reason = push_with_reason(self.session, self.command(new, self.edit_text(current, field)))
        if reason is None:
            self.form.clear_error(field)
            # The widgets already show the stored values: the refresh that follows the
            # change must not reload them (and drop another field's pending input).
            self.record = self.lookup(self.session.project.document(), self.key)
            return True
        error = locate_error(self.validate, new, doc)
        self.show_error(self.field_for(error.field) if error else field, reason,
                        error.field if error else None)
        return False

    def commit_from(self, field: str, attr: str, produce: Callable[[], Any]) -> bool:
        """Like ``commit``, with a value parsed from a widget (ValueError = unreadable)."""
        try:
            value = produce()
        except ValueError as exc:
            self.show_error(field, str(exc), None)
            return False
        return self.commit(field, **{attr: value})

    def show_error(self, field: str | None, message: str, model_field: str | None) -> None:
        self.form.show_error(field, message)

    def errors(self) -> dict[str, str]:
        """Messages shown now, by field ('' for the form's general message)."""
        return self.form.shown_errors()
