"""Untitled projects live in a recovery folder until saved; a crash leaves them there.

Each open untitled project has a ``.lock`` file beside it holding the owner's PID. At
start-up, an untitled project whose owner is gone is one a crash left behind (no Qt here).
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from explorer.paths import user_data_dir


def recovery_dir() -> Path:
    path = user_data_dir() / "untitled"
    path.mkdir(parents=True, exist_ok=True)
    return path


def new_untitled_path() -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = recovery_dir() / f"untitled-{stamp}.sbx"
    n = 1
    while path.exists():
        n += 1
        path = recovery_dir() / f"untitled-{stamp}-{n}.sbx"
    return path


def is_untitled(path: Path) -> bool:
    return path.resolve().parent == recovery_dir().resolve()


def claim(path: Path) -> None:
    """Mark ``path`` as open by this process."""
    path.with_suffix(".lock").write_text(str(os.getpid()))


def release(path: Path, delete: bool = False) -> None:
    with contextlib.suppress(OSError):
        path.with_suffix(".lock").unlink()
    if delete:
        for leftover in (path, Path(f"{path}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def orphaned_untitled() -> list[Path]:
    """Untitled projects whose owning process is no longer running, newest first."""
    found = []
    for path in recovery_dir().glob("*.sbx"):
        lock = path.with_suffix(".lock")
        try:
            pid = int(lock.read_text().strip())
        except (OSError, ValueError):
            pid = 0
        if pid and pid != os.getpid() and _alive(pid):
            continue
        found.append(path)
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)
