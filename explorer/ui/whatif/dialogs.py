"""Pickers for what-if changes: actors, alliances and blocs chosen from the document."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from explorer.model.entities import Change, Document
from explorer.model.vocab import UNALIGNED

#: (kind, menu text, dialog title)
CHANGE_ACTIONS = (
    ("remove_actor", "Remove actor…", "Remove an actor"),
    ("remove_membership", "Remove actor from alliance…", "An actor leaves an alliance"),
    ("dissolve_alliance", "Dissolve alliance…", "Dissolve an alliance"),
    ("move_to_bloc", "Move actor to bloc…", "Move an actor to another bloc"),
)


def searchable_combo(items: list[tuple[str, str]], parent: QWidget | None = None) -> QComboBox:
    """An editable combo of (label, id) whose completer matches anywhere in the label."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    fill_combo(combo, items)
    completer = combo.completer()
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return combo


def fill_combo(combo: QComboBox, items: list[tuple[str, str]], keep: str | None = None) -> None:
    """Replace the entries of ``combo``; re-select ``keep`` (an id) when still present."""
    keep = combo.currentData() if keep is None else keep
    combo.blockSignals(True)
    combo.clear()
    for text, ident in items:
        combo.addItem(text, ident)
    index = combo.findData(keep) if keep is not None else -1
    combo.setCurrentIndex(index if index >= 0 else (0 if items else -1))
    combo.blockSignals(False)


def combo_id(combo: QComboBox) -> str | None:
    """The id of the entry whose label is typed or chosen, or None."""
    index = combo.findText(combo.currentText(), Qt.MatchFlag.MatchFixedString)
    if index < 0:
        return None
    return combo.itemData(index)


def actor_items(doc: Document) -> list[tuple[str, str]]:
    return sorted(((f"{a.name} ({a.id})", a.id) for a in doc.actors.values()), key=_key)


def alliance_items(doc: Document, only: set[str] | None = None) -> list[tuple[str, str]]:
    return sorted(
        (
            (f"{al.name} ({al.id})", al.id)
            for al in doc.alliances.values()
            if only is None or al.id in only
        ),
        key=_key,
    )


def bloc_items(doc: Document) -> list[tuple[str, str]]:
    return sorted(((b.name, b.id) for b in doc.blocs.values()), key=_key)


def _key(item: tuple[str, str]) -> str:
    return item[0].casefold()


class ChangeDialog(QDialog):
    """Ask for the actor / alliance / bloc of one change of ``kind``."""

    def __init__(self, doc: Document, kind: str, parent: QWidget | None = None,
                 actor: str | None = None) -> None:
        super().__init__(parent)
        self.doc, self.kind = doc, kind
        self.setWindowTitle(next(t for k, _, t in CHANGE_ACTIONS if k == kind))
        form = QFormLayout(self)
        self.actor_combo = self.alliance_combo = self.bloc_combo = None
        if kind in ("remove_actor", "remove_membership", "move_to_bloc"):
            self.actor_combo = searchable_combo(actor_items(doc), self)
            if actor is not None:
                self.actor_combo.setCurrentIndex(self.actor_combo.findData(actor))
            form.addRow("Actor", self.actor_combo)
        if kind in ("remove_membership", "dissolve_alliance"):
            self.alliance_combo = searchable_combo([], self)
            form.addRow("Alliance", self.alliance_combo)
        if kind == "move_to_bloc":
            self.bloc_combo = searchable_combo(
                [*bloc_items(doc), ("Unaligned (in no bloc)", UNALIGNED)], self)
            form.addRow("To bloc", self.bloc_combo)
            if not doc.blocs:
                form.addRow(QLabel("The project has no blocs yet."))
        if self.actor_combo is not None and self.alliance_combo is not None:
            self.actor_combo.currentIndexChanged.connect(self._fill_alliances)
        self._fill_alliances()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        form.addRow(self.error)

    def _fill_alliances(self) -> None:
        if self.alliance_combo is None:
            return
        only = None
        if self.actor_combo is not None:
            actor = combo_id(self.actor_combo)
            only = {m.alliance for m in self.doc.memberships.values() if m.actor == actor}
        fill_combo(self.alliance_combo, alliance_items(self.doc, only))

    def change(self) -> Change | None:
        """The change as chosen, or None when a field does not name a known entry."""
        actor = combo_id(self.actor_combo) if self.actor_combo is not None else None
        alliance = combo_id(self.alliance_combo) if self.alliance_combo is not None else None
        bloc = combo_id(self.bloc_combo) if self.bloc_combo is not None else None
        for combo, value in (
            (self.actor_combo, actor), (self.alliance_combo, alliance), (self.bloc_combo, bloc)
        ):
            if combo is not None and value is None:
                return None
        return Change(self.kind, actor=actor, alliance=alliance, bloc=bloc)

    def _accept(self) -> None:
        if self.change() is None:
            self.error.setText("Choose an entry from the list.")
            return
        self.accept()
