"""Blocs can be seen, edited and deleted: the Blocs table, the inspector's bloc form and
the canvas menu, each edit one undoable command."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QMenu, QTabBar

from explorer.commands import PutScenario
from explorer.model.entities import Change, Document, Scenario
from explorer.store import Project
from explorer.ui.data.tables import DataTables
from explorer.ui.editing import actions as edit_actions
from explorer.ui.editing.actions import build_canvas_menu, install_edit_actions
from explorer.ui.editing.common import channel
from explorer.ui.inspector import bloc_form
from explorer.ui.main_window import MainWindow
from explorer.ui.session import ProjectSession
from tests.ui.conftest import small_document

# The session fixture (tests/ui/conftest.py) holds one bloc, "west" = Western-aligned,
# colour #1f77b4, members USA and France; Türkiye, Russia, Armenia and China are outside.


@pytest.fixture
def form(inspector, session):
    channel(session).recordChosen.emit("bloc", "west")
    assert inspector.shown() == ("bloc", "west")
    return inspector.form()


@pytest.fixture
def tables(qtbot, session):
    widget = DataTables(session)
    qtbot.addWidget(widget)
    widget.resize(1000, 300)
    widget.show_tab("blocs")
    return widget


def bloc(session):
    return session.project.document().blocs.get("west")


def blocs_cell(tables, title):
    columns = [c.title for c in tables.models["blocs"].columns]
    return tables.index_of("blocs", "west", columns.index(title))


def submenu(menu: QMenu, title: str) -> QMenu | None:
    return next((a.menu() for a in menu.actions() if a.text() == title), None)


def texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if a.text()]


# ----- the inspector's bloc form ------------------------------------------------------


def test_rename_in_the_inspector_is_one_command_and_undo_restores(qtbot, form, session):
    before = session.project.dump()
    assert form.form.widgets["name"].text() == "Western-aligned"
    edit = form.form.widgets["name"]
    edit.setText("The West")
    edit.editingFinished.emit()
    assert bloc(session).name == "The West"
    assert len(session.stack) == 1
    assert session.stack.undo_text == "Edit Western-aligned: name"
    session.undo()
    assert session.project.dump() == before
    qtbot.waitUntil(lambda: form.form.widgets["name"].text() == "Western-aligned")


def test_invalid_colour_is_shown_inline_and_not_stored(form, session):
    before = session.project.dump()
    assert form.color.swatch_color() == "#1f77b4"
    form.color.line.setText("blue")
    form.color.line.editingFinished.emit()
    assert "#rrggbb" in form.errors()["color"]
    assert form.color.swatch_color() is None
    assert session.project.dump() == before
    assert len(session.stack) == 0
    # a good colour is stored, clears the message and shows in the swatch
    form.color.line.setText("#AA3300")
    form.color.line.editingFinished.emit()
    assert bloc(session).color == "#AA3300"
    assert "color" not in form.errors()
    assert form.color.swatch_color() == "#aa3300"
    assert session.stack.undo_text == "Edit Western-aligned: colour"


def test_ticking_and_unticking_members_are_one_command_each(form, session):
    before = session.project.dump()
    checklist = form.members
    assert checklist.members() == ["FRA", "USA"]  # sorted by name: France, United States
    checklist.item("TUR").setCheckState(Qt.CheckState.Checked)
    assert bloc(session).members == ("USA", "FRA", "TUR")
    assert session.stack.undo_text == "Edit Western-aligned: members"
    checklist.item("USA").setCheckState(Qt.CheckState.Unchecked)
    assert bloc(session).members == ("FRA", "TUR")
    assert len(session.stack) == 2
    assert checklist.count_label.text() == "2 members"
    session.undo()
    session.undo()
    assert session.project.dump() == before


def test_member_filter_narrows_the_list(form, session):
    checklist = form.members
    assert checklist.shown_ids() == ["ARM", "CHN", "FRA", "RUS", "TUR", "USA"]
    checklist.filter_edit.setText("rus")
    assert checklist.shown_ids() == ["RUS"]
    checklist.filter_edit.setText("")
    assert len(checklist.shown_ids()) == 6
    checklist.members_only.setChecked(True)
    assert checklist.shown_ids() == ["FRA", "USA"]
    # an actor just unticked stays in view, to be ticked back, until the filter changes
    checklist.item("USA").setCheckState(Qt.CheckState.Unchecked)
    assert checklist.shown_ids() == ["FRA", "USA"]
    checklist.filter_edit.setText("r")
    assert checklist.shown_ids() == ["FRA"]


def test_description_is_edited_in_the_inspector(form, session):
    notes = form.form.widgets["description"]
    notes.setPlainText("Aligned with Washington")
    notes.document().setModified(True)
    notes.editingFinished.emit()
    assert bloc(session).description == "Aligned with Washington"
    assert session.stack.undo_text == "Edit Western-aligned: description"


def test_renamed_actor_shows_in_the_member_list(qtbot, form, session):
    from dataclasses import replace

    from explorer.commands import PutActor

    france = session.project.document().actors["FRA"]
    session.push(PutActor(replace(france, name="French Republic")))
    qtbot.waitUntil(lambda: form.members.item("FRA").text() == "French Republic (FRA)")
    assert form.members.item("FRA").checkState() == Qt.CheckState.Checked


def test_delete_button_deletes_at_once_and_undo_restores_exactly(monkeypatch, inspector,
                                                                  form, session):
    def never_asked(*_):
        raise AssertionError("nothing but the bloc goes: no question")

    monkeypatch.setattr(bloc_form, "confirm_deletion", never_asked)
    before = session.project.dump()
    form.delete_button.click()
    assert "west" not in session.project.document().blocs
    assert inspector.shown() == ("", None)
    assert session.stack.undo_text == "Delete bloc Western-aligned"
    session.undo()
    assert session.project.dump() == before


def test_delete_asks_first_when_what_if_changes_go_with_it(monkeypatch, form, session):
    move = Change("move_to_bloc", actor="RUS", bloc="west")
    session.push(PutScenario(Scenario("Russia turns west", (move,))))
    before = session.project.dump()
    warnings: list[str] = []
    answer = {"yes": False}

    def confirm(parent, warning):
        warnings.append(warning)
        return answer["yes"]

    monkeypatch.setattr(bloc_form, "confirm_deletion", confirm)
    assert not form.delete()
    assert "1 what-if change" in warnings[0] and "Russia turns west" in warnings[0]
    assert session.project.dump() == before
    answer["yes"] = True
    assert form.delete()
    doc = session.project.document()
    assert "west" not in doc.blocs
    assert doc.scenarios["Russia turns west"].changes == ()
    session.undo()
    assert session.project.dump() == before


# ----- the Blocs table ----------------------------------------------------------------


def test_blocs_tab_shows_and_edits_blocs(tables, session):
    assert blocs_cell(tables, "Name").data() == "Western-aligned"
    assert blocs_cell(tables, "Members").data() == "2"
    assert blocs_cell(tables, "Member names").data() == "United States, France"
    proxy = tables.proxies["blocs"]
    assert proxy.setData(blocs_cell(tables, "Member names"), "usa, france, Türkiye")
    assert bloc(session).members == ("USA", "FRA", "TUR")
    assert proxy.setData(blocs_cell(tables, "Description"), "Aligned with Washington")
    assert bloc(session).description == "Aligned with Washington"
    tables.refresh()
    assert blocs_cell(tables, "Members").data() == "3"
    assert len(session.stack) == 2


def test_unknown_member_name_in_the_table_is_refused_with_a_message(tables, session):
    before = session.project.dump()
    proxy = tables.proxies["blocs"]
    assert not proxy.setData(blocs_cell(tables, "Member names"), "USA, Narnia")
    assert "Narnia" in tables.status.text()
    assert "ids or names" in tables.status.text()
    assert not proxy.setData(blocs_cell(tables, "Colour"), "red")
    assert "#rrggbb" in tables.status.text()
    assert not proxy.setData(blocs_cell(tables, "Name"), "  ")
    assert "needs a name" in tables.status.text()
    assert session.project.dump() == before
    assert len(session.stack) == 0


def test_members_column_sorts_by_number(tables, session):
    from explorer.commands import PutActor, PutBloc
    from explorer.model.entities import Actor, Bloc

    extra = [f"X{c}{c}" for c in "ABCDEF"]
    for actor_id in extra:
        assert session.push(PutActor(Actor(actor_id, f"Extra {actor_id}")))
    everyone = tuple(session.project.document().actors)
    # twelve members would sort before two as text; the column sorts by number
    session.push(PutBloc(Bloc("all", "Everyone", "#000000", members=everyone)))
    session.push(PutBloc(Bloc("one", "Alone", "#000000", members=("ARM",))))
    tables.refresh()
    column = [c.title for c in tables.models["blocs"].columns].index("Members")
    tables.views["blocs"].sortByColumn(column, Qt.SortOrder.AscendingOrder)
    proxy = tables.proxies["blocs"]
    assert [proxy.index(r, column).data() for r in range(proxy.rowCount())] == ["1", "2", "12"]


def test_bloc_row_opens_it_in_the_inspector(tables, inspector):
    tables.views["blocs"].selectRow(blocs_cell(tables, "ID").row())
    assert inspector.shown() == ("bloc", "west")
    assert inspector.title.text() == "Bloc · Western-aligned"


# ----- reaching blocs from the canvas menu and the Edit menu ---------------------------


def test_canvas_menu_adds_to_and_removes_from_blocs(qtbot, session):
    window = QMainWindow()
    qtbot.addWidget(window)
    before = session.project.dump()
    turkey_menu = build_canvas_menu(window, session, "actor:TUR", QPointF())
    assert submenu(turkey_menu, "Remove from bloc") is None
    add = submenu(turkey_menu, "Add to bloc")
    assert texts(add) == ["Western-aligned"]
    add.actions()[0].trigger()
    assert bloc(session).members == ("USA", "FRA", "TUR")
    assert session.stack.undo_text == "Add Türkiye to bloc Western-aligned"
    usa_menu = build_canvas_menu(window, session, "actor:USA", QPointF())
    submenu(usa_menu, "Remove from bloc").actions()[0].trigger()
    assert bloc(session).members == ("FRA", "TUR")
    session.undo()
    session.undo()
    assert session.project.dump() == before


def test_canvas_menu_has_no_bloc_entries_without_blocs(qtbot, tmp_path):
    from explorer.model.entities import Actor

    doc = Document(actors={"SWE": Actor("SWE", "Sweden")})
    other = ProjectSession(Project.create(tmp_path / "q.sbx", doc))
    try:
        window = QMainWindow()
        qtbot.addWidget(window)
        menu = build_canvas_menu(window, other, "actor:SWE", QPointF())
        assert "Add to bloc" not in texts(menu) and "Remove from bloc" not in texts(menu)
    finally:
        other.close()


def test_new_bloc_is_shown_in_the_inspector(qtbot, monkeypatch, inspector, session):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.session = session
    installed = install_edit_actions(window, session)

    def fill_and_accept(dialog):
        dialog.fill("east", "Eastern", "#d62728", members=("RUS", "CHN"))
        dialog.accept()
        return dialog.pushed is not None

    monkeypatch.setattr(edit_actions, "run_dialog", fill_and_accept)
    assert installed.new_bloc()
    assert inspector.shown() == ("bloc", "east")
    assert inspector.form().members.members() == ["CHN", "RUS"]


def test_a_chosen_bloc_brings_the_inspector_to_the_front(qtbot, tmp_path):
    path = tmp_path / "w.sbx"
    Project.create(path, small_document()).close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    window.canvas.pause_layout()

    def front_tab() -> str:
        bars = [b for b in window.findChildren(QTabBar)
                if {b.tabText(i) for i in range(b.count())} >= {"Inspector", "What-if"}]
        return bars[0].tabText(bars[0].currentIndex()) if bars else ""

    qtbot.waitUntil(lambda: front_tab() == "What-if")  # the dock tabs exist, what-if first
    channel(window.session).recordChosen.emit("bloc", "west")
    assert front_tab() == "Inspector"
    assert window._docks["inspector"].widget().shown() == ("bloc", "west")  # noqa: SLF001
    window.canvas.shutdown()
    window.close()
