"""Fixtures of the store tests (helpers live in sbx_helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sbx_helpers import make_document

from explorer.model import Document
from explorer.store import Project


@pytest.fixture
def document() -> Document:
    return make_document()


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    """A closed project file holding the small document, positions and settings."""
    path = tmp_path / "project.sbx"
    with Project.create(path, make_document()) as project:
        project.set_positions({"actor:SWE": (1.5, -2.0, True), "alliance:nato": (0.0, 0.0, False)})
        project.set_setting("view", {"zoom": 1.25, "as_of": "2024-03-07"})
    return path
