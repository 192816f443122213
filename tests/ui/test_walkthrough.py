"""End to end, as a user would: build a small alliance network in an empty project with
typed input and clicks in the real dialogs, undo and redo every step, save, close, and
reopen it unchanged.

Set SBX_SHOTS=/some/folder to keep a screenshot of the window after each step.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit

from explorer.ui.main_window import MainWindow


def _shot(window: MainWindow, name: str) -> None:
    folder = os.environ.get("SBX_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / f"{name}.png"))


def _content(project) -> str:
    """The dump without the layout's own saved positions and view settings: the canvas
    writes those as the layout settles, which is not an edit and has no undo step."""
    data = json.loads(project.dump())
    data.pop("positions")
    data.pop("settings")
    return json.dumps(data, sort_keys=True)


def _type(widget: QLineEdit, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    QTest.keyClicks(widget, text)


def _pick(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data} not offered"
    combo.setCurrentIndex(index)


def _in_dialog(qtbot, trigger, fill) -> None:
    """Trigger an action that opens a modal dialog, fill it as a user would, press OK."""
    seen = []
    errors = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        seen.append(dialog)
        try:
            fill(dialog)
            ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
            QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
        except Exception as exc:  # re-raised below, once the modal loop has ended
            errors.append(exc)
        if dialog.isVisible():  # refused (or failed): close it so the test can go on
            dialog.reject()

    QTimer.singleShot(0, act)
    trigger()
    assert seen, "no dialog opened"
    if errors:
        raise errors[0]


def test_build_undo_save_reopen(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    # an untitled project is discarded on close without asking (no modal box in a test)
    settings.setValue("testing/auto_discard", True)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.new_project(from_default=False)
    session = window.session
    assert session is not None and not session.project.document().actors
    actions = window._edit_actions.actions  # noqa: SLF001 - the window's own menu actions

    def new_actor(code: str, name: str, region: str):
        def fill(d):
            _type(d.id_edit, code)
            _type(d.name_edit, name)
            d.regions.set_region_checked(region, True)
            _type(d.source_edit, "walkthrough")
        return fill

    steps = []
    for code, name, region in (("SWE", "Sweden", "europe_northern"),
                               ("FIN", "Finland", "europe_northern"),
                               ("RUS", "Russia", "europe_eastern")):
        _in_dialog(qtbot, actions["new_actor"].trigger, new_actor(code, name, region))
        steps.append(_content(session.project))

    def alliance(d):
        _type(d.name_edit, "North Atlantic Treaty Organization")
        _type(d.id_edit, "nato")
        _pick(d.kind_combo, "collective_defence")
        _pick(d.obligation_combo, "defence")
        _type(d.founded_edit, "1949-08-24")
    _in_dialog(qtbot, actions["new_alliance"].trigger, alliance)
    steps.append(_content(session.project))

    for code, day in (("SWE", "2024-03-07"), ("FIN", "2023-04-04")):
        def membership(d, code=code, day=day):
            _pick(d.actor_combo, code)
            _pick(d.alliance_combo, "nato")
            _type(d.joined_edit, day)
            _type(d.source_edit, "nato_members")
        _in_dialog(qtbot, actions["add_membership"].trigger, membership)
        steps.append(_content(session.project))
    assert window.act_undo.text() == "&Undo Add Finland to North Atlantic Treaty Organization on 2023-04-04"

    def rivalry(d):
        _pick(d.a_combo, "FIN")
        _pick(d.b_combo, "RUS")
        d.sign_combo.setCurrentIndex(d.sign_combo.findData(-1))
        _type(d.kind_edit, "rivalry")
        _type(d.start_edit, "2022-02-24")
    _in_dialog(qtbot, actions["new_tie"].trigger, rivalry)
    steps.append(_content(session.project))

    doc = session.project.document()
    assert set(doc.actors) == {"SWE", "FIN", "RUS"}
    assert {(m.actor, m.joined) for m in doc.memberships.values()} == {
        ("SWE", "2024-03-07"), ("FIN", "2023-04-04")}
    assert [t.sign for t in doc.ties.values()] == [-1]
    qtbot.waitUntil(lambda: len(window.canvas.node_keys()) == 4, timeout=3000)
    qtbot.waitUntil(lambda: window.canvas.layout_state() == "settled", timeout=10000)
    _shot(window, "walkthrough-built")

    # an invalid entry (left before joined) is refused and stores nothing
    before = _content(session.project)

    def bad(d):
        _pick(d.actor_combo, "RUS")
        _pick(d.alliance_combo, "nato")
        _type(d.joined_edit, "2020-01-01")
        _type(d.left_edit, "2019-01-01")
    _in_dialog(qtbot, actions["add_membership"].trigger, bad)
    assert _content(session.project) == before

    # undo every step with Ctrl+Z, then redo them all with the redo shortcut
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    canvas_view = window.canvas.view
    QTest.mouseClick(canvas_view.viewport(), Qt.MouseButton.LeftButton)
    undo, redo = QKeySequence("Ctrl+Z"), QKeySequence("Ctrl+Shift+Z")
    for expected in reversed(steps[:-1]):
        QTest.keySequence(canvas_view, undo)
        assert _content(session.project) == expected
    QTest.keySequence(canvas_view, undo)
    assert not session.project.document().actors
    assert not window.act_undo.isEnabled()
    assert window.act_redo.text() == "&Redo Add Sweden"
    for expected in steps:
        QTest.keySequence(canvas_view, redo)
        assert _content(session.project) == expected
    # a plain key last, so no Ctrl/Shift state lingers into later tests' item views
    QTest.keyClick(canvas_view, Qt.Key.Key_Escape)

    saved = tmp_path / "baltic.sbx"
    assert window.save_as(saved)
    final = _content(session.project)
    window.close()

    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.open_path(saved)
    assert _content(again.session.project) == final
    assert again.windowTitle().endswith("baltic.sbx")
    again.resize(1400, 900)
    again.show()
    qtbot.waitUntil(lambda: again.canvas.layout_state() == "settled", timeout=10000)
    _shot(again, "walkthrough-reopened")
    again.close()
