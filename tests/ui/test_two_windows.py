"""Two windows on one project cannot lose an edit: the second opens it read-only (or a
copy) and says so; its edits are refused, the first window's are kept."""

from __future__ import annotations

import dataclasses

from conftest import open_window, small_document  # same folder (pytest prepend import mode)
from PySide6.QtCore import QSettings

from explorer.commands import PutActor
from explorer.store import Project


def test_second_window_opens_read_only_and_loses_nothing(qtbot, tmp_path, window_settings,
                                                        monkeypatch):
    import explorer.ui.project_lock_dialog as dialog

    path = tmp_path / "p.sbx"
    Project.create(path, small_document()).close()
    first = open_window(qtbot, path, window_settings)
    asked = []
    monkeypatch.setattr(dialog, "ask_locked",
                        lambda parent, error: asked.append(error.holder.words())
                        or dialog.READ_ONLY)
    other = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    second = open_window(qtbot, path, other)
    assert asked and "open in another window of this program since" in asked[0]
    assert second.session.project.read_only
    assert second.windowTitle().endswith("(read-only)")
    refused = []
    second.session.editRejected.connect(refused.append)
    tur = second.session.project.document().actors["TUR"]
    assert not second.session.push(PutActor(dataclasses.replace(tur, name="Turkey")))
    assert "read-only" in refused[0]
    tur = first.session.project.document().actors["TUR"]
    assert first.session.push(PutActor(dataclasses.replace(tur, notes="kept")))
    second.close_project()
    first.close_project()
    with Project.open(path) as project:
        assert project.document().actors["TUR"].notes == "kept"
        assert project.document().actors["TUR"].name == "Türkiye"


def test_second_window_can_open_a_copy(qtbot, tmp_path, window_settings, monkeypatch):
    import explorer.ui.project_lock_dialog as dialog

    path = tmp_path / "p.sbx"
    Project.create(path, small_document()).close()
    first = open_window(qtbot, path, window_settings)
    copy = tmp_path / "p copy.sbx"
    real = dialog.open_locked
    monkeypatch.setattr(dialog, "open_locked",
                        lambda parent, error: real(parent, error, dialog.COPY, copy))
    other = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    second = open_window(qtbot, path, other)
    assert second.session.project.path == copy and not second.session.project.read_only
    tur = second.session.project.document().actors["TUR"]
    assert second.session.push(PutActor(dataclasses.replace(tur, name="Turkey")))
    second.close_project()
    first.close_project()
