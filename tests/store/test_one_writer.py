"""One writer per project: a second opener is told who has it and since when; a lock of a
dead process is taken over; outside changes are noticed and never overwritten."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
import sqlite3

import pytest

from explorer.model.entities import Actor, Document
from explorer.store import OutsideChange, Project, ProjectLocked, ReadOnlyProject
from explorer.store.lock import lock_path


def _make(tmp_path):
    doc = Document(title="Shared")
    doc.actors["TUR"] = Actor("TUR", "Türkiye", notes="")
    path = tmp_path / "p.sbx"
    Project.create(path, doc).close()
    return path


def _hold(path, ready, release):
    project = Project.open(path)
    ready.set()
    release.wait(30)
    project.close()


def test_a_second_process_is_refused_while_the_first_writes(tmp_path):
    path = _make(tmp_path)
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(path, ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(ProjectLocked) as info:
            Project.open(path)
        assert f"process {holder.pid}" in str(info.value) and "since" in str(info.value)
        # read-only still works, and refuses edits
        with Project.open(path, read_only=True) as snapshot:
            assert snapshot.read_only
            with pytest.raises(ReadOnlyProject):
                snapshot.put_actor(Actor("FRA", "France"))
    finally:
        release.set()
        holder.join(30)
    with Project.open(path) as project:  # released on close
        assert not project.read_only
    assert not lock_path(path).exists()


def test_a_dead_writers_lock_is_taken_over(tmp_path):
    path = _make(tmp_path)
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold, args=(path, ready, release))
    holder.start()
    assert ready.wait(30)
    os.kill(holder.pid, signal.SIGKILL)
    holder.join(30)
    assert lock_path(path).exists()  # left behind by the crash…
    with Project.open(path) as project:  # …and taken over
        assert project.document().actors["TUR"].name == "Türkiye"


def test_a_stale_write_is_refused_and_the_outside_edit_kept(tmp_path):
    """The issue's case: B sets Türkiye's notes, A renames Türkiye from its old copy."""
    path = _make(tmp_path)
    a = Project.open(path)
    old = a.document().actors["TUR"]
    outside = sqlite3.connect(path)  # another program that ignores the lock
    outside.execute("UPDATE actors SET notes = 'set by B' WHERE id = 'TUR'")
    outside.commit()
    outside.close()
    events = []
    a.subscribe(events.append)
    with pytest.raises(OutsideChange):
        a.put_actor(dataclasses.replace(old, name="Turkey"))
    assert [e.kind for e in events] == ["reloaded"]
    fresh = a.document().actors["TUR"]
    assert fresh.notes == "set by B" and fresh.name == "Türkiye"
    a.put_actor(dataclasses.replace(fresh, name="Turkey"))  # made again: both kept
    a.close()
    with Project.open(path, read_only=True) as check:
        tur = check.document().actors["TUR"]
    assert (tur.name, tur.notes) == ("Turkey", "set by B")


def test_polling_notices_outside_changes(tmp_path):
    path = _make(tmp_path)
    with Project.open(path) as a:
        assert not a.check_outside_changes()
        outside = sqlite3.connect(path)
        outside.execute("UPDATE actors SET name = 'Turkey' WHERE id = 'TUR'")
        outside.commit()
        outside.close()
        assert a.check_outside_changes()
        assert a.document().actors["TUR"].name == "Turkey"
