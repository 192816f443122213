"""A project file is a SQLite database a colleague may send: before it is used, check that
it holds only what this program creates — no triggers, views or virtual tables that could
run code or hide data, no tables we do not know, nothing too big to load.

The expected schema is not written down here: it is built at run time by running the
real migrations on an empty in-memory database, so it follows every schema change.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache

from explorer.store.errors import ProjectFileError

#: A table with more rows than this is junk, not a project (the default has ~26 000).
MAX_ROWS = 5_000_000
#: A single cell larger than this (bytes) is refused: notes and series are far smaller.
MAX_CELL = 16 * 1024 * 1024
_INTERNAL = ("sqlite_",)


@lru_cache(maxsize=8)
def expected_schema(version: int) -> dict[str, frozenset[str]]:
    """Object type ("table", "index") -> names, as our migrations make them at ``version``."""
    from explorer.store.schema import MIGRATIONS

    conn = sqlite3.connect(":memory:")
    try:
        for step in range(1, version + 1):
            MIGRATIONS[step](conn)
        return _objects(conn)
    finally:
        conn.close()


def _objects(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master"):
        if not name.startswith(_INTERNAL):
            out.setdefault(kind, set()).add(name)
    return {k: frozenset(v) for k, v in out.items()}


def vet(conn: sqlite3.Connection, path: str, version: int) -> None:
    """Raise ProjectFileError when the open database ``conn`` holds anything we would not
    have written at schema ``version``; nothing in it is executed or changed."""
    if version < 1:
        return
    wanted = expected_schema(version)
    found = _objects(conn)
    virtual = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")]
    if virtual:
        raise ProjectFileError(path, "it contains virtual tables this program never creates "
                               f"({', '.join(sorted(virtual)[:5])}); it was not opened.")
    for kind in ("trigger", "view"):
        if found.get(kind):
            raise ProjectFileError(
                path, f"it contains {kind}s this program never creates "
                f"({', '.join(sorted(found[kind])[:5])}): a file changed by another tool, or "
                "one made to run code when edited. It was not opened.")
    extra = sorted(found.get("table", frozenset()) - wanted.get("table", frozenset()))
    if extra:
        raise ProjectFileError(path, f"it contains tables this program does not know "
                               f"({', '.join(extra[:5])}); it was not opened.")
    missing = sorted(wanted.get("table", frozenset()) - found.get("table", frozenset()))
    if missing:
        raise ProjectFileError(path, f"tables of a project are missing ({', '.join(missing[:5])})"
                               "; it was not opened.")
    for table in sorted(wanted.get("table", frozenset())):
        _check_size(conn, path, table)


def _check_size(conn: sqlite3.Connection, path: str, table: str) -> None:
    rows = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    if rows > MAX_ROWS:
        raise ProjectFileError(path, f"its table {table} has {rows:,} rows, more than a project "
                               f"can hold ({MAX_ROWS:,}); it was not opened.")
    columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    if not columns or not rows:
        return
    biggest = ", ".join(f'max(length(CAST("{c}" AS BLOB)))' for c in columns)
    sizes = conn.execute(f'SELECT {biggest} FROM "{table}"').fetchone()
    if any(s is not None and s > MAX_CELL for s in sizes):
        raise ProjectFileError(path, f"its table {table} holds a value larger than "
                               f"{MAX_CELL // (1024 * 1024)} MB; it was not opened.")
