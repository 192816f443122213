"""The one way the program writes a file: beside the destination, then renamed into place.

A reader never sees half a file, a failure leaves the destination as it was and removes
the temporary file, and the result gets the permissions an ordinary new file gets under
the user's umask (``mkstemp`` alone would leave 0600).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO


class WriteError(OSError):
    """A file could not be written; the message names the file and the reason."""


def check_target(path: str | os.PathLike[str]) -> Path:
    """``path`` as a Path, refused when its folder is missing or it is a folder itself."""
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise WriteError(f"Cannot write '{target}': the folder '{parent}' does not exist.")
    if target.is_dir():
        raise WriteError(f"Cannot write '{target}': it is a folder.")
    return target


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(
    path: str | os.PathLike[str], write: Callable[[str], None], *, allow_empty: bool = True
) -> Path:
    """Call ``write(temporary_path)``, then fsync and rename the result onto ``path``."""
    target = check_target(path)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or "."
        )
    except OSError as exc:
        raise WriteError(f"Cannot write '{target}': {exc.strerror or exc}.") from None
    os.close(fd)
    try:
        write(tmp)
        if not allow_empty and os.path.getsize(tmp) == 0:
            raise WriteError(f"Cannot write '{target}': nothing was written.")
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except WriteError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteError(f"Cannot write '{target}': {exc.strerror or exc}.") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target


@contextlib.contextmanager
def atomic_text(path: str | os.PathLike[str], newline: str | None = None) -> Iterator[IO[str]]:
    """A UTF-8 text handle whose content replaces ``path`` when the block ends cleanly."""
    target = check_target(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise WriteError(f"Cannot write '{target}': {exc.strerror or exc}.") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, WriteError):
            raise
        raise WriteError(f"Cannot write '{target}': {exc.strerror or exc}.") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically."""

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)

    return write_atomic(path, write)
