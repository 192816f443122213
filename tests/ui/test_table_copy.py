"""Tables copy as tab-separated text with a header row (Ctrl+C or the context menu)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem

from explorer.ui.data.table_copy import install_copy, table_text
from explorer.ui.data.tables import DataTables


def small_table(qtbot) -> QTableWidget:
    table = QTableWidget(3, 2)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["Figure", "Change"])
    for r, (a, b) in enumerate([("Components", "+1"), ("Efficiency", "-0.014"),
                                ("Notes", "two\tlines\nhere")]):
        table.setItem(r, 0, QTableWidgetItem(a))
        table.setItem(r, 1, QTableWidgetItem(b))
    install_copy(table)
    table.show()
    return table


def action(table, text):
    return next(a for a in table.actions() if a.text() == text)


def test_ctrl_c_copies_the_selected_rows_with_the_header(qtbot):
    table = small_table(qtbot)
    table.selectRow(1)
    ctrl = Qt.KeyboardModifier.ControlModifier
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
        QApplication.sendEvent(table, QKeyEvent(kind, Qt.Key.Key_C, ctrl, "c"))
    # let go of Ctrl: Qt remembers the modifiers of the last key event, and a held Ctrl
    # would turn later tests' selectRow() into "add to the selection"
    QTest.keyRelease(table, Qt.Key.Key_Control)
    assert QGuiApplication.clipboard().text() == "Figure\tChange\nEfficiency\t-0.014\n"


def test_copy_whole_table_and_cells_with_breaks_stay_one_cell(qtbot):
    table = small_table(qtbot)
    table.selectRow(0)
    action(table, "Copy Whole Table").trigger()
    assert QGuiApplication.clipboard().text() == (
        "Figure\tChange\nComponents\t+1\nEfficiency\t-0.014\nNotes\ttwo lines here\n"
    )


def test_nothing_selected_copies_everything(qtbot):
    table = small_table(qtbot)
    table.clearSelection()
    action(table, "Copy").trigger()
    assert QGuiApplication.clipboard().text() == table_text(table.model())
    assert QGuiApplication.clipboard().text().count("\n") == 4


def test_the_data_table_copies_what_it_shows(qtbot, session):
    tables = DataTables(session)
    qtbot.addWidget(tables)
    tables.show_tab("actors")
    view = tables.views["actors"]
    view.selectRow(0)
    action(view, "Copy").trigger()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:4] == ["ID", "Name", "Aliases", "Kind"]
    assert len(lines) == 2
    assert lines[1].split("\t")[0] in session.project.document().actors
