"""Which exceptions are the user's to read (one line) rather than a program fault."""

from __future__ import annotations

from explorer.analysis.errors import UnknownName
from explorer.dataset import DatasetError
from explorer.errors import UserError
from explorer.io.errors import ImportFormatError
from explorer.model.errors import ValidationError
from explorer.store import ProjectFileError
from explorer.store.atomic import WriteError

_KNOWN = (
    UserError,
    ProjectFileError,
    ValidationError,
    DatasetError,
    ImportFormatError,
    UnknownName,
    WriteError,
    FileExistsError,
    FileNotFoundError,
    PermissionError,
    IsADirectoryError,
)


def user_message(exc: BaseException) -> str | None:
    """The one-line message for a user-facing error, or None for a program fault."""
    if isinstance(exc, _KNOWN):
        return str(exc)
    return None
