"""Where the bundled dataset and resources live, in a checkout and in an installed wheel.

A wheel carries copies of the top-level ``data/`` and ``resources/`` folders inside the
package (``explorer/_bundled``, put there by ``setup.py``); a checkout uses the folders
themselves, so edits to the dataset are seen without reinstalling.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    checkout = _PACKAGE.parent / name
    if checkout.is_dir():
        return checkout
    return _PACKAGE / "_bundled" / name


def data_dir() -> Path:
    """The folder holding the default dataset's CSV files."""
    return _bundled("data")


def resources_dir() -> Path:
    """The folder holding icons, the .desktop file and style sheets."""
    return _bundled("resources")


def user_data_dir() -> Path:
    """Per-user folder for the working copy of the default project and recovery files."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    path = Path(base) / "strategic-balance-explorer"
    path.mkdir(parents=True, exist_ok=True)
    return path
