"""Every edit is a command: do, undo, redo; failures store nothing; undo restores exactly."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from explorer.commands import (
    Command,
    CommandStack,
    DeleteActor,
    DeleteAlliance,
    DeleteBloc,
    DeleteMembership,
    DeleteScenario,
    DeleteTie,
    Macro,
    MoveNodes,
    PutActor,
    PutAlliance,
    PutBloc,
    PutMembership,
    PutScenario,
    PutTie,
    SetTitle,
    actor_dependents,
)
from explorer.model import (
    Actor,
    Alliance,
    Bloc,
    Capability,
    Change,
    Document,
    Membership,
    Scenario,
    Tie,
    ValidationError,
)
from explorer.model.validation import validate_document
from explorer.store import Project


def small_document() -> Document:
    doc = Document(title="Commands")
    for actor in (
        Actor("SWE", "Sweden", capabilities=(Capability("milex_usd_bn", 8.5, 2023),)),
        Actor("FIN", "Finland"),
        Actor("USA", "United States"),
        Actor("RUS", "Russia"),
        Actor("hezbollah", "Hezbollah", kind="non_state"),
    ):
        doc.actors[actor.id] = actor
    doc.alliances["nato"] = Alliance("nato", "NATO", "collective_defence", "defence")
    doc.alliances["csto"] = Alliance("csto", "CSTO", "collective_defence", "defence")
    doc.memberships[1] = Membership("nato", "USA", "founder", "1949-08-24", id=1)
    doc.memberships[2] = Membership("nato", "FIN", "member", "2023-04-04", id=2)
    doc.memberships[3] = Membership("csto", "RUS", "founder", "1992-05-15", id=3)
    doc.ties[1] = Tie("RUS", "USA", -1, id=1)
    doc.ties[2] = Tie("SWE", "FIN", 1, id=2)
    doc.ties[3] = Tie("RUS", "SWE", -1, id=3)
    doc.blocs["west"] = Bloc("west", "Western-aligned", "#1f77b4", members=("USA", "SWE", "FIN"))
    doc.blocs["east"] = Bloc("east", "Eastern", "#d62728", members=("RUS",))
    doc.scenarios["No CSTO"] = Scenario("No CSTO", (Change("dissolve_alliance", alliance="csto"),))
    return doc


@pytest.fixture
def project(tmp_path):
    with Project.create(tmp_path / "c.sbx", small_document()) as project:
        project.set_positions(
            {"actor:SWE": (1.0, 2.0, True), "actor:RUS": (-3.0, 0.5, False),
             "alliance:nato": (0.0, 0.0, False)}
        )
        yield project


@pytest.fixture
def stack(project):
    return CommandStack(project)


def check_do_undo_redo(stack: CommandStack, command: Command, changed) -> None:
    """Push ``command``; ``changed(doc)`` must hold after do and redo, and undo restores."""
    project = stack.project
    before = project.dump()
    stack.push(command)
    after = project.dump()
    assert after != before
    assert changed(project)
    assert stack.can_undo and not stack.can_redo
    assert stack.undo() is command
    assert project.dump() == before
    assert not changed(project)
    assert stack.redo_text == command.text
    assert stack.redo() is command
    assert project.dump() == after
    assert changed(project)


# ----- each command ---------------------------------------------------------------------


def test_put_actor_add(stack):
    check_do_undo_redo(
        stack, PutActor(Actor("NOR", "Norway")), lambda p: "NOR" in p.document().actors
    )
    assert stack.undo_text == "Add Norway"


def test_put_actor_edit(stack):
    new = dataclasses.replace(small_document().actors["SWE"], name="Kingdom of Sweden")
    check_do_undo_redo(
        stack, PutActor(new), lambda p: p.document().actors["SWE"].name == "Kingdom of Sweden"
    )
    assert stack.undo_text == "Edit Kingdom of Sweden"


def test_delete_actor_takes_and_restores_everything(stack, project):
    memberships, ties, blocs = actor_dependents(project, "FIN")
    assert [m.id for m in memberships] == [2]
    assert [t.id for t in ties] == [2]
    assert [b.id for b in blocs] == ["west"]
    project.set_positions({"actor:FIN": (7.0, 8.0, True)})
    before = project.dump()
    stack.push(DeleteActor("FIN"))
    doc = project.document()
    assert "FIN" not in doc.actors
    assert 2 not in doc.memberships and 2 not in doc.ties
    assert doc.blocs["west"].members == ("USA", "SWE")
    assert "actor:FIN" not in project.positions()
    assert stack.undo_text == "Delete Finland"
    stack.undo()
    assert project.dump() == before
    assert project.positions()["actor:FIN"] == (7.0, 8.0, True)
    assert project.document().blocs["west"].members == ("USA", "SWE", "FIN")
    stack.redo()
    assert "FIN" not in project.document().actors
    assert validate_document(project.document()) == []


def test_delete_actor_with_many_ties(stack, project):
    check_do_undo_redo(stack, DeleteActor("RUS"), lambda p: "RUS" not in p.document().actors)
    assert "actor:RUS" not in project.positions()


def test_put_alliance_add_and_edit(stack):
    check_do_undo_redo(
        stack, PutAlliance(Alliance("aukus", "AUKUS", "technology")),
        lambda p: "aukus" in p.document().alliances,
    )
    assert stack.undo_text == "Add AUKUS"
    stack.undo()
    edited = dataclasses.replace(small_document().alliances["nato"], ended="2099-01-01")
    check_do_undo_redo(
        stack, PutAlliance(edited), lambda p: p.document().alliances["nato"].ended == "2099-01-01"
    )
    assert stack.undo_text == "Edit NATO"


def test_delete_alliance_takes_memberships_and_position(stack, project):
    check_do_undo_redo(
        stack, DeleteAlliance("nato"),
        lambda p: "nato" not in p.document().alliances
        and not any(m.alliance == "nato" for m in p.document().memberships.values())
        and "alliance:nato" not in p.positions(),
    )
    assert stack.undo_text == "Delete NATO"


def test_put_membership_add(stack):
    command = PutMembership(Membership("nato", "SWE", "member", "2024-03-07"))
    check_do_undo_redo(
        stack, command,
        lambda p: any(m.actor == "SWE" and m.alliance == "nato"
                      for m in p.document().memberships.values()),
    )
    assert stack.undo_text == "Add Sweden to NATO on 2024-03-07"
    assert command.membership.id is not None


def test_put_membership_add_without_date_and_edit(stack):
    stack.push(PutMembership(Membership("csto", "hezbollah", "partner")))
    assert stack.undo_text == "Add Hezbollah to CSTO"
    frozen = Membership("csto", "RUS", "suspended", "1992-05-15", "2024-02-23", id=3)
    check_do_undo_redo(
        stack, PutMembership(frozen), lambda p: p.document().memberships[3].role == "suspended"
    )
    assert stack.undo_text == "Edit Russia in CSTO"


def test_delete_membership(stack):
    check_do_undo_redo(stack, DeleteMembership(2), lambda p: 2 not in p.document().memberships)
    assert stack.undo_text == "Delete membership"


def test_put_tie_add_and_edit(stack):
    check_do_undo_redo(
        stack, PutTie(Tie("FIN", "RUS", -1)),
        lambda p: any(t.a == "FIN" and t.b == "RUS" for t in p.document().ties.values()),
    )
    assert stack.undo_text == "Add rivalry FIN–RUS"
    stack.undo()
    check_do_undo_redo(
        stack, PutTie(Tie("SWE", "FIN", 1, "defence pact", id=2)),
        lambda p: p.document().ties[2].kind == "defence pact",
    )
    assert stack.undo_text == "Edit partnership SWE–FIN"


def test_delete_tie(stack):
    check_do_undo_redo(stack, DeleteTie(1), lambda p: 1 not in p.document().ties)


def test_put_and_delete_bloc(stack):
    check_do_undo_redo(
        stack, PutBloc(Bloc("nordic", "Nordic", "#00aa00", members=("SWE", "FIN"))),
        lambda p: "nordic" in p.document().blocs,
    )
    assert stack.undo_text == "Edit bloc Nordic"
    stack.undo()
    check_do_undo_redo(stack, DeleteBloc("west"), lambda p: "west" not in p.document().blocs)
    assert stack.undo_text == "Delete bloc west"


def test_put_and_delete_scenario(stack):
    scenario = Scenario("Sweden out", (Change("remove_actor", actor="SWE"),), "notes")
    check_do_undo_redo(stack, PutScenario(scenario), lambda p: "Sweden out" in p.document().scenarios)
    stack.undo()
    check_do_undo_redo(
        stack, DeleteScenario("No CSTO"), lambda p: "No CSTO" not in p.document().scenarios
    )


def test_set_title(stack):
    check_do_undo_redo(stack, SetTitle("Renamed"), lambda p: p.title == "Renamed")
    assert stack.undo_text == "Rename project"


def test_move_and_pin_nodes(stack):
    check_do_undo_redo(
        stack,
        MoveNodes({"actor:SWE": (5.0, 5.0, False), "actor:USA": (9.0, -1.0, True)}, "Pin USA"),
        lambda p: p.positions().get("actor:USA") == (9.0, -1.0, True)
        and p.positions()["actor:SWE"] == (5.0, 5.0, False),
    )
    assert stack.undo_text == "Pin USA"


def test_macro_is_one_step(stack, project):
    before = project.dump()
    stack.push(Macro("Add Norway to NATO", [
        PutActor(Actor("NOR", "Norway")),
        PutMembership(Membership("nato", "NOR", "founder", "1949-08-24")),
    ]))
    assert len(stack) == 1 and stack.undo_text == "Add Norway to NATO"
    stack.undo()
    assert project.dump() == before


# ----- failures -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        PutActor(Actor("sweden", "Sweden")),
        PutActor(Actor("SWE", "Sweden", capabilities=(Capability("milex_usd_bn", -1.0),))),
        DeleteActor("XXX"),
        PutAlliance(Alliance("x", "X", founded="2020-01-01", ended="2019-01-01")),
        DeleteAlliance("xxx"),
        PutMembership(Membership("nato", "XXX")),
        PutMembership(Membership("nato", "SWE", joined="2024-03-07", left="2024-01-01")),
        DeleteMembership(99),
        PutTie(Tie("SWE", "SWE")),
        DeleteTie(99),
        PutBloc(Bloc("b", "B", "blue")),
        DeleteBloc("nope"),
        PutScenario(Scenario("Bad", (Change("remove_actor", actor="XXX"),))),
        DeleteScenario("nope"),
        SetTitle("  "),
        Macro("half valid", [PutActor(Actor("NOR", "Norway")), PutTie(Tie("NOR", "XXX"))]),
    ],
    ids=lambda c: type(c).__name__,
)
def test_a_failing_command_stores_nothing_and_is_not_pushed(stack, project, command):
    stack.push(SetTitle("Something to undo"))
    events = []
    project.subscribe(events.append)
    notified = []
    stack.subscribe(lambda: notified.append(1))
    before = project.dump()
    with pytest.raises(ValidationError):
        stack.push(command)
    assert project.dump() == before
    assert len(stack) == 1 and stack.undo_text == "Rename project"
    assert events == [] and notified == []
    assert "NOR" not in project.document().actors


def test_push_clears_redo(stack):
    stack.push(SetTitle("One"))
    stack.undo()
    assert stack.can_redo
    stack.push(SetTitle("Two"))
    assert not stack.can_redo and stack.redo() is None
    assert stack.history == ["Rename project"]


def test_undo_and_redo_on_empty_stack(stack, project):
    before = project.dump()
    assert stack.undo() is None and stack.redo() is None
    assert stack.undo_text == "" and stack.redo_text == ""
    assert project.dump() == before


def test_stack_listeners_hear_every_change(stack):
    heard = []
    stack.subscribe(lambda: heard.append(stack.undo_text))
    stack.push(PutActor(Actor("NOR", "Norway")))
    stack.undo()
    stack.redo()
    assert heard == ["Add Norway", "", "Add Norway"]


@pytest.mark.parametrize(
    "command", [DeleteActor("RUS"), DeleteAlliance("csto"), DeleteBloc("east")],
    ids=["actor", "alliance", "bloc"],
)
def test_deleting_keeps_the_document_valid(stack, project, command):
    stack.push(PutScenario(Scenario("Russia", (
        Change("remove_membership", actor="RUS", alliance="csto"),
        Change("move_to_bloc", actor="SWE", bloc="east"),
    ))))
    stack.push(command)
    assert validate_document(project.document()) == []


def test_set_title_undo_on_a_project_without_title(tmp_path):
    with Project.create(tmp_path / "bare.sbx") as project:
        stack = CommandStack(project)
        before = project.dump()
        stack.push(SetTitle("Named"))
        stack.undo()
        assert project.dump() == before


# ----- the property: undo all restores the original, redo all the final state ---------

ACTOR_IDS = ("SWE", "FIN", "USA", "RUS", "NOR", "hezbollah", "houthis")
ALLIANCE_IDS = ("nato", "csto", "aukus")
BLOC_IDS = ("west", "east", "nordic")
SCENARIO_NAMES = ("No CSTO", "Sweden out", "Test")
DATES = st.one_of(st.none(), st.sampled_from(["1949-04-04", "1992-05-15", "2023-04-04",
                                              "2024-03-07", "2030-13-01"]))
NAMES = st.sampled_from(["Alpha", "Beta", "Gamma", "Türkiye", "  "])
COORD = st.floats(-1000, 1000, allow_nan=False, allow_infinity=False, width=32)


def actor_strategy(actor_id: str):
    kind = "non_state" if actor_id.islower() else "state"
    caps = st.lists(
        st.builds(Capability, st.sampled_from(["milex_usd_bn", "personnel_k", "warheads"]),
                  st.floats(-1, 1e4, allow_nan=False), st.sampled_from([None, 2023])),
        max_size=2,
    ).map(tuple)
    return st.builds(Actor, st.just(actor_id), NAMES, st.just(kind), st.just(()), caps,
                     st.sampled_from(["", "note"]))


class CommandMachine(RuleBasedStateMachine):
    """Random edits of every kind, with undos and redos in between.

    ``states[i]`` is the dump after the i-th done command; undo must return to
    ``states[i-1]`` exactly and redo to ``states[i]``.
    """

    @initialize()
    def start(self):
        self.project = Project.in_memory(small_document())
        self.project.set_positions({"actor:SWE": (1.0, 2.0, True)})
        self.stack = CommandStack(self.project)
        self.states = [self.project.dump()]
        self.index = 0

    def teardown(self):
        if hasattr(self, "project"):
            while self.stack.undo():
                pass
            assert self.project.dump() == self.states[0]
            while self.stack.redo():
                pass
            assert self.project.dump() == self.states[len(self.stack)]
            self.project.close()

    @property
    def doc(self) -> Document:
        return self.project.document()

    def push(self, command: Command) -> None:
        before = self.project.dump()
        depth = len(self.stack)
        try:
            self.stack.push(command)
        except ValidationError:
            assert self.project.dump() == before
            assert len(self.stack) == depth
            return
        self.index += 1
        del self.states[self.index:]
        self.states.append(self.project.dump())

    @invariant()
    def dump_matches_history(self):
        if hasattr(self, "project"):
            assert self.project.dump() == self.states[self.index]
            assert len(self.stack) == self.index

    @rule()
    def undo(self):
        if self.stack.undo() is not None:
            self.index -= 1

    @rule()
    def redo(self):
        if self.stack.redo() is not None:
            self.index += 1

    @rule(data=st.data(), actor_id=st.sampled_from(ACTOR_IDS))
    def put_actor(self, data, actor_id):
        self.push(PutActor(data.draw(actor_strategy(actor_id))))

    @rule(actor_id=st.sampled_from(ACTOR_IDS))
    def delete_actor(self, actor_id):
        self.push(DeleteActor(actor_id))

    @rule(alliance_id=st.sampled_from(ALLIANCE_IDS), name=NAMES, founded=DATES, ended=DATES,
          kind=st.sampled_from(["technology", "collective_defence", "bogus"]))
    def put_alliance(self, alliance_id, name, founded, ended, kind):
        self.push(PutAlliance(Alliance(alliance_id, name, kind, "none", True, founded, ended)))

    @rule(alliance_id=st.sampled_from(ALLIANCE_IDS))
    def delete_alliance(self, alliance_id):
        self.push(DeleteAlliance(alliance_id))

    @rule(alliance=st.sampled_from(ALLIANCE_IDS), actor=st.sampled_from(ACTOR_IDS),
          role=st.sampled_from(["member", "observer", "founder"]), joined=DATES, left=DATES,
          edit=st.booleans())
    def put_membership(self, alliance, actor, role, joined, left, edit):
        ids = sorted(self.doc.memberships)
        key = ids[0] if edit and ids else None
        self.push(PutMembership(Membership(alliance, actor, role, joined, left, id=key)))

    @precondition(lambda self: bool(self.doc.memberships))
    @rule(data=st.data())
    def delete_membership(self, data):
        self.push(DeleteMembership(data.draw(st.sampled_from(sorted(self.doc.memberships)))))

    @rule(a=st.sampled_from(ACTOR_IDS), b=st.sampled_from(ACTOR_IDS), sign=st.sampled_from([1, -1]),
          start=DATES, edit=st.booleans())
    def put_tie(self, a, b, sign, start, edit):
        ids = sorted(self.doc.ties)
        key = ids[-1] if edit and ids else None
        self.push(PutTie(Tie(a, b, sign, "", start, id=key)))

    @precondition(lambda self: bool(self.doc.ties))
    @rule(data=st.data())
    def delete_tie(self, data):
        self.push(DeleteTie(data.draw(st.sampled_from(sorted(self.doc.ties)))))

    @rule(bloc_id=st.sampled_from(BLOC_IDS), name=NAMES,
          color=st.sampled_from(["#112233", "#abcdef", "red"]),
          members=st.lists(st.sampled_from(ACTOR_IDS), unique=True, max_size=3))
    def put_bloc(self, bloc_id, name, color, members):
        self.push(PutBloc(Bloc(bloc_id, name, color, "", tuple(members))))

    @rule(bloc_id=st.sampled_from(BLOC_IDS))
    def delete_bloc(self, bloc_id):
        self.push(DeleteBloc(bloc_id))

    @rule(name=st.sampled_from(SCENARIO_NAMES), actor=st.sampled_from(ACTOR_IDS),
          alliance=st.sampled_from(ALLIANCE_IDS), bloc=st.sampled_from(BLOC_IDS),
          kinds=st.lists(st.sampled_from(["remove_actor", "remove_membership",
                                          "dissolve_alliance", "move_to_bloc"]), max_size=3))
    def put_scenario(self, name, actor, alliance, bloc, kinds):
        changes = tuple(Change(kind, actor, alliance, bloc) for kind in kinds)
        self.push(PutScenario(Scenario(name, changes, "notes")))

    @rule(name=st.sampled_from(SCENARIO_NAMES))
    def delete_scenario(self, name):
        self.push(DeleteScenario(name))

    @rule(title=st.sampled_from(["Renamed", "Другое", " "]))
    def set_title(self, title):
        self.push(SetTitle(title))

    @precondition(lambda self: bool(self.doc.actors))
    @rule(data=st.data())
    def move_nodes(self, data):
        # Like the canvas: only nodes that exist are dragged, pinned or unpinned.
        nodes = [f"actor:{a}" for a in sorted(self.doc.actors)]
        nodes += [f"alliance:{a}" for a in sorted(self.doc.alliances)]
        chosen = data.draw(st.lists(st.sampled_from(nodes), min_size=1, max_size=3, unique=True))
        moves = {node: (data.draw(COORD), data.draw(COORD), data.draw(st.booleans()))
                 for node in chosen}
        self.push(MoveNodes(moves))


CommandMachine.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_random_edits_undo_and_redo_exactly = CommandMachine.TestCase
