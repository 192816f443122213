"""Signature dates in the inspector forms and the data tables: edited like the other
dates, stored as one undoable command, refused inline when after entry into force."""

from __future__ import annotations

import pytest

from explorer.model.entities import Actor, Alliance, Document, Membership, Tie
from explorer.store import Project
from explorer.ui.data.tables import DataTables
from explorer.ui.editing.common import channel
from explorer.ui.session import ProjectSession


def treaty_document() -> Document:
    doc = Document(title="Signatures")
    doc.actors = {
        "USA": Actor("USA", "United States"),
        "FIN": Actor("FIN", "Finland"),
        "EGY": Actor("EGY", "Egypt"),
        "ISR": Actor("ISR", "Israel"),
    }
    doc.alliances = {"nato": Alliance("nato", "NATO", "collective_defence", "defence",
                                      founded="1949-08-24")}
    doc.memberships = {
        1: Membership("nato", "USA", "founder", "1949-08-24", id=1),
        2: Membership("nato", "FIN", "member", "2023-04-04", id=2),
    }
    doc.ties = {1: Tie("EGY", "ISR", 1, "peace_treaty", "1979-04-25", id=1)}
    return doc


@pytest.fixture
def session(tmp_path):
    project = Project.create(tmp_path / "p.sbx", treaty_document())
    session = ProjectSession(project)
    yield session
    session.close()


def type_into(form, field: str, text: str) -> None:
    edit = form.form.widgets[field]
    edit.setText(text)
    edit.editingFinished.emit()


def test_alliance_signature_is_stored_as_one_command_and_undone(qtbot, inspector, session):
    session.select(["alliance:nato"])
    form = inspector.form()
    assert form.form.widgets["signed"].text() == ""
    before = session.project.dump()
    type_into(form, "signed", "1949-04-04")
    assert session.project.document().alliances["nato"].signed == "1949-04-04"
    assert session.project.document().alliances["nato"].founded == "1949-08-24"
    assert len(session.stack) == 1
    assert session.stack.undo_text == "Edit NATO: signed"
    session.undo()
    assert session.project.dump() == before
    assert session.project.document().alliances["nato"].signed is None
    qtbot.waitUntil(lambda: form.form.widgets["signed"].text() == "")


def test_membership_signature_after_joining_is_refused_inline(qtbot, inspector, session):
    channel(session).recordChosen.emit("membership", 2)
    assert inspector.shown() == ("membership", 2)
    form = inspector.form()
    before = session.project.dump()
    type_into(form, "signed", "2023-05-01")
    assert "before the signature" in form.errors()["signed"]
    type_into(form, "signed", "2022-07-32")
    assert "not a date" in form.errors()["signed"]
    assert session.project.dump() == before and len(session.stack) == 0
    type_into(form, "signed", "2022-07-05")
    assert session.project.document().memberships[2].signed == "2022-07-05"
    assert "signed" not in form.errors()
    # moving entry into force before the signature is refused too; the model names the
    # signature, so the reason shows under it
    type_into(form, "joined", "2022-01-01")
    assert "(joined 2022-01-01) is before the signature" in form.errors()["signed"]
    assert session.project.document().memberships[2].joined == "2023-04-04"
    session.undo()
    assert session.project.dump() == before
    qtbot.waitUntil(lambda: form.form.widgets["signed"].text() == "")


def test_tie_signature_is_stored_cleared_and_undone(qtbot, inspector, session):
    channel(session).recordChosen.emit("tie", 1)
    form = inspector.form()
    type_into(form, "signed", "1979-03-26")
    assert session.project.document().ties[1].signed == "1979-03-26"
    type_into(form, "signed", "")
    assert session.project.document().ties[1].signed is None
    assert len(session.stack) == 2
    session.undo()
    assert session.project.document().ties[1].signed == "1979-03-26"
    qtbot.waitUntil(lambda: form.form.widgets["signed"].text() == "1979-03-26")


def test_alliance_member_list_shows_signature_beside_joined(inspector, session):
    session.select(["alliance:nato"])
    form = inspector.form()
    titles = [column.title for column in form.members_model.columns]
    shown = [t for i, t in enumerate(titles) if not form.members_view.isColumnHidden(i)]
    assert shown == ["Actor", "Role", "Signed", "Joined", "Left"]


@pytest.fixture
def tables(qtbot, session):
    widget = DataTables(session)
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    return widget


@pytest.mark.parametrize(("table", "key", "attr", "value"), [
    ("alliances", "nato", "signed", "1949-04-04"),
    ("memberships", 2, "signed", "2022-07-05"),
    ("ties", 1, "signed", "1979-03-26"),
])
def test_signed_column_edits_in_place_and_undoes(tables, session, table, key, attr, value):
    titles = [c.title for c in tables.models[table].columns]
    index = tables.index_of(table, key, titles.index("Signed"))
    before = session.project.dump()
    assert tables.proxies[table].setData(index, value)
    assert getattr(getattr(session.project.document(), table)[key], attr) == value
    session.undo()
    assert session.project.dump() == before


def test_signed_column_refuses_a_signature_after_entry_into_force(tables, session):
    titles = [c.title for c in tables.models["memberships"].columns]
    index = tables.index_of("memberships", 1, titles.index("Signed"))
    refused = []
    tables.models["memberships"].editRefused.connect(lambda reason, *_: refused.append(reason))
    assert not tables.proxies["memberships"].setData(index, "1950-01-01")
    assert session.project.document().memberships[1].signed is None
    assert refused and "before the signature" in refused[0]
