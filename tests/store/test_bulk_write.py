"""Filling a new project file in one go: progress, cancelling, and the checks kept."""

from __future__ import annotations

import sqlite3

import pytest
from sbx_helpers import make_document

from explorer.model.entities import Actor, Document, Tie
from explorer.store import Project, bulk_write


class Stop(Exception):
    pass


def _chain(n: int) -> Document:
    doc = Document(title="chain")
    for i in range(n):
        doc.actors[f"a{i}"] = Actor(f"a{i}", f"A {i}", "other")
    for i in range(1, n):
        doc.ties[i] = Tie(f"a{i - 1}", f"a{i}", id=i)
    return doc


def test_progress_moves_forward_and_reaches_the_total(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk_write, "CHUNK", 7)
    calls: list[tuple[int, int]] = []
    positions = {f"actor:a{i}": (float(i), 0.0, False) for i in range(50)}
    Project.create(tmp_path / "p.sbx", _chain(50), positions=positions,
                   progress=lambda d, t: calls.append((d, t))).close()
    done = [d for d, _ in calls]
    assert len(calls) > 10
    assert done == sorted(done)
    assert calls[-1][0] == calls[-1][1]


def test_cancel_while_writing_leaves_no_project_and_no_temporary_file(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk_write, "CHUNK", 7)
    seen: list[int] = []

    def cancel_half_way(done: int, total: int) -> None:
        seen.append(done)
        if done > total // 2:
            raise Stop

    with pytest.raises(Stop):
        Project.create(tmp_path / "p.sbx", _chain(60), progress=cancel_half_way)
    assert seen  # it was cancelled in the middle of writing, not before
    assert list(tmp_path.iterdir()) == []


def test_positions_and_settings_are_written_with_the_document(tmp_path):
    path = tmp_path / "p.sbx"
    Project.create(path, _chain(3), positions={"actor:a1": (1.5, -2.0, True)},
                   settings={"view.color_by": "file"}).close()
    with Project.open(path) as project:
        assert project.positions()["actor:a1"] == (1.5, -2.0, True)
        assert project.setting("view.color_by") == "file"
        assert len(project.document().ties) == 2


def test_indexes_are_the_same_as_an_empty_project_has(tmp_path):
    Project.create(tmp_path / "empty.sbx").close()
    Project.create(tmp_path / "full.sbx", make_document()).close()

    def indexes(name: str) -> list[tuple[str, str]]:
        with sqlite3.connect(tmp_path / name) as conn:
            return conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                " ORDER BY name").fetchall()

    assert indexes("full.sbx") == indexes("empty.sbx")
    assert any(name == "ties_a" for name, _ in indexes("full.sbx"))


def test_a_tie_to_a_missing_actor_is_refused_and_nothing_is_left(tmp_path):
    doc = _chain(3)
    doc.ties[9] = Tie("a0", "nobody", id=9)
    with pytest.raises(sqlite3.IntegrityError):
        Project.create(tmp_path / "p.sbx", doc)
    assert list(tmp_path.iterdir()) == []


def test_a_membership_of_a_missing_alliance_is_refused(tmp_path):
    from explorer.model.entities import Membership

    doc = _chain(3)
    doc.memberships[1] = Membership("nowhere", "a0", id=1)
    with pytest.raises(sqlite3.IntegrityError):
        Project.create(tmp_path / "p.sbx", doc)
    assert list(tmp_path.iterdir()) == []


def test_a_bloc_member_that_is_no_actor_is_refused(tmp_path):
    from explorer.model.entities import Bloc

    doc = _chain(3)
    doc.blocs["b"] = Bloc("b", "B", members=("a0", "ghost"))
    with pytest.raises(sqlite3.IntegrityError):
        Project.create(tmp_path / "p.sbx", doc)
    assert list(tmp_path.iterdir()) == []
