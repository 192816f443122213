"""The one exception every importer raises for bad input."""

from __future__ import annotations

from pathlib import Path


class ImportFormatError(ValueError):
    """A file cannot be imported: malformed, unsafe, too large or of the wrong shape.

    The message names the file and, where known, the line (or record), e.g.
    ``"phedre_edges.csv, line 7: the Source column is empty"``, so it can be shown to users
    as is. ``path``, ``line`` and ``detail`` keep the parts for callers that want them.
    """

    def __init__(
        self, detail: str, path: str | Path | None = None, line: int | None = None
    ) -> None:
        self.detail = detail
        self.path = Path(path) if path is not None else None
        self.line = line
        where = self.path.name if self.path is not None else ""
        if line is not None:
            where = f"{where}, line {line}" if where else f"line {line}"
        super().__init__(f"{where}: {detail}" if where else detail)

    @property
    def message(self) -> str:
        """The full human message (same as ``str(exc)``)."""
        return str(self)
