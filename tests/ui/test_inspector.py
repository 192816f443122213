"""The inspector: per-field edits become one command each, refused ones show inline."""

from __future__ import annotations

import pytest

from explorer.model.entities import (
    Actor,
    Alliance,
    Capability,
    Document,
    Membership,
    Region,
    Tie,
)
from explorer.store import Project
from explorer.ui.editing.common import channel
from explorer.ui.session import ProjectSession


def small_document() -> Document:
    doc = Document(title="Test")
    doc.regions = {
        "europe": Region("europe", "Europe"),
        "europe_southern": Region("europe_southern", "Southern Europe", "europe"),
        "middle_east": Region("middle_east", "Middle East"),
    }
    doc.actors = {
        "TUR": Actor("TUR", "Türkiye", regions=("europe_southern",),
                     capabilities=(Capability("milex_usd_bn", 25.0, 2024, "sipri"),)),
        "SWE": Actor("SWE", "Sweden", regions=("europe",)),
        "hezbollah": Actor("hezbollah", "Hezbollah", kind="non_state",
                           regions=("middle_east",)),
    }
    doc.alliances = {"nato": Alliance("nato", "NATO", "collective_defence", "defence",
                                      founded="1949-04-04")}
    doc.memberships = {
        1: Membership("nato", "TUR", "member", "1952-02-18", id=1),
        2: Membership("nato", "SWE", "member", "2024-03-07", id=2),
    }
    doc.ties = {1: Tie("TUR", "hezbollah", -1, "rivalry", id=1)}
    return doc


@pytest.fixture
def session(tmp_path):
    project = Project.create(tmp_path / "p.sbx", small_document())
    session = ProjectSession(project)
    yield session
    session.close()


def type_into(form, field: str, text: str) -> None:
    edit = form.form.widgets[field]
    edit.setText(text)
    edit.editingFinished.emit()


def test_follows_selection_and_shows_nothing_without_it(inspector, session):
    assert inspector.shown() == ("", None)
    session.select(["actor:TUR"])
    assert inspector.shown() == ("actor", "TUR")
    assert inspector.form().form.widgets["name"].text() == "Türkiye"
    session.select(["alliance:nato", "actor:TUR"])
    assert inspector.shown() == ("alliance", "nato")
    session.select([])
    assert inspector.shown() == ("", None)


def test_name_edit_is_one_command_and_undo_restores(qtbot, inspector, session):
    session.select(["actor:TUR"])
    before = session.project.dump()
    type_into(inspector.form(), "name", "Turkey")
    assert session.project.document().actors["TUR"].name == "Turkey"
    assert len(session.stack) == 1
    assert session.stack.undo_text == "Edit Türkiye: name"
    session.undo()
    assert session.project.dump() == before
    qtbot.waitUntil(lambda: inspector.form().form.widgets["name"].text() == "Türkiye")
    assert inspector.shown() == ("actor", "TUR")


def test_negative_expenditure_is_shown_inline_and_not_stored(inspector, session):
    session.select(["actor:TUR"])
    before = session.project.dump()
    form = inspector.form()
    form.figures.set_cell(0, 1, "-5")
    assert "cannot be negative" in form.errors()["capabilities"]
    # the reason sits next to the field: its error label holds it and is not hidden
    assert "cannot be negative" in form.form.errors["capabilities"].text()
    assert not form.form.errors["capabilities"].isHidden()
    assert session.project.dump() == before
    assert len(session.stack) == 0
    # a number that is not a number is refused before reaching the model
    form.figures.set_cell(0, 1, "lots")
    assert "not a number" in form.errors()["capabilities"]
    assert session.project.dump() == before
    # fixing it commits and clears the message
    form.figures.set_cell(0, 1, "27.5")
    assert session.project.document().actors["TUR"].figure("milex_usd_bn") == 27.5
    assert form.errors() == {}


def test_add_and_remove_figures(inspector, session):
    session.select(["actor:SWE"])
    form = inspector.form()
    form.figures.add_figure("personnel_k", "14.6", "2024", "iiss")
    caps = session.project.document().actors["SWE"].capabilities
    assert caps == (Capability("personnel_k", 14.6, 2024, "iiss"),)
    inspector.refresh()
    form.figures.remove_row(0)
    assert session.project.document().actors["SWE"].capabilities == ()
    assert len(session.stack) == 2


def test_bad_iso_code_shows_under_id(inspector, session):
    session.select(["actor:hezbollah"])
    before = session.project.dump()
    form = inspector.form()
    combo = form.form.widgets["kind"]
    combo.setCurrentIndex(combo.findData("state"))
    combo.activated.emit(combo.currentIndex())
    assert "ISO 3166" in form.errors()["id"]
    assert session.project.dump() == before
    assert len(session.stack) == 0


def test_regions_tick_commits(inspector, session):
    session.select(["actor:TUR"])
    inspector.form().regions.set_region_checked("middle_east", True)
    assert session.project.document().actors["TUR"].regions == (
        "europe_southern", "middle_east")


def test_membership_left_before_joined_and_bad_date(inspector, session):
    channel(session).recordChosen.emit("membership", 2)
    assert inspector.shown() == ("membership", 2)
    before = session.project.dump()
    form = inspector.form()
    type_into(form, "left", "2020-01-01")
    assert "before joined" in form.errors()["left"]
    type_into(form, "joined", "2024-02-30")
    assert "not a date" in form.errors()["joined"]
    assert session.project.dump() == before
    assert len(session.stack) == 0
    type_into(form, "joined", "2024-03-08")
    assert session.project.document().memberships[2].joined == "2024-03-08"
    assert "joined" not in form.errors()


def test_alliance_fields_and_members(qtbot, inspector, session):
    session.select(["alliance:nato"])
    form = inspector.form()
    before = session.project.dump()
    type_into(form, "ended", "1900-01-01")
    assert "before founded" in form.errors()["ended"]
    assert session.project.dump() == before
    form.form.widgets["formal"].click()
    assert session.project.document().alliances["nato"].formal is False
    assert form.members_model.rowCount() == 2
    form.members_view.selectRow(0)
    assert form.remove_selected_members()
    assert len(session.project.document().memberships) == 1
    qtbot.waitUntil(lambda: form.members_model.rowCount() == 1)
    session.undo()
    session.undo()
    assert session.project.dump() == before


def test_tie_sign_edit_and_delete(inspector, session):
    channel(session).recordChosen.emit("tie", 1)
    form = inspector.form()
    combo = form.form.widgets["sign"]
    combo.setCurrentIndex(combo.findData(1))
    combo.activated.emit(combo.currentIndex())
    assert session.project.document().ties[1].sign == 1
    assert form.delete()
    assert inspector.shown() == ("", None)
    assert 1 not in session.project.document().ties


def test_deleted_record_clears_the_inspector(qtbot, inspector, session):
    from explorer.commands import DeleteActor

    session.select(["actor:SWE"])
    session.push(DeleteActor("SWE"))
    qtbot.waitUntil(lambda: inspector.shown() == ("", None))
