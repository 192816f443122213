"""Transactions and change events: listeners hear only what was committed."""

from __future__ import annotations

import sqlite3

import pytest

from explorer.model import Actor, Bloc, Membership
from explorer.store import ChangeEvent, Project


class Recorder:
    """A listener that also checks, from a second connection, that the change is on disk."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.events: list[ChangeEvent] = []
        self.actors_on_disk: list[set[str]] = []

    def __call__(self, event: ChangeEvent) -> None:
        self.events.append(event)
        conn = sqlite3.connect(self.project.path)
        try:
            self.actors_on_disk.append({r[0] for r in conn.execute("SELECT id FROM actors")})
        finally:
            conn.close()


@pytest.fixture
def project(project_path):
    with Project.open(project_path) as project:
        yield project


def test_listener_gets_the_event_after_commit(project):
    recorder = Recorder(project)
    project.subscribe(recorder)
    project.put_actor(Actor("NOR", "Norway"))
    assert recorder.events == [ChangeEvent("actors", "NOR")]
    assert "NOR" in recorder.actors_on_disk[0]  # already committed when heard


def test_nested_transactions_deliver_events_once_after_the_outer_commit(project):
    recorder = Recorder(project)
    project.subscribe(recorder)
    with project.transaction():
        project.put_actor(Actor("NOR", "Norway"))
        with project.transaction():
            project.put_actor(Actor("DNK", "Denmark"))
            project.put_bloc(Bloc("nordic", "Nordic", "#00ff00", members=("NOR", "DNK")))
        assert recorder.events == []
        mid = project.put_membership(Membership("nato", "NOR", joined="1949-08-24"))
    assert recorder.events == [
        ChangeEvent("actors", "NOR"),
        ChangeEvent("actors", "DNK"),
        ChangeEvent("blocs", "nordic"),
        ChangeEvent("memberships", mid),
    ]
    assert all({"NOR", "DNK"} <= seen for seen in recorder.actors_on_disk)


def test_a_failed_transaction_rolls_back_and_emits_nothing(project):
    recorder = Recorder(project)
    project.subscribe(recorder)
    before = project.dump()
    project.document()  # fill the cache, which the rollback must drop
    with pytest.raises(RuntimeError), project.transaction():
        project.put_actor(Actor("NOR", "Norway"))
        project.set_positions({"actor:NOR": (1.0, 2.0, True)})
        assert "NOR" in project.document().actors  # visible inside the transaction
        raise RuntimeError("the user cancelled")
    assert recorder.events == []
    assert project.dump() == before
    assert "NOR" not in project.document().actors
    assert "actor:NOR" not in project.positions()
    # The project still works afterwards and events flow again.
    project.put_actor(Actor("NOR", "Norway"))
    assert recorder.events == [ChangeEvent("actors", "NOR")]


def test_a_database_error_rolls_back_the_whole_transaction(project):
    recorder = Recorder(project)
    project.subscribe(recorder)
    before = project.dump()
    with pytest.raises(sqlite3.IntegrityError), project.transaction():
        project.put_actor(Actor("NOR", "Norway"))
        project.put_membership(Membership("nato", "XXX"))  # no such actor: FK violation
    assert recorder.events == []
    assert project.dump() == before


def test_a_failed_inner_transaction_rolls_back_the_outer_one(project):
    before = project.dump()
    with pytest.raises(ValueError), project.transaction():
        project.put_actor(Actor("NOR", "Norway"))
        with project.transaction():
            project.put_actor(Actor("DNK", "Denmark"))
            raise ValueError("inner failure")
    assert project.dump() == before


def test_unsubscribe(project):
    recorder = Recorder(project)
    project.subscribe(recorder)
    project.unsubscribe(recorder)
    project.unsubscribe(recorder)  # a second time is harmless
    project.set_title("Renamed")
    assert recorder.events == []


def test_every_write_emits_its_kind(project):
    events: list[ChangeEvent] = []
    project.subscribe(events.append)
    project.set_title("New title")
    project.set_positions({"actor:SWE": (0.0, 0.0, False)})
    project.set_setting("filters", ["europe"])
    project.delete_scenario("No NATO")
    project.delete_bloc("east")
    project.delete_tie(1)
    project.delete_membership(5)
    assert [e.kind for e in events] == [
        "meta", "positions", "settings", "scenarios", "blocs", "ties", "memberships"
    ]
    assert project.title == "New title"
    assert project.setting("filters") == ["europe"]


def test_positions_and_settings_do_not_drop_the_document_cache(project):
    doc = project.document()
    project.set_positions({"actor:SWE": (3.0, 4.0, True)})
    project.set_setting("zoom", 2)
    assert project.document() is doc
    project.put_actor(Actor("NOR", "Norway"))
    assert project.document() is not doc
