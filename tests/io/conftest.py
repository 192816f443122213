"""Shared fixtures of the io tests: the real interop files and a rich sample document."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.model.entities import Actor, Alliance, Capability, Document, Membership, Tie

REPO = Path(__file__).resolve().parents[2]
INTEROP = REPO.parent / "shared" / "interop"
BAD = REPO / "tests" / "data" / "bad"
DATA = Path(__file__).resolve().parent / "data"


def interop(name: str) -> Path:
    """A file of ``shared/interop``; fails (not skips) with a clear message when missing."""
    path = INTEROP / name
    if not path.is_file():
        pytest.fail(
            f"Interop test file {path} is missing: the io tests need the read-only "
            f"'shared/interop' folder beside the repository ({INTEROP})."
        )
    return path


def sample_document() -> Document:
    """A document exercising every field the exporters carry."""
    doc = Document(title="Sample — alliances & ties <test>")
    doc.actors = {
        "USA": Actor("USA", "United States", "state", ("north_america", "nato_area"),
                     (Capability("milex_usd_bn", 916.0149, 2023, "SIPRI 2024"),
                      Capability("personnel_k", 1328.0, 2023, "IISS"),
                      Capability("warheads", 5044.0, None, "")),
                     notes="Line one\nline two, with \"quotes\" & <tags>", source="CIA"),
        "TUR": Actor("TUR", "Türkiye", "state", ("europe",),
                     (Capability("gdp_usd_bn", 1108.02, 2023, "IMF"),)),
        "HEZ": Actor("HEZ", "Hezbollah", "non_state", notes="tab\there"),
        "EU.x": Actor("EU.x", "Some body", "organisation"),
        "NATO": Actor("NATO", "NATO as an actor", "other"),
    }
    doc.alliances = {
        "NATO": Alliance("NATO", "North Atlantic Treaty", "collective_defence", "defence",
                         True, "1949-04-04", None, "NATO", "Article 5"),
        "SCO": Alliance("SCO", "Shanghai Cooperation Organisation", "political_economic",
                        "consultation", False, "2001-06-15", None),
        "CENTO": Alliance("CENTO", "Baghdad Pact", "collective_defence", "defence", True,
                          "1955-02-24", "1979-03-15", notes="Dissolved"),
    }
    doc.memberships = {
        1: Membership("NATO", "USA", "founder", "1949-04-04", None, "NATO", "", 1),
        2: Membership("NATO", "TUR", "member", "1952-02-18", None, "NATO", "", 2),
        3: Membership("CENTO", "TUR", "founder", "1955-02-24", "1979-03-15", "", "x", 3),
        4: Membership("SCO", "TUR", "partner", "2012-06-07", "2013-01-01", "", "", 4),
        5: Membership("SCO", "TUR", "partner", "2014-01-01", None, "", "re-joined", 5),
        6: Membership("NATO", "EU.x", "observer", None, None, "", "", 6),
    }
    doc.ties = {
        1: Tie("USA", "TUR", 1, "arms", "1947-05-22", None, "SIPRI", "Truman", 1),
        2: Tie("USA", "HEZ", -1, "rivalry", None, None, "", "", 2),
        3: Tie("HEZ", "TUR", -1, "", "2011-01-01", "2020-12-31", "", "", 3),
        4: Tie("USA", "TUR", -1, "dispute", "2019-07-12", "2020-01-01", "", "S-400", 4),
    }
    return doc


@pytest.fixture
def sample() -> Document:
    return sample_document()


@pytest.fixture
def interop_file():
    """``interop_file(name)``: the path of a real file of shared/interop (fails if missing)."""
    return interop


@pytest.fixture
def bad_dir() -> Path:
    return BAD


@pytest.fixture
def data_dir() -> Path:
    return DATA
