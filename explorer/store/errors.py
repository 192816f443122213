"""The one error type raised when a file cannot be used as a project."""


class ProjectFileError(Exception):
    """A file is not a usable project: not SQLite, another app's database, corrupt,
    truncated, or written by a newer version. The message is meant for the user."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"Cannot open '{path}': {reason}")
        self.path = path
        self.reason = reason


class WriteRefused(Exception):
    """An edit the project will not write; the message says why, for the user."""


class ReadOnlyProject(WriteRefused):
    """The project was opened read-only (another window has it open for writing)."""


class OutsideChange(WriteRefused):
    """Another program or window changed the project since this one last read it: the
    edit was not written (it was made on the old state); the project has been reloaded."""
