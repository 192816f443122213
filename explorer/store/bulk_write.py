"""Filling a brand-new project file in one go (a new project, an import).

The file is a temporary one nobody else can see yet (:meth:`Project.create` renames it
into place afterwards), which allows what an open project cannot: secondary indexes are
dropped and built once at the end (sorting once beats inserting 400,000 keys one by one),
and foreign keys are checked in one pass after the rows are in rather than per row.
Rows are written in chunks with progress reported after each, so a long write can be
shown and cancelled: an exception from the callback rolls everything back.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any, cast

from explorer.model.entities import Document
from explorer.model.progress import Progress
from explorer.store import rows

#: Rows per executemany between two progress reports.
CHUNK = 20_000


class _Counting:
    """A connection stand-in whose executemany writes in chunks and reports progress."""

    def __init__(self, conn: sqlite3.Connection, total: int, progress: Progress | None) -> None:
        self._conn = conn
        self.done = 0
        self.total = max(total, 1)
        self._progress = progress

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, params)

    def executemany(self, sql: str, many: Iterable[Any]) -> None:
        batch = many if isinstance(many, list) else list(many)
        for start in range(0, len(batch), CHUNK):
            chunk = batch[start : start + CHUNK]
            self._conn.executemany(sql, chunk)
            self.tick(len(chunk))

    def tick(self, n: int) -> None:
        self.done += n
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)


def _row_count(doc: Document | None, positions: Mapping[str, Any]) -> int:
    """About how many rows the write makes (the progress bar's length)."""
    n = len(positions)
    if doc is not None:
        extras = doc.extras
        n += 2 * len(doc.actors) + len(doc.memberships) + len(doc.ties)
        n += len(extras.styles) + len(extras.edges)
        n += sum(len(values) for values in extras.attributes.values())
    return n


#: Tables whose references :func:`_check_references` checks in Python: the big ones,
#: where SQLite's check (a lookup per row) took half a second at 200,000 ties.
_CHECKED_HERE = ("ties", "memberships")


def _check_references(conn: sqlite3.Connection, document: Document | None) -> None:
    """Every stored reference points at a stored record, else sqlite3.IntegrityError."""
    if document is not None:
        actors = {a.id for a in document.actors.values()}
        alliances = {a.id for a in document.alliances.values()}
        if any(t.a not in actors or t.b not in actors for t in document.ties.values()) or any(
            m.actor not in actors or m.alliance not in alliances
            for m in document.memberships.values()
        ):
            raise sqlite3.IntegrityError("FOREIGN KEY constraint failed")
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        if table in _CHECKED_HERE and document is not None:
            continue
        if conn.execute(f'PRAGMA foreign_key_check("{table}")').fetchone() is not None:
            raise sqlite3.IntegrityError("FOREIGN KEY constraint failed")


def fill_new_file(
    conn: sqlite3.Connection,
    document: Document | None,
    positions: Mapping[str, tuple[float, float, bool]] | None = None,
    settings: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
) -> None:
    """Write ``document``, node ``positions`` and view ``settings`` into the freshly
    migrated, still private project file behind ``conn`` in one transaction.

    Raises sqlite3.IntegrityError (and writes nothing) when a record refers to one that
    does not exist, as a per-row foreign key check would.
    """
    positions = positions or {}
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall()
    counting = _Counting(conn, _row_count(document, positions), progress)
    conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction: set first
    conn.execute("BEGIN IMMEDIATE")
    try:
        for name, _sql in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        if document is not None:
            rows.write_document(cast(sqlite3.Connection, counting), document)
        counting.executemany(  # in key order: appended to its index, not spread over it
            "INSERT OR REPLACE INTO positions (node, x, y, pinned) VALUES (?, ?, ?, ?)",
            sorted((node, float(x), float(y), int(p)) for node, (x, y, p) in positions.items()),
        )
        conn.executemany(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            [(key, json.dumps(value, sort_keys=True)) for key, value in (settings or {}).items()],
        )
        for _name, sql in indexes:  # the same statements: the schema reads as before
            conn.execute(sql)
        _check_references(conn, document)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    if progress is not None:
        progress(counting.total, counting.total)
