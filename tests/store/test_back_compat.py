"""Projects written by earlier versions still open, with the same contents.

``tests/data/project_v1.sbx`` was written by schema-1 code (``scripts/make_test_projects.py``)
and is committed; it is copied before opening because opening migrates it in place. The
expected contents are spelled out here, not imported from the script, so the two are
independent witnesses.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sbx_helpers import sha256

from explorer.model import Capability, Change, Membership, Tie
from explorer.model.validation import validate_document
from explorer.store import SCHEMA_VERSION, Project
from explorer.store.probe import check_project_file

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def v1(tmp_path) -> Path:
    source = DATA / "project_v1.sbx"
    if not source.exists():
        pytest.fail(f"{source} is missing; run scripts/make_test_projects.py")
    copy = tmp_path / "project_v1.sbx"
    shutil.copyfile(source, copy)
    return copy


def test_committed_v1_file_is_schema_1():
    assert check_project_file(DATA / "project_v1.sbx") == 1


def test_v1_project_opens_with_its_contents(v1):
    with Project.open(v1) as project:
        assert project.schema_version == SCHEMA_VERSION
        doc = project.document()
        assert doc.title == "Back-compat project v1"
        assert validate_document(doc) == []
        assert project.counts() == {
            "actors": 4, "alliances": 2, "memberships": 3, "ties": 2, "blocs": 1, "scenarios": 1,
        }
        assert sorted(doc.regions) == ["europe", "europe_northern", "middle_east"]
        assert doc.regions["europe_northern"].parent == "europe"
        assert doc.sources["sipri"].url == "https://www.sipri.org/databases/milex"

        sweden = doc.actors["SWE"]
        assert sweden.name == "Sweden" and sweden.kind == "state"
        assert sweden.regions == ("europe_northern",)
        assert sweden.capabilities == (
            Capability("milex_usd_bn", 8.5, 2023, "sipri"),
            Capability("personnel_k", 14.6, 2023, ""),
        )
        assert sweden.notes == "NATO member since 2024-03-07" and sweden.source == "sipri"
        assert doc.actors["TUR"].name == "Türkiye"
        assert doc.actors["TUR"].regions == ("europe", "middle_east")
        assert doc.actors["RUS"].figure("warheads") == 5580.0
        assert doc.actors["hezbollah"].kind == "non_state"

        nato = doc.alliances["nato"]
        assert (nato.kind, nato.obligation, nato.formal, nato.founded, nato.ended) == (
            "collective_defence", "defence", True, "1949-04-04", None,
        )
        assert doc.alliances["axis"].formal is False

        assert doc.memberships[2] == Membership(
            "nato", "SWE", "member", "2024-03-07", None, "nato.int", "32nd member", id=2
        )
        assert doc.memberships[2].in_force("2024-03-07")
        assert not doc.memberships[2].in_force("2024-03-06")
        assert doc.ties[1] == Tie("RUS", "SWE", -1, "rivalry", "2022-02-24", id=1)
        assert doc.blocs["west"].members == ("SWE", "TUR")
        assert doc.blocs["west"].color == "#1f77b4"
        assert doc.scenarios["Türkiye leaves NATO"].changes == (
            Change("remove_membership", actor="TUR", alliance="nato"),
            Change("move_to_bloc", actor="TUR", bloc="west"),
        )

        assert project.positions() == {
            "actor:SWE": (10.0, 20.0, True),
            "actor:TUR": (-5.5, 3.25, False),
            "alliance:nato": (0.0, 0.0, False),
        }
        assert project.setting("view") == {"zoom": 1.5, "mode": "hubs"}
        assert project.setting("as_of") == "2024-03-07"


def test_v1_project_can_be_edited_and_saved(v1, tmp_path):
    from explorer.commands import CommandStack, PutMembership

    with Project.open(v1) as project:
        stack = CommandStack(project)
        stack.push(PutMembership(Membership("nato", "RUS", "partner", "1994-06-22")))
        assert stack.undo_text == "Add Russia to NATO on 1994-06-22"
        project.save_as(tmp_path / "saved.sbx")
    with Project.open(tmp_path / "saved.sbx") as saved:
        assert saved.counts()["memberships"] == 4


def test_v1_figures_move_to_the_series_table_as_published(v1):
    with Project.open(v1) as project:
        tables = {r[0] for r in project._conn.execute("SELECT name FROM sqlite_master")}
        assert "figure_series" in tables and "capabilities" not in tables
        stored = project._conn.execute(
            'SELECT actor, metric, source, derived, years, "values" FROM figure_series'
            " ORDER BY actor, position"
        ).fetchall()
    assert stored == [
        ("RUS", "warheads", "", 0, "[2024]", "[5580.0]"),
        ("SWE", "milex_usd_bn", "sipri", 0, "[2023]", "[8.5]"),
        ("SWE", "personnel_k", "", 0, "[2023]", "[14.6]"),
        ("TUR", "population_m", "", 0, "[2023]", "[85.3]"),
    ]


@pytest.fixture
def v2(tmp_path) -> Path:
    source = DATA / "project_v2.sbx"
    if not source.exists():
        pytest.fail(f"{source} is missing; run scripts/make_test_projects.py")
    copy = tmp_path / "project_v2.sbx"
    shutil.copyfile(source, copy)
    return copy


def test_committed_v2_file_is_schema_2():
    assert check_project_file(DATA / "project_v2.sbx") == 2


def test_v2_project_keeps_series_and_the_derived_flag(v2):
    with Project.open(v2) as project:
        doc = project.document()
    assert doc.title == "Back-compat project v2"
    assert validate_document(doc) == []
    sweden = doc.actors["SWE"]
    assert sweden.capabilities == (
        Capability("milex_usd_bn", 8.5, 2023, "sipri"),
        Capability("milex_usd_bn", 8.9, 2023, "wb_share;wb_gdp", derived=True),
        Capability("milex_usd_bn", 7.1, 2022, "wb_share;wb_gdp", derived=True),
        Capability("population_m", 10.55, 2023, "wb_pop"),
        Capability("population_m", 8.3, 1990, "wb_pop"),
        Capability("personnel_k", 14.6, 2023),
    )
    assert sweden.figure_at("milex_usd_bn", 2023).derived is False  # published wins
    assert sweden.figure_at("milex_usd_bn", 2022).derived is True
    assert sweden.figure("population_m", 2000) == 8.3


def test_opening_the_current_version_leaves_the_file_unchanged(tmp_path):
    current = DATA / f"project_v{SCHEMA_VERSION}.sbx"
    assert current.exists(), f"add {current.name} with scripts/make_test_projects.py"
    copy = tmp_path / current.name
    shutil.copyfile(current, copy)
    before = sha256(copy)
    Project.open(copy).close()
    assert sha256(copy) == before


def test_v3_project_keeps_graph_extras(tmp_path):
    import shutil

    from explorer.model.graph_extras import EdgeProps, NodeStyle

    copy = tmp_path / "project_v3.sbx"
    shutil.copy(DATA / "project_v3.sbx", copy)
    assert check_project_file(copy) == 3
    with Project.open(copy) as project:
        extras = project.document().extras
    assert extras.styles["actor:SWE"] == NodeStyle("#5b5bf5", 12.5, "disc")
    assert extras.edges["tie:2"] == EdgeProps(8.0, True, (("1.5", "3.0"), ("4.0", None)))
    assert extras.attributes["actor:SWE"] == {"Modularity Class": 3, "City": "Stockholm"}
    assert extras.types["Modularity Class"] == "integer"


def test_v2_project_gains_empty_extras(v2):
    with Project.open(v2) as project:
        assert project.schema_version == SCHEMA_VERSION
        assert project.document().extras.is_empty()


def test_v4_project_keeps_names_and_vintage(tmp_path):
    import shutil

    copy = tmp_path / "project_v4.sbx"
    shutil.copy(DATA / "project_v4.sbx", copy)
    assert check_project_file(copy) == 4
    with Project.open(copy) as project:
        doc = project.document()
    assert doc.actors["TUR"].aliases == ("Turkey",)
    assert doc.alliances["nato"].label == "NATO"
    assert doc.vintage == "2025-11"


def test_v3_project_gains_empty_names(tmp_path):
    import shutil

    copy = tmp_path / "project_v3.sbx"
    shutil.copy(DATA / "project_v3.sbx", copy)
    with Project.open(copy) as project:
        doc = project.document()
        assert project.schema_version >= 4
    assert doc.actors["TUR"].aliases == () and doc.alliances["nato"].short_name == ""


def test_v5_project_keeps_places_and_signatures(tmp_path):
    import shutil

    copy = tmp_path / "project_v5.sbx"
    shutil.copy(DATA / "project_v5.sbx", copy)
    assert check_project_file(copy) == 5
    with Project.open(copy) as project:
        doc = project.document()
    place = doc.actors["TUR"].place
    assert (place.lat, place.lon, place.name) == (39.93, 32.86, "Ankara")
    assert doc.actors["SWE"].place is None
    assert doc.alliances["nato"].signed == "1949-04-04"
    assert doc.alliances["nato"].founded == "1949-08-24"
    assert doc.memberships[2].signed == "2022-07-05" and doc.memberships[1].signed is None


def test_v4_project_gains_no_places(tmp_path):
    import shutil

    copy = tmp_path / "project_v4.sbx"
    shutil.copy(DATA / "project_v4.sbx", copy)
    with Project.open(copy) as project:
        doc = project.document()
        assert project.schema_version == 5
    assert all(a.place is None for a in doc.actors.values())
    assert all(m.signed is None for m in doc.memberships.values())
