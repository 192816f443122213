"""Desktop manners: every control explains itself, every panel is a key press away."""

from __future__ import annotations

from conftest import open_window, small_document  # same folder (pytest prepend import mode)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QSlider,
    QToolButton,
)

from explorer.store import Project


def _window(qtbot, tmp_path, window_settings):
    path = tmp_path / "p.sbx"
    Project.create(path, small_document()).close()
    window = open_window(qtbot, path, window_settings)
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_every_visible_control_has_a_tooltip(qtbot, tmp_path, window_settings):
    window = _window(qtbot, tmp_path, window_settings)
    silent = []
    for cls in (QAbstractButton, QComboBox, QLineEdit, QSlider, QAbstractSpinBox):
        for widget in window.findChildren(cls):
            if not widget.isVisibleTo(window) or widget.toolTip():
                continue
            if isinstance(widget, QLineEdit) and isinstance(
                    widget.parent(), QComboBox | QAbstractSpinBox):
                continue  # the editor inside a combo or spin box: its owner explains
            if isinstance(widget, QToolButton) and widget.defaultAction() is not None \
                    and widget.defaultAction().toolTip():
                continue
            silent.append(f"{type(widget).__name__} '{getattr(widget, 'text', str)()}'")
    assert silent == []
    window.close_project()


def test_each_panel_is_one_key_away(qtbot, tmp_path, window_settings):
    window = _window(qtbot, tmp_path, window_settings)
    actions = {a.text(): a for a in window.go_menu.actions()}
    assert actions["&Graph canvas"].shortcut().toString() == "Alt+0"
    dock = window._docks["table"]
    dock.hide()
    go = next(a for a in actions.values() if a.text() == dock.windowTitle())
    assert go.shortcut().toString() == "Alt+4"
    go.trigger()
    assert dock.isVisible()
    focused = window.focusWidget()
    assert focused is not None and dock.isAncestorOf(focused)
    window.close_project()
    assert window.go_menu.actions() == []


def test_import_progress_can_be_cancelled_before_anything_is_written(qtbot, tmp_path,
                                                                      window_settings):
    import pytest

    from explorer.services import import_to_new_project
    from explorer.ui.export.file_transfer import ImportCancelled, progress_dialog

    window = _window(qtbot, tmp_path, window_settings)
    dialog, report = progress_dialog(window, "Importing…", ImportCancelled)
    assert dialog.findChild(QAbstractButton).text() == "Cancel"
    source = tmp_path / "g.graphml"
    source.write_text(
        '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<graph edgedefault="undirected"><node id="a"/><node id="b"/>'
        '<edge source="a" target="b"/></graph></graphml>', encoding="utf-8")
    dialog.cancel()
    target = tmp_path / "out.sbx"
    with pytest.raises(ImportCancelled):
        import_to_new_project(source, target, None, report)
    assert not target.exists()
    dialog.close()
    window.close_project()


def test_every_menu_command_has_a_status_bar_hint(qtbot, tmp_path, window_settings):
    window = _window(qtbot, tmp_path, window_settings)
    silent = []

    def walk(menu, where):
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu(), action.text())
            elif not action.statusTip():
                silent.append(f"{where} ▸ {action.text()}")

    for action in window.menuBar().actions():
        walk(action.menu(), action.text())
    assert silent == []
    sizes = [a.text() for a in window.size_menu.actions()]
    assert "GDP" in " ".join(sizes) and "Gdp" not in " ".join(sizes)
    window.close_project()


def test_import_cancelled_while_the_project_is_written_creates_nothing(qtbot, tmp_path,
                                                                       monkeypatch):
    import pytest

    from explorer.services import import_to_new_project
    from explorer.ui.export.file_transfer import ImportCancelled, progress_dialog

    monkeypatch.setattr("explorer.store.bulk_write.CHUNK", 20)
    dialog, report = progress_dialog(None, "Importing…", ImportCancelled)
    seen: list[float] = []

    def press_cancel_while_writing(done: int, total: int) -> None:
        seen.append(done / total)
        if done / total > 0.8:  # the last 30 % of the bar is the write
            dialog.cancel()
        report(done, total)

    nodes = "".join(f'<node id="n{i}"/>' for i in range(200))
    edges = "".join(f'<edge source="n{i}" target="n{i + 1}"/>' for i in range(199))
    source = tmp_path / "g.gexf"
    source.write_text('<gexf xmlns="http://gexf.net/1.3"><graph><nodes>' + nodes +
                      "</nodes><edges>" + edges + "</edges></graph></gexf>")
    with pytest.raises(ImportCancelled):
        import_to_new_project(source, tmp_path / "out.sbx", None, press_cancel_while_writing)
    assert max(seen) > 0.8
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.gexf"]
    dialog.close()
