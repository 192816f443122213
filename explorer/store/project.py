"""An open project file: every change is written in its own transaction as it happens.

The project is the document's single source of truth. Views subscribe to change events;
the command layer (``explorer.commands``) is the only intended writer of the document.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explorer.model.entities import (
    Capability,
    Document,
)
from explorer.model.progress import Progress, part
from explorer.store import rows
from explorer.store.bulk_write import fill_new_file
from explorer.store.errors import OutsideChange, ProjectFileError, ReadOnlyProject
from explorer.store.lock import WriterLock
from explorer.store.probe import check_project_file
from explorer.store.record_edits import ProjectRecordEdits
from explorer.store.schema import APPLICATION_ID, SCHEMA_VERSION, migrate
from explorer.store.temp_files import temp_beside
from explorer.store.view_state_rows import ProjectViewState


@dataclass(frozen=True)
class ChangeEvent:
    """What changed: ``kind`` is the table touched (``actors``, ``positions`` ...),
    ``key`` the id of the row or None for bulk changes."""

    kind: str
    key: Any = None


Listener = Callable[[ChangeEvent], None]


def _connect(path: Path) -> sqlite3.Connection:
    # Autocommit mode: transactions are opened explicitly, so every write is bounded.
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    # defence in depth: even if vetting missed one, nothing the file carries runs
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def _figure_tuples(figures: dict[str, list[Capability]],
                   progress: Callable[[int, int], None] | None,
                   ) -> dict[str, tuple[Capability, ...]]:
    """Each actor's figures as a tuple (the cache is shared: nothing may append to it);
    ``progress`` hears every 10,000 actors (50,000 take a third of a second)."""
    out: dict[str, tuple[Capability, ...]] = {}
    for done, (actor, got) in enumerate(figures.items()):
        if progress is not None and done % 10_000 == 0:
            progress(done, len(figures))
        out[actor] = tuple(got)
    return out


class Project(ProjectRecordEdits, ProjectViewState):
    """A project file opened for reading and writing."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn
        self._listeners: list[Listener] = []
        self._depth = 0
        self._pending: list[ChangeEvent] = []
        self._document: Document | None = None
        self._lock: WriterLock | None = None
        #: True when opened read-only (another window holds the project): writes refused
        self.read_only = False
        self._stale = False
        self._data_version = self._current_data_version()
        # Figures by actor, kept across edits: re-reading ~26 000 rows after every change
        # would cost more than the change. Only put_actor/delete_actor write figures, so
        # they keep it current; a rollback drops it (None: read again on next use).
        self._figures: dict[str, tuple[Capability, ...]] | None = None
        # saved positions, read once and kept until something writes them (every
        # model rebuild asks; at 10,000 nodes reading them costs a tenth of a second)
        self._positions: dict[str, tuple[float, float, bool]] | None = None

    # ----- opening and creating -------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        document: Document | None = None,
        *,
        positions: Mapping[str, tuple[float, float, bool]] | None = None,
        settings: Mapping[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> Project:
        """Create a new project file at ``path`` (which must not exist), filled from
        ``document``, node ``positions`` (x, y, pinned) and view ``settings``.

        The file is built beside its destination and renamed into place, so a failure,
        or an exception raised by ``progress`` to cancel, never leaves a project behind.
        """
        path = Path(path)
        if path.exists():
            raise FileExistsError(f"'{path}' already exists.")
        with temp_beside(path.absolute()) as tmp:
            conn = _connect(tmp)
            try:
                migrate(conn)
                if document is not None or positions or settings:
                    fill_new_file(conn, document, positions, settings, progress)
            finally:
                conn.close()
            os.replace(tmp, path)
        # the file was just written from a validated document at the current schema:
        # the checks that guard opening an unknown file (integrity check, a read of every
        # record) would only cost time, seconds at 100,000 nodes
        lock = WriterLock.acquire(path)
        try:
            project = cls(path, _connect(path))
        except BaseException:
            lock.release()
            raise
        project._lock = lock
        return project

    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool = False,
             progress: Callable[[int, int], None] | None = None) -> Project:
        """Open an existing project, migrating an older schema upward.

        Raises ProjectFileError, without touching the file, when it is not a usable
        project, and ProjectLocked when another window or process has it open for
        writing. ``read_only``: a snapshot in memory, never written back (and no lock).
        ``progress(done, 100)``: see :meth:`document`; an exception it raises ends the
        opening with nothing held (no lock, no connection).
        """
        path = Path(path)
        version = check_project_file(path)
        if read_only:
            return cls._snapshot(path)
        lock = WriterLock.acquire(path)
        try:
            project = cls._open_locked(path, version, progress)
        except BaseException:
            lock.release()
            raise
        project._lock = lock
        return project

    @classmethod
    def _snapshot(cls, path: Path) -> Project:
        """The file's contents copied into memory (older schemas migrated there)."""
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            source.backup(conn)
        finally:
            source.close()
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
        project = cls(path, conn)
        project.read_only = True
        return project

    @classmethod
    def _open_locked(cls, path: Path, version: int,
                     progress: Callable[[int, int], None] | None = None) -> Project:
        conn = _connect(path)
        if version < SCHEMA_VERSION:
            try:
                migrate(conn)
            except sqlite3.Error as exc:
                conn.close()
                raise ProjectFileError(str(path), f"upgrading its schema failed ({exc}).") from None
        project = cls(path, conn)
        # Damage inside a record passes SQLite's integrity check; reading everything once
        # here turns it into the one clear error instead of a failure later.
        try:
            project.document(progress)
            project.positions()
        except (sqlite3.Error, UnicodeDecodeError, ValueError, TypeError) as exc:
            conn.close()
            raise ProjectFileError(
                str(path), f"some of its records are damaged and cannot be read ({exc})."
            ) from None
        except BaseException:  # stopped by the caller (Cancel, Ctrl+C): hold nothing
            conn.close()
            raise
        return project

    @classmethod
    def in_memory(cls, document: Document | None = None) -> Project:
        """A project with no file, for the CLI's read-only use of the bundled dataset."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
        if document is not None:
            conn.execute("BEGIN")
            rows.write_document(conn, document)
            conn.execute("COMMIT")
        project = cls(Path(":memory:"), conn)
        if document is not None:
            project._figures = {
                a.id: rows.stored_figures(a.capabilities)
                for a in document.actors.values()
                if a.capabilities
            }
        return project

    def close(self) -> None:
        self._conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----- transactions and events ----------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one transaction; nested uses join the outer one.

        Events are delivered only after the outermost transaction commits, so listeners
        never see a state that could still be rolled back.
        """
        reloaded = False
        if self._depth == 0:
            self._conn.execute("BEGIN IMMEDIATE")
            reloaded = self._follow_outside_changes()
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._conn.execute("ROLLBACK")
                self._pending.clear()
                self._document = None
                self._figures = None
                self._positions = None
                self._stale = False
                if reloaded:
                    self._notify([ChangeEvent("reloaded", None)])
            raise
        self._depth -= 1
        if self._depth == 0:
            self._conn.execute("COMMIT")
            self._stale = False
            events, self._pending = self._pending, []
            if reloaded:
                events.insert(0, ChangeEvent("reloaded", None))
            self._notify(events)

    def _notify(self, events: list[ChangeEvent]) -> None:
        for event in events:
            for listener in list(self._listeners):
                listener(event)

    def _current_data_version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def _follow_outside_changes(self) -> bool:
        """Called at the start of each write: if another connection committed since we
        last read, drop what we cached; document writes of this transaction are then
        refused (they were computed from the old state)."""
        version = self._current_data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        self._document = None
        self._figures = None
        self._positions = None
        self._stale = True
        return True

    def check_outside_changes(self) -> bool:
        """Reload if another program changed the file; True when it did (the window polls
        this so it shows the new state before the user's next edit)."""
        if self._depth or self.read_only:
            return False
        if self._current_data_version() == self._data_version:
            return False
        self._data_version = self._current_data_version()
        self._document = None
        self._figures = None
        self._positions = None
        self._notify([ChangeEvent("reloaded", None)])
        return True

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _changed(self, kind: str, key: Any = None) -> None:
        if kind != "settings":
            self._positions = None  # deleting a record deletes its node's position too
        if kind not in ("positions", "settings"):
            if self.read_only:
                raise ReadOnlyProject(
                    "This project is open read-only (another window has it open for "
                    "writing); the edit was not made. Use File ▸ Save As to keep a copy.")
            if self._stale:
                raise OutsideChange(
                    "The project was changed outside this window and has been reloaded; "
                    "the edit was not written. Make it again on what is shown now.")
            self._document = None
        self._pending.append(ChangeEvent(kind, key))

    # ----- reading --------------------------------------------------------------------

    def document(self, progress: Callable[[int, int], None] | None = None) -> Document:
        """The current document. Cached until the next change; treat it as read-only.

        ``progress(done, 100)`` follows a read from the file (figures are most of it); it
        may raise to stop the read, which leaves nothing cached."""
        if self._document is None:
            if self._figures is None:
                self._figures = _figure_tuples(
                    rows.read_figures(self._conn, part(progress, 0.0, 0.6, 100)),
                    part(progress, 0.6, 0.65, 100))
            self._document = rows.read_document(self._conn, self._figures,
                                                part(progress, 0.65, 1.0, 100))
            if progress is not None:
                progress(100, 100)
        return self._document

    @property
    def title(self) -> str:
        return self.document().title

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def dump(self) -> str:
        """Canonical text of every row; equal dumps mean identical projects."""
        return rows.dump(self._conn)

    def counts(self) -> dict[str, int]:
        """Records per table; from the cached document when there is one, else counted
        in SQL (an import's summary need not read 100,000 records back)."""
        tables = ("actors", "alliances", "memberships", "ties", "blocs", "scenarios")
        doc = self._document
        if doc is not None:
            return {t: len(getattr(doc, t)) for t in tables}
        return {t: int(self._conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
                for t in tables}

    # ----- copies ---------------------------------------------------------------------

    def save_copy(self, destination: str | os.PathLike[str]) -> Path:
        """Write a consistent copy to ``destination`` through the SQLite backup API.

        The copy is built in a temporary file in the destination folder and renamed into
        place, so the destination is either the old file or the complete new one.
        """
        destination = Path(destination).resolve()
        if self.path != Path(":memory:") and destination == self.path.resolve():
            raise ValueError("The copy's destination is the project itself.")
        with temp_beside(destination) as tmp:
            target = sqlite3.connect(tmp)
            try:
                self._conn.backup(target)
                target.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            finally:
                target.close()
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, destination)
        return destination

    def save_as(self, destination: str | os.PathLike[str]) -> None:
        """Copy the project to ``destination`` and continue working on the copy."""
        new_path = self.save_copy(destination)
        new_lock = WriterLock.acquire(new_path)
        new_conn = _connect(new_path)
        self._conn.close()
        if self._lock is not None:
            self._lock.release()
        self._lock = new_lock
        self._conn = new_conn
        self.path = new_path
        self.read_only = False  # a read-only snapshot saved under a new name is ours
        self._data_version = self._current_data_version()
        self._document = None
