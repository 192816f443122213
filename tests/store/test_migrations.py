"""Schema migrations: upward, in a transaction, rolled back on failure, file unchanged."""

from __future__ import annotations

import sqlite3

import pytest
from sbx_helpers import make_document, sha256, side_files

import explorer.store.probe
import explorer.store.project
import explorer.store.schema
from explorer.store import Project, ProjectFileError
from explorer.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate

#: The version a hypothetical next migration would bring a current file to.
NEXT = SCHEMA_VERSION + 1


def use_migrations(monkeypatch, migrations) -> None:
    """Pretend the program's schema has ``migrations`` (every module that reads the version)."""
    version = max(migrations)
    monkeypatch.setattr(explorer.store.schema, "MIGRATIONS", migrations)
    for module in (explorer.store.schema, explorer.store.project, explorer.store.probe):
        monkeypatch.setattr(module, "SCHEMA_VERSION", version)


def add_extras(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE extras (id INTEGER PRIMARY KEY, note TEXT)")
    conn.execute("INSERT INTO extras (note) VALUES ('added by v2')")


def add_then_fail(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE broken (x)")
    conn.execute("INSERT INTO broken VALUES (1)")
    conn.execute("UPDATE actors SET name = 'changed'")
    conn.execute("SELECT * FROM no_such_table")  # fails: sqlite3.OperationalError


def tables(path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def user_version(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_migrate_builds_the_current_schema_from_nothing():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    assert migrate(conn) == max(MIGRATIONS)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == max(MIGRATIONS)
    assert migrate(conn) == max(MIGRATIONS)  # idempotent once up to date
    conn.close()


def test_an_older_project_is_migrated_when_opened(monkeypatch, project_path):
    use_migrations(monkeypatch, {**MIGRATIONS, NEXT: add_extras})
    with Project.open(project_path) as project:
        assert project.schema_version == NEXT
        assert project.document() == make_document()
        assert project._conn.execute("SELECT note FROM extras").fetchall() == [("added by v2",)]
    assert user_version(project_path) == NEXT


def test_a_failing_migration_rolls_back_and_leaves_the_file_unchanged(monkeypatch, project_path):
    use_migrations(monkeypatch, {**MIGRATIONS, NEXT: add_then_fail})
    before = sha256(project_path)
    with pytest.raises(ProjectFileError, match="upgrading its schema failed"):
        Project.open(project_path)
    assert sha256(project_path) == before
    assert not side_files(project_path)
    assert "broken" not in tables(project_path)
    assert user_version(project_path) == SCHEMA_VERSION
    # The program without the broken migration still opens it as it was.
    monkeypatch.undo()
    with Project.open(project_path) as project:
        assert project.document() == make_document()


def test_a_failing_migration_in_a_new_project_leaves_nothing_behind(monkeypatch, tmp_path):
    use_migrations(monkeypatch, {**MIGRATIONS, NEXT: add_then_fail})
    with pytest.raises(sqlite3.OperationalError):
        Project.create(tmp_path / "new.sbx", make_document())
    assert list(tmp_path.iterdir()) == []


def test_all_migration_steps_run_in_one_transaction(monkeypatch, project_path):
    use_migrations(monkeypatch, {**MIGRATIONS, NEXT: add_extras, NEXT + 1: add_then_fail})
    before = sha256(project_path)
    with pytest.raises(ProjectFileError):
        Project.open(project_path)
    assert user_version(project_path) == SCHEMA_VERSION
    assert "extras" not in tables(project_path)
    assert sha256(project_path) == before
