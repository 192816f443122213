"""Read-only checks that a file is a usable project, before anything opens it for writing.

The header is read as bytes, so a wrong file is rejected without SQLite touching it; the
integrity check then runs on a read-only connection. Nothing here writes to disk.
"""

from __future__ import annotations

import os
import sqlite3
import struct
from pathlib import Path

from explorer.store.errors import ProjectFileError
from explorer.store.schema import APPLICATION_ID, SCHEMA_VERSION
from explorer.store.vetting import vet

_MAGIC = b"SQLite format 3\x00"


def check_project_file(path: str | os.PathLike[str]) -> int:
    """Raise ProjectFileError unless ``path`` is an intact project we can read.

    Returns the file's schema version (which may be older than ours: it is then migrated
    when opened for writing).
    """
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise ProjectFileError(name, "the file does not exist.")
    if path.is_dir():
        raise ProjectFileError(name, "it is a folder, not a project file.")
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise ProjectFileError(name, f"it cannot be read ({exc.strerror}).") from None
    size = path.stat().st_size
    if size == 0:
        raise ProjectFileError(name, "the file is empty.")
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise ProjectFileError(
            name, "it is not a Strategic Balance Explorer project (not a SQLite database)."
        )
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    page_count = struct.unpack(">I", header[28:32])[0]
    user_version = struct.unpack(">I", header[60:64])[0]
    application_id = struct.unpack(">i", header[68:72])[0]
    if application_id != APPLICATION_ID:
        raise ProjectFileError(
            name,
            "it is a SQLite database of another program, not a Strategic Balance Explorer project.",
        )
    if user_version > SCHEMA_VERSION:
        raise ProjectFileError(
            name,
            f"it was written by a newer version of the program (file schema {user_version}, "
            f"this version reads up to {SCHEMA_VERSION}). Update the program to open it.",
        )
    if page_size < 512 or page_count == 0 or size < page_size * page_count:
        raise ProjectFileError(
            name, f"the file is truncated ({size} bytes, its header expects "
            f"{page_size * page_count}). Restore it from a backup or recovery copy."
        )
    _check_integrity(path, user_version)
    return user_version


def _check_integrity(path: Path, version: int) -> None:
    uri = f"{path.resolve().as_uri()}?mode={'rw' if Path(f'{path}-journal').exists() else 'ro'}"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise ProjectFileError(str(path), f"SQLite cannot open it ({exc}).") from None
    try:
        # nothing the file carries may run while it is read (a trigger, a view)
        conn.execute("PRAGMA trusted_schema = OFF")
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if rows == [("ok",)]:
            vet(conn, str(path), version)
    except (sqlite3.DatabaseError, UnicodeDecodeError, MemoryError) as exc:
        raise ProjectFileError(str(path), f"the database is corrupt ({exc}).") from None
    finally:
        conn.close()
    if rows != [("ok",)]:
        detail = "; ".join(" ".join(str(r[0]).split()) for r in rows[:3])
        raise ProjectFileError(str(path), f"the database is corrupt ({detail}).")
