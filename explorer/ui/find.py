"""Find an actor or alliance by name or id, select it and centre the canvas on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QInputDialog, QLineEdit, QMainWindow

from explorer.analysis.search import SearchIndex
from explorer.model.entities import Document
from explorer.model.node_key import actor_key, alliance_key


def search_keys(doc: Document) -> dict[str, str]:
    """Display text ("Türkiye (TUR)") -> node key ("actor:TUR") for every actor and alliance."""
    keys = {f"{a.name} ({a.id})": actor_key(a.id) for a in doc.actors.values()}
    keys.update({f"{a.name} ({a.id})": alliance_key(a.id) for a in doc.alliances.values()})
    return keys


def search_keys_by_key(doc: Document) -> dict[str, str]:
    """Node key -> display text."""
    return {key: display for display, key in search_keys(doc).items()}


def matches(doc: Document, text: str) -> list[str]:
    """Node keys for ``text``: an exact name or id alone, else every name matching all
    its words by prefix (accents ignored), else any mention in kinds, regions or notes."""
    return [hit.key for hit in SearchIndex(doc).best(text)]


def match(doc: Document, text: str) -> str | None:
    """The one node key ``text`` names, or None when it names none or several."""
    found = matches(doc, text)
    return found[0] if len(found) == 1 else None


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
    text = dialog.textValue()
    found = matches(doc, text)
    if not found:
        window.statusBar().showMessage(f"Nothing found for '{text}'.", 5000)
        return
    if len(found) > 1:
        found = pick_match(window, doc, text, found)
        if not found:
            return
    session.select(found)
    session.focusRequested.emit(found[0])


def pick_match(window: QMainWindow, doc: Document, text: str, found: list[str]) -> list[str]:
    """Several names match: list them all to pick one (or all of them)."""
    displays = search_keys_by_key(doc)
    every = f"All {len(found)} of them"
    items = [displays[k] for k in found] + [every]
    choice, ok = QInputDialog.getItem(window, "Find", f"{len(found)} match '{text}':", items,
                                      0, False)
    if not ok:
        return []
    return found if choice == every else [found[items.index(choice)]]
