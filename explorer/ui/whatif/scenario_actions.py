"""The What-if dock's scenario edits: new, rename, duplicate, delete, and adding or
removing changes, each one undoable command."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QDialog, QInputDialog

from explorer.commands import DeleteScenario, Macro, PutScenario
from explorer.model.entities import Change, Scenario
from explorer.ui.whatif.dialogs import ChangeDialog
from explorer.ui.whatif.scenarios import (
    add_change_to_scenario,
    describe_change,
    unique_scenario_name,
)


class ScenarioActions:
    """Mixin of :class:`WhatIfPanel`: editing its scenarios."""

    def _ask_name(self, title: str, label: str, text: str) -> str | None:
        name, ok = QInputDialog.getText(self, title, label, text=text)
        return name.strip() if ok and name.strip() else None

    def _free(self, name: str) -> bool:
        if name in self.doc.scenarios:
            self.session.editRejected.emit(f"A scenario named '{name}' already exists.")
            return False
        return True

    def new_scenario(self, name: str | None = None) -> str | None:
        """Create an empty scenario (asking for its name when none is given); select it."""
        if name is None:
            name = self._ask_name(
                "New scenario", "Name:", unique_scenario_name(self.doc, "New scenario")
            )
        if not name or not self._free(name):
            return None
        if not self.session.push(PutScenario(Scenario(name), text=f"New scenario {name}")):
            return None
        self.session.set_scenario(name)
        return name

    def rename_scenario(self, new_name: str | None = None) -> str | None:
        scenario = self.current_scenario()
        if scenario is None:
            return None
        if new_name is None:
            new_name = self._ask_name("Rename scenario", "New name:", scenario.name)
        if not new_name or new_name == scenario.name or not self._free(new_name):
            return None
        command = Macro(
            f"Rename scenario {scenario.name} to {new_name}",
            [DeleteScenario(scenario.name), PutScenario(dataclasses.replace(scenario, name=new_name))],
        )
        if not self.session.push(command):
            return None
        self.session.set_scenario(new_name)
        return new_name

    def duplicate_scenario(self, new_name: str | None = None) -> str | None:
        scenario = self.current_scenario()
        if scenario is None:
            return None
        new_name = new_name or unique_scenario_name(self.doc, f"{scenario.name} (copy)")
        if not self._free(new_name):
            return None
        copy = dataclasses.replace(scenario, name=new_name)
        if not self.session.push(PutScenario(copy, text=f"Duplicate scenario {scenario.name}")):
            return None
        self.session.set_scenario(new_name)
        return new_name

    def delete_scenario(self) -> bool:
        scenario = self.current_scenario()
        if scenario is None:
            return False
        if not self.session.push(DeleteScenario(scenario.name)):
            return False
        self.session.set_scenario(None)
        return True

    # ----- changes ------------------------------------------------------------------------

    def ask_change(self, kind: str) -> Change | None:
        dialog = ChangeDialog(self.doc, kind, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        change = dialog.change()
        if change is not None:
            self.add_change(change)
        return change

    def add_change(self, change: Change) -> str | None:
        """Add ``change`` to the active scenario (or a new one named after it)."""
        return add_change_to_scenario(self.session, change)

    def remove_changes(self, rows: list[int]) -> bool:
        scenario = self.current_scenario()
        if scenario is None or not rows:
            return False
        drop = set(rows)
        kept = tuple(c for i, c in enumerate(scenario.changes) if i not in drop)
        text = (
            f"Remove '{describe_change(self.doc, scenario.changes[rows[0]])}' from {scenario.name}"
            if len(drop) == 1
            else f"Remove {len(drop)} changes from {scenario.name}"
        )
        return self.session.push(PutScenario(dataclasses.replace(scenario, changes=kept), text=text))

    def remove_selected_changes(self) -> bool:
        rows = sorted(self.change_list.row(i) for i in self.change_list.selectedItems())
        return self.remove_changes(rows)

    # ----- session events -----------------------------------------------------------------
