"""The project file: round trips, header, foreign keys, refusing bad files unchanged."""

from __future__ import annotations

import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from sbx_helpers import (
    BAD_FILE_WORDS,
    bad_files,
    make_document,
    sha256,
    side_files,
)

from explorer.model import Document
from explorer.store import APPLICATION_ID, SCHEMA_VERSION, Project, ProjectFileError
from explorer.store.probe import check_project_file


def test_create_open_round_trip_of_every_entity_kind(tmp_path, document):
    path = tmp_path / "p.sbx"
    Project.create(path, document).close()
    with Project.open(path) as project:
        again = project.document()
    assert again == document
    # Every kind is really present, so the equality above is not vacuous.
    assert all(
        len(getattr(again, kind)) >= 2
        for kind in ("regions", "actors", "alliances", "memberships", "ties", "blocs", "scenarios")
    )
    assert again.sources and again.title == document.title


def test_positions_and_settings_round_trip(project_path):
    with Project.open(project_path) as project:
        assert project.positions() == {
            "actor:SWE": (1.5, -2.0, True),
            "alliance:nato": (0.0, 0.0, False),
        }
        assert project.setting("view") == {"zoom": 1.25, "as_of": "2024-03-07"}
        assert project.setting("missing", "fallback") == "fallback"
        project.remove_positions(["actor:SWE"])
    with Project.open(project_path) as project:
        assert set(project.positions()) == {"alliance:nato"}


def test_create_without_a_document_and_refuses_to_overwrite(tmp_path):
    path = tmp_path / "empty.sbx"
    with Project.create(path) as project:
        assert project.document() == Document()
    before = sha256(path)
    with pytest.raises(FileExistsError):
        Project.create(path, make_document())
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.sbx"]


