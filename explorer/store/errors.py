"""The one error type raised when a file cannot be used as a project."""


class ProjectFileError(Exception):
    """A file is not a usable project: not SQLite, another app's database, corrupt,
    truncated, or written by a newer version. The message is meant for the user."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"Cannot open '{path}': {reason}")
        self.path = path
        self.reason = reason
