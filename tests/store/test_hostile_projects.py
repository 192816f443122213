"""Hostile project files: a colleague's .sbx may carry triggers, views, virtual tables,
unknown tables or huge values. Each is refused with a clear message, nothing in it runs,
and the file is left exactly as it was."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from explorer.model.entities import Actor, Document
from explorer.store import Project, ProjectFileError
from explorer.store.vetting import MAX_CELL


def _project(tmp_path) -> str:
    doc = Document(title="Hostile")
    doc.actors["TUR"] = Actor("TUR", "Türkiye")
    path = tmp_path / "p.sbx"
    Project.create(path, doc).close()
    return str(path)


def _digest(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


CASES = {
    "trigger": ("CREATE TABLE IF NOT EXISTS settings_copy (x); "
                "CREATE TRIGGER spy AFTER UPDATE ON actors BEGIN "
                "DELETE FROM actors; END", "triggers"),
    "view": ("CREATE VIEW everything AS SELECT * FROM actors", "views"),
    "virtual": ("CREATE VIRTUAL TABLE hidden USING fts5(body)", "virtual tables"),
    "unknown table": ("CREATE TABLE payload (x BLOB)", "tables this program does not know"),
    "missing table": ("DROP TABLE positions", "tables of a project are missing"),
    "junk rows": ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                  "WHERE i < 5000001) INSERT INTO settings SELECT 'k' || i, '1' FROM n",
                  "more than a project can hold"),
    "huge value": (f"UPDATE actors SET notes = hex(zeroblob({MAX_CELL // 2 + 10}))",
                   "larger than"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file_is_refused_and_left_unchanged(tmp_path, case):
    path = _project(tmp_path)
    sql, message = CASES[case]
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(ProjectFileError, match=message):
        Project.open(path)
    assert _digest(path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM actors").fetchone()[0] == 1  # nothing ran
    conn.close()


def test_a_clean_project_passes(tmp_path):
    path = _project(tmp_path)
    with Project.open(path) as project:
        assert project.document().actors["TUR"].name == "Türkiye"
