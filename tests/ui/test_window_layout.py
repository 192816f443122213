"""Opening, creating and closing projects never squeezes the canvas; Reset Layout."""

from __future__ import annotations

from explorer.dataset import load_dataset
from explorer.store import Project
from tests.ui.conftest import open_window


def _project(tmp_path, name: str):
    path = tmp_path / name
    Project.create(path, load_dataset()).close()
    return path


def _shown(qtbot, window):
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)


def test_opening_another_project_keeps_the_canvas_width(qtbot, tmp_path, window_settings):
    first, second = _project(tmp_path, "a.sbx"), _project(tmp_path, "b.sbx")
    window = open_window(qtbot, first, window_settings)
    _shown(qtbot, window)
    before = window.canvas.width()
    assert before > 500
    for path in (second, first, second):
        assert window.open_path(path)
        qtbot.wait(50)
        assert abs(window.canvas.width() - before) <= 2, (before, window.canvas.width())
    window.canvas.shutdown()


def test_a_saved_layout_that_squeezes_the_canvas_is_discarded(qtbot, tmp_path,
                                                              window_settings):
    from PySide6.QtCore import Qt

    path = _project(tmp_path, "a.sbx")
    window = open_window(qtbot, path, window_settings)
    _shown(qtbot, window)
    docks = window._docks  # noqa: SLF001 - squeeze on purpose
    window.resizeDocks([docks["filters"], docks["whatif"]], [700, 700], Qt.Orientation.Horizontal)
    qtbot.wait(20)
    assert window.canvas_too_narrow(), window.canvas.width()
    window._save_window_state()  # noqa: SLF001 - what a crash or an old version leaves
    window.canvas.shutdown()
    window.close()

    again = open_window(qtbot, path, window_settings)
    _shown(qtbot, again)
    qtbot.waitUntil(lambda: again.canvas.width() > 0.4 * again.width(), timeout=2000)
    assert "reset" in again.statusBar().currentMessage()
    again.canvas.shutdown()


def test_reset_layout_gives_the_canvas_most_of_the_window(qtbot, tmp_path, window_settings):
    window = open_window(qtbot, _project(tmp_path, "a.sbx"), window_settings)
    _shown(qtbot, window)
    window._docks["filters"].setFloating(True)  # noqa: SLF001
    window._docks["table"].hide()  # noqa: SLF001
    window.act_reset_layout.trigger()
    qtbot.wait(50)
    assert not window._docks["filters"].isFloating()  # noqa: SLF001
    assert window._docks["table"].isVisible()  # noqa: SLF001
    assert window.canvas.width() > 0.4 * window.width()
    window.canvas.shutdown()
