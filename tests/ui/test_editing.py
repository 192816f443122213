"""Create and delete through the dialogs, the canvas menu, the history and the actions."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from explorer.model.entities import (
    Actor,
    Alliance,
    Bloc,
    Capability,
    Document,
    Membership,
    Region,
    Tie,
)
from explorer.store import Project
from explorer.ui.data.tables import DataTables
from explorer.ui.editing import actions as edit_actions
from explorer.ui.editing.actions import (
    ActorDialog,
    AllianceDialog,
    BlocDialog,
    HistoryView,
    MembershipDialog,
    TieDialog,
    build_canvas_menu,
    delete_nodes,
    describe_deletion,
    install_edit_actions,
)
from explorer.ui.editing.common import channel
from explorer.ui.inspector.dock import Inspector
from explorer.ui.session import ProjectSession


def editing_document() -> Document:
    doc = Document(title="Editing")
    doc.regions = {"europe": Region("europe", "Europe"), "asia": Region("asia", "Asia")}
    doc.actors = {
        "TUR": Actor("TUR", "Türkiye", regions=("europe", "asia"),
                     capabilities=(Capability("milex_usd_bn", 25.0, 2024),)),
        "AZE": Actor("AZE", "Azerbaijan", regions=("asia",)),
        "SWE": Actor("SWE", "Sweden", regions=("europe",)),
        "RUS": Actor("RUS", "Russia", regions=("europe", "asia")),
        "GRC": Actor("GRC", "Greece", regions=("europe",)),
    }
    doc.alliances = {
        "nato": Alliance("nato", "NATO", "collective_defence", "defence"),
        "ots": Alliance("ots", "Organization of Turkic States", "political_economic"),
        "shusha": Alliance("shusha", "Shusha Declaration", "bilateral_defence", "defence"),
        "bsec": Alliance("bsec", "BSEC", "political_economic"),
        "d8": Alliance("d8", "D-8", "political_economic"),
    }
    doc.memberships = {
        1: Membership("nato", "TUR", "member", "1952-02-18", id=1),
        2: Membership("ots", "TUR", "founder", "2009-10-03", id=2),
        3: Membership("shusha", "TUR", "founder", "2021-06-15", id=3),
        4: Membership("bsec", "TUR", "founder", "1992-06-25", id=4),
        5: Membership("d8", "TUR", "founder", "1997-06-15", id=5),
        6: Membership("ots", "AZE", "founder", "2009-10-03", id=6),
        7: Membership("nato", "GRC", "member", "1952-02-18", id=7),
    }
    doc.ties = {
        1: Tie("TUR", "AZE", 1, "partnership", id=1),
        2: Tie("TUR", "RUS", -1, "rivalry", id=2),
    }
    doc.blocs = {"west": Bloc("west", "Western-aligned", "#3366cc", members=("TUR", "SWE"))}
    return doc


@pytest.fixture
def session(tmp_path):
    project = Project.create(tmp_path / "p.sbx", editing_document())
    session = ProjectSession(project)
    yield session
    session.close()


def accepted(qtbot, dialog) -> bool:
    qtbot.addWidget(dialog)
    dialog.accept()
    return dialog.result() == dialog.DialogCode.Accepted


# ----- dialogs ------------------------------------------------------------------------


def test_new_actor_dialog_and_one_undo(qtbot, session):
    before = session.project.dump()
    dialog = ActorDialog(session).fill("FIN", "Finland", regions=("europe",))
    assert accepted(qtbot, dialog)
    assert session.project.document().actors["FIN"].regions == ("europe",)
    assert session.stack.undo_text == "Add Finland"
    session.undo()
    assert session.project.dump() == before


def test_new_actor_dialog_refuses_bad_iso_and_duplicates(qtbot, session):
    before = session.project.dump()
    dialog = ActorDialog(session).fill("Fin", "Finland")
    assert not accepted(qtbot, dialog)
    assert "ISO 3166" in dialog.errors()["id"]
    dialog.fill("TUR", "Another")
    dialog.accept()
    assert "already an actor" in dialog.errors()["id"]
    dialog.fill("FIN", "")
    dialog.accept()
    assert "needs a name" in dialog.errors()["name"]
    assert session.project.dump() == before
    assert len(session.stack) == 0


def test_new_alliance_dialog(qtbot, session):
    before = session.project.dump()
    dialog = AllianceDialog(session).fill("aukus", "AUKUS", "security_partnership",
                                          founded="2021-09-15", ended="2020-01-01")
    assert not accepted(qtbot, dialog)
    assert "before founded" in dialog.errors()["ended"]
    dialog.fill("aukus", "AUKUS", "security_partnership", founded="2021-09-15")
    dialog.accept()
    assert session.project.document().alliances["aukus"].founded == "2021-09-15"
    session.undo()
    assert session.project.dump() == before


def test_add_membership_dialog(qtbot, session):
    before = session.project.dump()
    dialog = MembershipDialog(session, alliance="nato")
    dialog.fill("SWE", "nato", "member", joined="2024-03-07", source="nato_members")
    assert accepted(qtbot, dialog)
    assert session.stack.undo_text == "Add Sweden to NATO on 2024-03-07"
    added = [m for m in session.project.document().memberships.values() if m.actor == "SWE"]
    assert [(m.alliance, m.joined) for m in added] == [("nato", "2024-03-07")]
    session.undo()
    assert session.project.dump() == before


def test_membership_dialog_inline_errors(qtbot, session):
    dialog = MembershipDialog(session)
    dialog.fill("SWE", "nato", joined="2024-03-07", left="2023-01-01")
    assert not accepted(qtbot, dialog)
    assert "before joined" in dialog.errors()["left"]
    dialog.fill("ZZZ", "nato")
    dialog.accept()
    assert "Unknown actor" in dialog.errors()["actor"]
    assert len(session.stack) == 0


def test_tie_and_bloc_dialogs(qtbot, session):
    before = session.project.dump()
    tie = TieDialog(session, a="SWE").fill("SWE", "RUS", -1, "rivalry", start="2022-02-24")
    assert accepted(qtbot, tie)
    bloc = BlocDialog(session).fill("rci", "Russia–China–Iran", "#cc3333", members=("RUS",))
    assert accepted(qtbot, bloc)
    doc = session.project.document()
    assert doc.blocs["rci"].members == ("RUS",)
    assert any(t.a == "SWE" and t.b == "RUS" and t.sign == -1 for t in doc.ties.values())
    bad = BlocDialog(session).fill("x", "X", "red")
    assert not accepted(qtbot, bad)
    assert "#rrggbb" in bad.errors()["color"]
    session.undo()
    session.undo()
    assert session.project.dump() == before


# ----- deleting -----------------------------------------------------------------------


def test_delete_actor_explains_and_undo_restores(session):
    before = session.project.dump()
    text = describe_deletion(session, ["actor:TUR"])
    assert text == ("Deleting Türkiye also removes 5 memberships, 2 ties "
                    "and its place in 1 bloc.")
    assert describe_deletion(session, ["actor:SWE"]) == (
        "Deleting Sweden also removes its place in 1 bloc.")
    assert describe_deletion(session, ["alliance:nato"]) == (
        "Deleting NATO also removes 2 memberships.")
    session.select(["actor:TUR"])
    assert delete_nodes(session, ["actor:TUR"])
    doc = session.project.document()
    assert "TUR" not in doc.actors
    assert not [m for m in doc.memberships.values() if m.actor == "TUR"]
    assert doc.blocs["west"].members == ("SWE",)
    assert session.selection == []
    assert len(session.stack) == 1
    session.undo()
    assert session.project.dump() == before


def test_delete_several_is_one_step(session):
    before = session.project.dump()
    assert delete_nodes(session, ["actor:TUR", "actor:RUS", "alliance:ots"])
    assert len(session.stack) == 1
    session.undo()
    assert session.project.dump() == before


def test_confirm_delete_asks_first(monkeypatch, session):
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not edit_actions.confirm_delete(None, session, ["actor:TUR"])
    assert "5 memberships, 2 ties" in asked[0]
    assert "TUR" in session.project.document().actors
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: QMessageBox.StandardButton.Yes)
    assert edit_actions.confirm_delete(None, session, ["actor:TUR"])
    assert "TUR" not in session.project.document().actors


# ----- the canvas menu, the history, the installed actions ----------------------------


def menu_texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if a.text()]


def trigger(menu: QMenu, text: str) -> None:
    next(a for a in menu.actions() if a.text() == text).trigger()


def test_canvas_menu_new_actor_here_is_one_undo(qtbot, monkeypatch, session):
    window = QMainWindow()
    qtbot.addWidget(window)
    before = session.project.dump()

    def fill_and_accept(dialog):
        dialog.fill("FIN", "Finland")
        dialog.accept()
        return True

    monkeypatch.setattr(edit_actions, "run_dialog", fill_and_accept)
    menu = build_canvas_menu(window, session, None, QPointF(12.5, -3.0))
    assert "New actor here…" in menu_texts(menu)
    trigger(menu, "New actor here…")
    assert "FIN" in session.project.document().actors
    assert session.project.positions()["actor:FIN"] == (12.5, -3.0, True)
    assert len(session.stack) == 1
    session.undo()
    assert session.project.dump() == before
    assert "actor:FIN" not in session.project.positions()


def test_canvas_menu_on_nodes(qtbot, monkeypatch, session):
    window = QMainWindow()
    qtbot.addWidget(window)
    actor_menu = build_canvas_menu(window, session, "actor:SWE", QPointF(1, 2))
    assert menu_texts(actor_menu) == [
        "Add to alliance…", "Add tie…", "Remove from bloc", "What if…", "Pin", "Delete…"
    ]
    whatif = next(a.menu() for a in actor_menu.actions() if a.text() == "What if…")
    assert "What if Sweden were removed?" in menu_texts(whatif)
    alliance_menu = build_canvas_menu(window, session, "alliance:nato", QPointF(1, 2))
    assert menu_texts(alliance_menu) == ["Add member…", "What if…", "Pin", "Delete…"]
    # without a canvas, pinning is a MoveNodes command
    trigger(actor_menu, "Pin")
    assert session.project.positions()["actor:SWE"] == (1.0, 2.0, True)
    assert menu_texts(build_canvas_menu(window, session, "actor:SWE", QPointF()))[4] == "Unpin"
    # with a canvas, the canvas pins
    pins = []
    window.canvas = type("Canvas", (), {"pin": lambda self, k, p: pins.append((k, p))})()
    trigger(build_canvas_menu(window, session, "actor:SWE", QPointF()), "Unpin")
    assert pins == [("actor:SWE", False)]
    # "Add to alliance…" opens the membership dialog preset with the actor
    seen = []
    monkeypatch.setattr(edit_actions, "run_dialog", lambda d: seen.append(d) or False)
    trigger(actor_menu, "Add to alliance…")
    assert edit_actions.combo_choice(seen[0].actor_combo) == "SWE"


def test_history_view_goes_back_and_forth(qtbot, session):
    view = HistoryView(session)
    qtbot.addWidget(view)
    before = session.project.dump()
    assert accepted(qtbot, ActorDialog(session).fill("FIN", "Finland"))
    assert accepted(qtbot, AllianceDialog(session).fill("aukus", "AUKUS"))
    assert [view.item(i).text() for i in range(view.count())] == [
        view.EMPTY, "Add Finland", "Add AUKUS"]
    view.go_to(0)
    assert session.project.dump() == before
    view.go_to(2)
    assert "aukus" in session.project.document().alliances


def test_install_edit_actions_is_idempotent_and_removable(qtbot, session, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.edit_menu = window.menuBar().addMenu("&Edit")
    window.toolbar = QToolBar(window)
    window.session = session
    installed = install_edit_actions(window, session)
    assert install_edit_actions(window, session) is installed
    texts = [a.text() for a in window.edit_menu.actions() if a.text()]
    assert texts == ["New &Actor…", "New A&lliance…", "Add &Membership…", "New &Tie…",
                     "New &Bloc…", "&Delete Selected", "&History"]
    assert not installed.actions["delete"].isEnabled()
    session.select(["actor:SWE"])
    assert installed.actions["delete"].isEnabled()
    other = ProjectSession(Project.create(tmp_path / "q.sbx", Document()))
    try:
        replaced = install_edit_actions(window, other)
        assert replaced is not installed
        assert len([a for a in window.edit_menu.actions() if a.text()]) == 7
        replaced.remove()
        assert window.edit_menu.actions() == []
    finally:
        other.close()


# ----- a random walk of GUI edits, then undo of all -----------------------------------


def test_random_gui_edits_then_undo_all_restore_the_dump(qtbot, session):
    rng = random.Random(20240307)
    inspector = Inspector(session)
    tables = DataTables(session)
    qtbot.addWidget(inspector)
    qtbot.addWidget(tables)
    before = session.project.dump()
    made = 0

    def doc():
        return session.project.document()

    def edit_actor_name():
        session.select([f"actor:{rng.choice(sorted(doc().actors))}"])
        form = inspector.form()
        form.form.widgets["name"].setText(f"Name {rng.randrange(1000)}")
        form.form.widgets["name"].editingFinished.emit()

    def edit_figure():
        session.select([f"actor:{rng.choice(sorted(doc().actors))}"])
        inspector.refresh()
        form = inspector.form()
        if form.figures.table.rowCount():
            form.figures.set_cell(0, 1, str(rng.choice([-1, 3.5, 120, 7])))
        else:
            form.figures.add_figure("personnel_k", str(rng.randrange(1, 500)))

    def edit_alliance_dates():
        session.select([f"alliance:{rng.choice(sorted(doc().alliances))}"])
        form = inspector.form()
        form.form.widgets["founded"].setText(rng.choice(["1990-01-01", "2001-02-30", ""]))
        form.form.widgets["founded"].editingFinished.emit()

    def table_role():
        tables.refresh()
        if not doc().memberships:
            return
        key = rng.choice(sorted(doc().memberships))
        column = [c.title for c in tables.models["memberships"].columns].index("Role")
        tables.proxies["memberships"].setData(tables.index_of("memberships", key, column),
                                              rng.choice(["member", "observer", "partner"]))

    def table_left():
        tables.refresh()
        if not doc().memberships:
            return
        key = rng.choice(sorted(doc().memberships))
        column = [c.title for c in tables.models["memberships"].columns].index("Left")
        tables.proxies["memberships"].setData(tables.index_of("memberships", key, column),
                                              rng.choice(["1900-01-01", "2030-05-05", ""]))

    def new_actor():
        code = "".join(rng.choice("QWXZ") for _ in range(3))
        dialog = ActorDialog(session).fill(code, f"Actor {code}")
        dialog.accept()
        dialog.deleteLater()

    def new_membership():
        dialog = MembershipDialog(session).fill(
            rng.choice(sorted(doc().actors)), rng.choice(sorted(doc().alliances)),
            joined=rng.choice(["2000-01-01", "2024-03-07"]))
        dialog.accept()
        dialog.deleteLater()

    def edit_tie():
        if not doc().ties:
            return
        channel(session).recordChosen.emit("tie", rng.choice(sorted(doc().ties)))
        form = inspector.form()
        form.form.widgets["kind"].setText(rng.choice(["war", "rivalry", "pact"]))
        form.form.widgets["kind"].editingFinished.emit()

    def delete_something():
        nodes = [f"actor:{a}" for a in doc().actors] + [f"alliance:{a}" for a in doc().alliances]
        if len(nodes) > 4:
            delete_nodes(session, [rng.choice(sorted(nodes))])

    steps = [edit_actor_name, edit_figure, edit_alliance_dates, table_role, table_left,
             new_actor, new_membership, edit_tie, delete_something]
    for _ in range(30):
        rng.choice(steps)()
        if rng.random() < 0.5:
            qtbot.wait(0)
    made = len(session.stack)
    assert made >= 10
    while session.stack.can_undo:
        session.undo()
    assert session.project.dump() == before