def test_application_id_and_user_version(project_path):
    header = project_path.read_bytes()[:100]
    assert struct.unpack(">i", header[68:72])[0] == APPLICATION_ID
    assert struct.unpack(">i", header[60:64])[0] == SCHEMA_VERSION
    conn = sqlite3.connect(project_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    with Project.open(project_path) as project:
        assert project.schema_version == SCHEMA_VERSION
    assert check_project_file(project_path) == SCHEMA_VERSION


def foreign_keys_on(project: Project) -> bool:
    return project._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_foreign_keys_on_in_every_connection(tmp_path, project_path, document):
    with Project.create(tmp_path / "new.sbx", document) as project:
        assert foreign_keys_on(project)
    with Project.open(project_path) as project:
        assert foreign_keys_on(project)
        project.save_as(tmp_path / "copy.sbx")
        assert foreign_keys_on(project)
        # ... and they are enforced, not only reported.
        with pytest.raises(sqlite3.IntegrityError):
            project._conn.execute(
                "INSERT INTO memberships (alliance, actor, role) VALUES ('nato', 'XXX', 'member')"
            )
    with Project.in_memory(document) as project:
        assert foreign_keys_on(project)


def test_foreign_keys_refuse_deleting_an_actor_still_referenced(project_path):
    with Project.open(project_path) as project:
        before = project.dump()
        with pytest.raises(sqlite3.IntegrityError):
            project.delete_actor("SWE")
        assert project.dump() == before


BAD_KINDS = sorted(BAD_FILE_WORDS)


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_bad_file_is_refused_with_a_message_and_left_unchanged(tmp_path, project_path, kind):
    path = bad_files(tmp_path, project_path)[kind]
    before = sha256(path) if path.is_file() else None
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(ProjectFileError) as info:
        Project.open(path)
    error = info.value
    assert BAD_FILE_WORDS[kind] in error.reason
    assert str(error).startswith(f"Cannot open '{path}': ")
    assert "\n" not in str(error) and "Traceback" not in str(error)
    assert error.path == str(path)
    if before is not None:
        assert sha256(path) == before
    assert not side_files(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
    if kind == "missing":
        assert not path.exists()


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_check_project_file_refuses_bad_files(tmp_path, project_path, kind):
    path = bad_files(tmp_path, project_path)[kind]
    with pytest.raises(ProjectFileError):
        check_project_file(path)


@pytest.mark.parametrize("value", [-1, -5, 2**31 - 1])
def test_damaged_user_version_is_refused(tmp_path, project_path, value):
    # A negative version once slipped past the "newer version" check into the migrations,
    # which failed with a KeyError instead of a ProjectFileError.
    data = bytearray(project_path.read_bytes())
    data[60:64] = struct.pack(">i", value)
    path = tmp_path / "damaged.sbx"
    path.write_bytes(bytes(data))
    before = sha256(path)
    with pytest.raises(ProjectFileError):
        Project.open(path)
    assert sha256(path) == before and not side_files(path)


def test_corrupt_cells_with_undecodable_text_give_project_file_error(tmp_path, project_path):
    # quick_check quotes damaged bytes in its report; decoding them used to raise
    # UnicodeDecodeError (and a damaged size field MemoryError) out of the probe.
    seen = 0
    whole = project_path.read_bytes()
    page_size = struct.unpack(">H", whole[16:18])[0]
    for page in range(2, len(whole) // page_size + 1):
        data = bytearray(whole)
        start = (page - 1) * page_size + page_size // 2
        data[start : start + 64] = b"\xff" * 64
        path = tmp_path / f"page{page}.sbx"
        path.write_bytes(bytes(data))
        try:
            Project.open(path).close()
        except ProjectFileError:
            seen += 1
        path.unlink()
    assert seen > 0


def test_other_app_database_with_our_name_is_not_touched(tmp_path):
    """A SQLite file whose application_id is 0 is never migrated into a project."""
    path = tmp_path / "blank.sbx"
    sqlite3.connect(path).close()  # a zero-byte "database": rejected as empty
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = sha256(path)
    with pytest.raises(ProjectFileError, match="another program"):
        Project.open(path)
    assert sha256(path) == before


def test_project_after_a_crash_mid_transaction_opens_with_last_commit(tmp_path, project_path):
    """SIGKILL inside a write transaction leaves a hot journal; the project must still open
    (SQLite rolls the journal back) rather than be reported corrupt."""
    code = f"""
import os, signal, sqlite3
conn = sqlite3.connect({str(project_path)!r}, isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO actors (id, name, kind) VALUES ('ZZZ', 'Ghost', 'state')")
conn.execute("CREATE TABLE ballast (x)")
conn.executemany("INSERT INTO ballast VALUES (?)", [(os.urandom(500),) for _ in range(4000)])
os.kill(os.getpid(), signal.SIGKILL)
"""
    subprocess.run([sys.executable, "-c", code], check=False)
    assert Path(f"{project_path}-journal").exists(), "the crash should leave a hot journal"
    with Project.open(project_path) as project:
        assert "ZZZ" not in project.document().actors
        assert project.document() == make_document()
        assert project._conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert not side_files(project_path)


def test_open_leaves_a_good_project_byte_identical(project_path):
    before = sha256(project_path)
    with Project.open(project_path) as project:
        project.document()
        project.dump()
        project.positions()
    assert sha256(project_path) == before
    assert not side_files(project_path)


def test_damaged_text_in_a_record_is_refused_or_readable(tmp_path, project_path):
    data = project_path.read_bytes()
    assert data.count(b"Hezbollah") >= 1
    path = tmp_path / "bad-text.sbx"
    path.write_bytes(data.replace(b"Hezbollah", b"\xffezbollah"))
    before = sha256(path)
    try:
        with Project.open(path) as project:
            project.document()
    except ProjectFileError:
        pass
    assert sha256(path) == before


def test_open_reports_progress_and_a_stopped_open_holds_nothing(tmp_path):
    from explorer.dataset import load_dataset
    from explorer.store import Project

    path = tmp_path / "p.sbx"
    Project.create(path, load_dataset()).close()
    seen: list[tuple[int, int]] = []
    with Project.open(path, progress=lambda done, total: seen.append((done, total))):
        pass
    assert seen[0] == (0, 100) and seen[-1] == (100, 100)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)

    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        if done >= 80:
            raise Stop

    with pytest.raises(Stop):
        Project.open(path, progress=stop)
    # no lock and no half-read document left behind: it opens for writing again
    with Project.open(path) as project:
        assert len(project.document().actors) > 80


def test_reading_the_records_reports_progress_too(tmp_path):
    """Past the figures, the actors, memberships and ties of a big project are read with
    progress (a second at 50,000 actors), and a stop there holds nothing either."""
    from explorer.store import Project
    from explorer.synthetic import synthetic_document

    path = tmp_path / "big.sbx"
    Project.create(path, synthetic_document(12_000, 300, 3, n_ties=12_000)).close()
    seen: list[int] = []
    with Project.open(path, progress=lambda done, total: seen.append(done)):
        pass
    records = [d for d in seen if 65 < d < 100]
    assert len(set(records)) >= 4, seen  # several steps while the records are read
    assert seen == sorted(seen) and seen[-1] == 100

    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        if done > 70:
            raise Stop

    with pytest.raises(Stop):
        Project.open(path, progress=stop)
    with Project.open(path) as project:
        assert len(project.document().actors) == 12_000
