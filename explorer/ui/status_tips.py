"""A status-bar hint for every menu command: what it does, in a line, shown while the
pointer rests on the menu item."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QMenuBar

TIPS = {
    "&New Empty Project": "Start a project with no actors or alliances",
    "&Open…": "Open a project file (.sbx)",
    "Save &As…": "Save the project under a new name and keep working on that file",
    "Save a &Copy…": "Write a copy of the project; keep working on this file",
    "&Import Graph…": "Make a new project from a GEXF, GraphML, CSV, JSON, COW or ATOP file",
    "Export &Graph…": "Write the project as a graph file other tools read (GEXF, GraphML …)",
    "Export &Image…": "Write the canvas as a PNG, SVG or PDF picture with legend and caption",
    "&Close Project": "Close the project (every edit is already saved)",
    "&Quit": "Close the program (every edit is already saved)",
    "&Undo": "Undo the last edit",
    "&Redo": "Redo the edit just undone",
    "&Find…": "Find an actor or alliance by name, alias or id and show it",
    "&History": "Show the list of edits; click one to go back to it",
    "&Fit to View": "Zoom so the whole graph fits the canvas",
    "&Run Layout": "Start or pause the force layout",
    "Capability Index &Weights…": "Choose how much each figure counts in the capability index",
    "&Reset Layout": "Put every panel back where it was when the program was installed",
    "&Glossary": "What every measure means and which way is better",
    "&About": "Version and licences",
}


def add_status_tips(bar: QMenuBar) -> int:
    """Give every menu action without a status tip one; returns how many were set."""
    count = 0

    def walk(menu: QMenu, where: str) -> None:
        nonlocal count
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu(), action.text().replace("&", ""))
                continue
            if action.statusTip():
                continue
            text = action.text()
            tip = TIPS.get(text)
            if tip is None and where == "Colour Nodes By":
                tip = f"Colour the nodes by {text.replace('&', '').lower()}"
            elif tip is None and where == "Size Actors By":
                word = text.replace("&", "")
                word = word if word[1:2].isupper() else word[:1].lower() + word[1:]
                tip = f"Size the actors by {word}"
            elif tip is None and where == "Panels":
                tip = f"Show or hide the {text} panel"
            if tip:
                action.setStatusTip(tip)
                count += 1

    for action in bar.actions():
        if action.menu() is not None:
            walk(action.menu(), action.text().replace("&", ""))
    return count
