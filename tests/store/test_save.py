"""Save a copy / Save As: identical content, intact file, atomic replacement."""

from __future__ import annotations

import os
import sqlite3

import pytest
from sbx_helpers import make_document, sha256, side_files

from explorer.model import Actor
from explorer.store import APPLICATION_ID, SCHEMA_VERSION, Project
from explorer.store.probe import check_project_file


def integrity(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp" in p.name)


def test_save_copy_gives_an_identical_intact_project(tmp_path, project_path):
    destination = tmp_path / "copy.sbx"
    with Project.open(project_path) as project:
        returned = project.save_copy(destination)
        dump = project.dump()
        assert project.path == project_path  # still working on the original
    assert returned == destination.resolve()
    assert check_project_file(destination) == SCHEMA_VERSION
    assert integrity(destination) == [("ok",)]
    with Project.open(destination) as copy:
        assert copy.dump() == dump
        assert copy.document() == make_document()
    assert not side_files(destination) and leftovers(tmp_path) == []


def test_save_copy_replaces_an_existing_destination(tmp_path, project_path):
    destination = tmp_path / "old.sbx"
    destination.write_text("an old file that is replaced whole")
    with Project.open(project_path) as project:
        project.save_copy(destination)
        dump = project.dump()
    with Project.open(destination) as copy:
        assert copy.dump() == dump


def test_save_copy_of_an_in_memory_project(tmp_path):
    with Project.in_memory(make_document()) as project:
        project.save_copy(tmp_path / "memory.sbx")
        dump = project.dump()
    conn = sqlite3.connect(tmp_path / "memory.sbx")
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
    with Project.open(tmp_path / "memory.sbx") as copy:
        assert copy.dump() == dump


def test_save_copy_onto_the_project_itself_is_refused(project_path):
    before = sha256(project_path)
    with Project.open(project_path) as project, pytest.raises(ValueError):
        project.save_copy(project_path)
    assert sha256(project_path) == before


def test_save_as_continues_on_the_copy(tmp_path, project_path):
    original = sha256(project_path)
    destination = tmp_path / "renamed.sbx"
    with Project.open(project_path) as project:
        project.save_as(destination)
        assert project.path == destination.resolve()
        project.put_actor(Actor("NOR", "Norway"))
        assert "NOR" in project.document().actors
    assert sha256(project_path) == original
    with Project.open(destination) as copy:
        assert "NOR" in copy.document().actors
    assert check_project_file(destination) == SCHEMA_VERSION
    assert integrity(destination) == [("ok",)]


class FailingBackup:
    """A connection whose backup copies one page and then fails, like a full disk."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def backup(self, target, **_kwargs) -> None:
        def progress(status, remaining, total):
            raise OSError(28, "No space left on device")

        self._conn.backup(target, pages=1, progress=progress)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def failing_backup(project: Project) -> None:
    project._conn = FailingBackup(project._conn)


def failing_fsync(monkeypatch) -> None:
    def boom(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", boom)


def failing_replace(monkeypatch) -> None:
    def boom(src, dst):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", boom)


@pytest.mark.parametrize("failure", ["backup", "fsync", "replace"])
@pytest.mark.parametrize("method", ["save_copy", "save_as"])
def test_a_failed_save_leaves_the_old_destination_intact(
    monkeypatch, tmp_path, project_path, failure, method
):
    destination = tmp_path / "existing.sbx"
    with Project.create(destination, make_document()) as other:
        other.put_actor(Actor("NOR", "Norway"))
        old_dump = other.dump()
    old_hash = sha256(destination)
    project = Project.open(project_path)
    own_dump = project.dump()
    if failure == "backup":
        failing_backup(project)
    elif failure == "fsync":
        failing_fsync(monkeypatch)
    else:
        failing_replace(monkeypatch)
    with pytest.raises(OSError):
        getattr(project, method)(destination)
    monkeypatch.undo()
    # The destination is the old file, whole; no temporary file is left behind.
    assert sha256(destination) == old_hash
    assert leftovers(tmp_path) == []
    # The project itself is still open on its own file and still works.
    assert project.path == project_path
    assert project.dump() == own_dump
    project.put_actor(Actor("DNK", "Denmark"))
    project.close()
    with Project.open(destination) as copy:
        assert copy.dump() == old_dump
    with Project.open(project_path) as again:
        assert "DNK" in again.document().actors


def _leave_a_temp_and_die(destination: str) -> None:
    # A save that is killed half-way: the child holds its temporary file and dies.
    from pathlib import Path

    from explorer.store.temp_files import temp_beside

    with temp_beside(Path(destination)):
        os._exit(0)


def test_a_killed_save_leaves_a_temp_that_the_next_save_removes(tmp_path, project_path):
    import multiprocessing

    destination = (tmp_path / "copy.sbx").resolve()
    child = multiprocessing.get_context("fork").Process(
        target=_leave_a_temp_and_die, args=(str(destination),)
    )
    child.start()
    child.join(30)
    assert len(leftovers(tmp_path)) == 1
    with Project.open(project_path) as project:
        project.save_copy(destination)
    assert leftovers(tmp_path) == []
    assert integrity(destination) == [("ok",)]


def test_a_save_in_progress_elsewhere_keeps_its_temp(tmp_path, project_path):
    from explorer.store.temp_files import temp_beside

    destination = (tmp_path / "copy.sbx").resolve()
    with temp_beside(destination) as in_progress:
        with Project.open(project_path) as project:
            project.save_copy(destination)
        assert in_progress.exists()
    assert leftovers(tmp_path) == []
