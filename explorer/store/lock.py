"""One writer per project: a lock file beside it (``.NAME.sbx.lock``) held under an
exclusive ``flock`` by the process that has the project open for writing, and holding who
and since when, for the message another window shows.

The kernel drops a ``flock`` when its process dies, so a crashed window's lock is free
and simply taken over — the same rule Save As uses to tell dead writers from live ones.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; every open then counts as the only writer
    fcntl = None  # type: ignore[assignment]


def lock_path(project: Path) -> Path:
    return project.with_name(f".{project.name}.lock")


@dataclass(frozen=True)
class Holder:
    """Who holds a project open for writing."""

    pid: int
    host: str
    since: str  # ISO time

    def words(self) -> str:
        """"open in another window since 14:02" (another program, another computer)."""
        try:
            when = dt.datetime.fromisoformat(self.since)
            at = when.strftime("%H:%M") if when.date() == dt.date.today() else \
                when.strftime("%Y-%m-%d %H:%M")
        except ValueError:
            at = "an unknown time"
        if self.host and self.host != socket.gethostname():
            return f"open on {self.host} since {at}"
        if self.pid == os.getpid():
            return f"open in another window of this program since {at}"
        return f"open in another window since {at} (process {self.pid})"


class ProjectLocked(Exception):
    """The project is open for writing elsewhere; ``holder`` says where and since when."""

    def __init__(self, path: Path, holder: Holder) -> None:
        super().__init__(f"'{path.name}' is {holder.words()}.")
        self.path = path
        self.holder = holder


class WriterLock:
    """The held lock of one open project; :meth:`release` when the project closes."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, project: Path) -> WriterLock:
        """Take the project's lock, or raise ProjectLocked naming its live holder."""
        path = lock_path(project)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = _read(fd)
                os.close(fd)
                raise ProjectLocked(project, holder) from None
        info = {"pid": os.getpid(), "host": socket.gethostname(),
                "since": dt.datetime.now().isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        return cls(path, fd)

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()  # while still held: nobody takes a lock on a dying file
        os.close(self._fd)
        self._fd = None


def _read(fd: int) -> Holder:
    try:
        data = json.loads(os.pread(fd, 4096, 0).decode() or "{}")
        return Holder(int(data.get("pid", 0)), str(data.get("host", "")),
                      str(data.get("since", "")))
    except (OSError, ValueError):
        return Holder(0, "", "")
