"""Find an actor or alliance by name or id, select it and centre the canvas on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QInputDialog, QLineEdit, QMainWindow

from explorer.model.entities import Document
from explorer.model.node_key import NodeKey, actor_key, alliance_key


def search_keys(doc: Document) -> dict[str, str]:
    """Display text ("Türkiye (TUR)") -> node key ("actor:TUR") for every actor and alliance."""
    keys = {f"{a.name} ({a.id})": actor_key(a.id) for a in doc.actors.values()}
    keys.update({f"{a.name} ({a.id})": alliance_key(a.id) for a in doc.alliances.values()})
    return keys


def match(doc: Document, text: str) -> str | None:
    """The node key best matching ``text``: exact id, exact name, then a unique substring."""
    wanted = text.strip().lower()
    if not wanted:
        return None
    keys = search_keys(doc)
    for display, key in keys.items():
        if display.lower() == wanted or NodeKey.parse(key).id.lower() == wanted:
            return key
    for display, key in keys.items():
        if display.lower().startswith(wanted + " ("):
            return key
    hits = [key for display, key in keys.items() if wanted in display.lower()]
    return hits[0] if len(hits) == 1 else None


def find_node(window: QMainWindow) -> None:
    session = window.session
    if session is None:
        return
    doc = session.project.document()
    dialog = QInputDialog(window)
    dialog.setWindowTitle("Find")
    dialog.setLabelText("Actor or alliance (name or id):")
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    editor = dialog.findChild(QLineEdit)
    if editor is not None:
        completer = QCompleter(sorted(search_keys(doc)), dialog)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        editor.setCompleter(completer)
    if not dialog.exec():
        return
    key = match(doc, dialog.textValue())
    if key is None:
        window.statusBar().showMessage(f"Nothing found for '{dialog.textValue()}'.", 5000)
        return
    session.select([key])
    session.focusRequested.emit(key)
