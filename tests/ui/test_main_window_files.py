"""The window's file handling: start-up, the default project as an untitled copy, Save As,
recent files, bad files, and crash recovery of untitled work."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QDockWidget

from explorer import recovery_files
from explorer.commands import SetTitle
from explorer.paths import data_dir
from explorer.ui.main_window import MainWindow


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.glob("*")):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


@pytest.fixture
def window(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("testing/auto_discard", True)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    yield w
    w.close()


def test_first_start_opens_an_untitled_copy_of_the_default(window):
    shipped = _digest(data_dir())
    window.open_startup()
    project = window.session.project
    assert recovery_files.is_untitled(project.path)
    assert len(project.document().actors) > 80
    assert window.windowTitle().endswith("— unsaved")
    assert window.session.push(SetTitle("My world"))
    assert _digest(data_dir()) == shipped  # the shipped dataset is never written


def test_save_as_keeps_the_work_and_start_up_reopens_it(window, qtbot, tmp_path):
    window.open_startup()
    untitled = window.session.project.path
    assert window.session.push(SetTitle("Kept"))
    target = tmp_path / "kept.sbx"
    assert window.save_as(target)
    assert not untitled.exists()  # the recovery copy goes once the work has a name
    assert window.windowTitle() == "Kept — kept.sbx"
    assert window.recent_files()[0] == str(target.resolve())
    window.close()

    again = MainWindow(window.settings)
    qtbot.addWidget(again)
    again.open_startup()
    assert again.session.project.path == target.resolve()
    assert again.session.project.title == "Kept"
    again.close()


def test_a_bad_file_leaves_the_current_project_open(window, tmp_path):
    window.open_startup()
    current = window.session.project.path
    bad = tmp_path / "notes.sbx"
    bad.write_text("not a project")
    assert not window.open_path(bad, quiet=True)
    assert window.session.project.path == current
    assert bad.read_text() == "not a project"


def test_untitled_work_of_a_crashed_process_is_offered_back(tmp_path):
    code = (
        "from explorer import recovery_files\n"
        "from explorer.dataset import empty_document\n"
        "from explorer.store import Project\n"
        "p = recovery_files.new_untitled_path()\n"
        "Project.create(p, empty_document('Lost work')).close()\n"
        "recovery_files.claim(p)\n"
        "print(p)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=dict(os.environ))
    left_behind = Path(done.stdout.strip())
    # the process that claimed it has exited: its lock names a dead PID
    assert left_behind in recovery_files.orphaned_untitled()
    recovery_files.release(left_behind, delete=True)
    assert not left_behind.exists()


def test_opening_a_project_can_be_cancelled_while_it_is_read(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    from explorer.dataset import load_dataset
    from explorer.store import Project

    first, second = tmp_path / "first.sbx", tmp_path / "second.sbx"
    doc = load_dataset()
    Project.create(first, doc).close()
    Project.create(second, doc).close()
    assert window.open_path(first)
    before = window.session
    seen: list[int] = []
    real_set = QProgressDialog.setValue

    def set_value(dialog, value):
        seen.append(value)
        real_set(dialog, value)

    monkeypatch.setattr(QProgressDialog, "setValue", set_value)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda _d: len(seen) > 1)
    assert not window.open_path(second)
    assert window.session is before
    assert Path(window.session.project.path).resolve() == first.resolve()
    assert "cancelled" in window.statusBar().currentMessage()
    # nothing of the cancelled opening is held: the file opens for writing at once
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda _d: False)
    seen.clear()
    assert window.open_path(second)
    assert Path(window.session.project.path).resolve() == second.resolve()
    assert seen[-1] == 100 and seen == sorted(seen)


# modelled (filtered, then coloured) / laid out / among the panels / filling the data
# tables / after them
@pytest.mark.parametrize("at", [2, 5, 7, 9, 12, 18])
def test_opening_cancelled_while_it_is_drawn_writes_nothing_and_reopens_the_last(
        window, tmp_path, monkeypatch, at):
    from explorer.dataset import load_dataset
    from explorer.store import Project
    from explorer.store.lock import lock_path
    from explorer.ui import open_progress

    first, second = tmp_path / "first.sbx", tmp_path / "second.sbx"
    doc = load_dataset()
    Project.create(first, doc).close()
    Project.create(second, doc).close()
    assert window.open_path(first)
    untouched = second.read_bytes()
    checks: list[str] = []
    real_check = open_progress.OpeningProgress.check

    def cancel_at_the_nth_check(progress):
        if window.session is not None and window.session.project.path.name == "second.sbx":
            checks.append("check")
            if len(checks) == at:
                progress.dialog.cancel()  # the user presses Cancel as the views are built
        real_check(progress)

    monkeypatch.setattr(open_progress.OpeningProgress, "check", cancel_at_the_nth_check)
    assert not window.open_path(second)
    assert len(checks) == at, "drawing stopped to hear Cancel, and went no further"
    # the project open before is open again, and the cancelled one was not written to
    assert Path(window.session.project.path).resolve() == first.resolve()
    assert window.canvas is not None and window.canvas.model().n_nodes > 0
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(window.findChildren(type(window.canvas))) == 1, "no half-drawn canvas left"
    panels = [d.objectName() for d in window.findChildren(QDockWidget) if d.parent() is window]
    # every panel there is the shown project's (History comes with the edit actions)
    assert sorted(panels) == sorted([f"dock_{n}" for n in window._docks]  # noqa: SLF001
                                    + ["dock_history"])
    assert "cancelled" in window.statusBar().currentMessage()
    from explorer.ui.data.tables import DataTables
    assert len(window.findChildren(DataTables)) == 1, "no half-filled data table left"
    assert second.read_bytes() == untouched
    assert not list(tmp_path.glob("second.sbx-*")), "no journal left beside it"
    assert not lock_path(second).exists(), "nor its lock"
    with Project.open(second) as reopened:  # nothing holds it: it opens for writing
        assert reopened.counts()["actors"] == len(doc.actors)
