"""Temporary files that are built beside a destination and renamed into place.

A save killed half-way leaves its temporary file behind. Each temporary file is held
under an exclusive ``flock`` for as long as its writer lives; the kernel drops that lock
when the process dies, so a later save can tell a dead writer's leftover (lock free)
from another process's save in progress (lock held) without guessing from file ages.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock, so leftovers are never judged stale.
    fcntl = None  # type: ignore[assignment]

SUFFIX = ".sbx.tmp"


def _prefix(destination: Path) -> str:
    return f".{destination.name}."


def _try_lock(fd: int) -> bool:
    if fcntl is None:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def remove_stale_temps(destination: Path) -> list[Path]:
    """Delete temporary files left in ``destination``'s folder by writers that died (a
    killed import or Save As, of any project there), with their SQLite journals."""
    removed: list[Path] = []
    folder = destination.parent
    for candidate in folder.glob(f".*{SUFFIX}"):
        try:
            fd = os.open(candidate, os.O_RDONLY)
        except OSError:
            continue
        try:
            if _try_lock(fd):
                with contextlib.suppress(OSError):
                    candidate.unlink()
                    removed.append(candidate)
        finally:
            os.close(fd)
    # a journal outlives its database when the kill came between the two unlinks
    for journal in [*folder.glob(f".*{SUFFIX}-journal"), *folder.glob(f".*{SUFFIX}-wal")]:
        owner = Path(str(journal).rsplit("-", 1)[0])
        if not owner.exists():
            with contextlib.suppress(OSError):
                journal.unlink()
                removed.append(journal)
    return removed


@contextlib.contextmanager
def temp_beside(destination: Path) -> Iterator[Path]:
    """An empty, locked temporary file in ``destination``'s folder.

    It is removed on exit unless the caller has renamed it into place; SQLite opens the
    empty file as a new database.
    """
    remove_stale_temps(destination)
    fd, name = tempfile.mkstemp(prefix=_prefix(destination), suffix=SUFFIX, dir=destination.parent)
    path = Path(name)
    try:
        _try_lock(fd)
        yield path
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            path.unlink()
