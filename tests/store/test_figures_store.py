"""Figures as time series in the project file: every figure keeps its year, source and
derived flag through save/open, edits, rollbacks and the JSON document export."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

import pytest

from explorer.dataset import load_dataset
from explorer.io.json_document import document_from_dict, document_to_json
from explorer.model import Capability
from explorer.store import Project


@pytest.fixture(scope="module")
def default_doc():
    return load_dataset()


def stored(path) -> list[tuple]:
    """Every stored figure as (actor, metric, year, value, source, derived), read with SQL."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT s.actor, s.metric, y.value, v.value, s.source, s.derived"
            ' FROM figure_series AS s, json_each(s.years) AS y, json_each(s."values") AS v'
            " WHERE y.key = v.key ORDER BY s.actor, s.position, y.key"
        ).fetchall()
    finally:
        conn.close()


def test_default_project_round_trips_every_figure(tmp_path, default_doc):
    path = tmp_path / "default.sbx"
    Project.create(path, default_doc).close()
    expected = sum(len(a.capabilities) for a in default_doc.actors.values())
    assert len(stored(path)) == expected > 20000
    conn = sqlite3.connect(path)
    runs = conn.execute("SELECT count(*) FROM figure_series").fetchone()[0]
    conn.close()
    assert runs < 1000  # one row per run of a series, not per figure
    derived = sum(c.derived for a in default_doc.actors.values() for c in a.capabilities)
    assert sum(row[5] for row in stored(path)) == derived > 5000  # derived flags are stored
    with Project.open(path) as project:
        doc = project.document()
    for actor_id, actor in default_doc.actors.items():
        assert doc.actors[actor_id].capabilities == actor.capabilities, actor_id
    india = doc.actors["IND"]
    assert india.figure_at("milex_usd_bn", 2023).derived is True
    assert india.figure_at("milex_usd_bn", 2024).derived is False


def test_in_memory_project_matches_a_reopened_file(tmp_path, default_doc):
    memory = Project.in_memory(default_doc)
    path = tmp_path / "copy.sbx"
    memory.save_copy(path)
    with Project.open(path) as reopened:
        assert reopened.document() == memory.document()
        assert reopened.dump() == memory.dump()
    memory.close()


def test_an_edit_replaces_an_actors_series(tmp_path, default_doc):
    path = tmp_path / "edit.sbx"
    Project.create(path, default_doc).close()
    with Project.open(path) as project:
        project.document()  # fills the figure cache before the edit
        sweden = project.document().actors["SWE"]
        series = (
            Capability("milex_usd_bn", 12.0, 2025, "own"),
            Capability("milex_usd_bn", 11.5, 2025, "a;b", derived=True),
        )
        project.put_actor(dataclasses.replace(sweden, capabilities=series))
        assert project.document().actors["SWE"].capabilities == series
    assert [r for r in stored(path) if r[0] == "SWE"] == [
        ("SWE", "milex_usd_bn", 2025, 12.0, "own", 0),
        ("SWE", "milex_usd_bn", 2025, 11.5, "a;b", 1),
    ]
    with Project.open(path) as project:
        assert project.document().actors["SWE"].figure_at("milex_usd_bn", 2025).source == "own"


def test_deleting_an_actor_leaves_no_figures_behind(tmp_path):
    from explorer.model import Actor, Document

    figure = Capability("gdp_usd_bn", 1.0, 2020)
    doc = Document(actors={"X": Actor("X", "X", "other", capabilities=(figure,))})
    path = tmp_path / "del.sbx"
    with Project.create(path, doc) as project:
        project.delete_actor("X")
    assert stored(path) == []


def test_a_rolled_back_edit_leaves_figures_as_stored(default_doc):
    project = Project.in_memory(default_doc)
    before = project.document().actors["USA"].capabilities
    with pytest.raises(RuntimeError), project.transaction():
        project.put_actor(dataclasses.replace(project.document().actors["USA"], capabilities=()))
        raise RuntimeError("cancel")
    assert project.document().actors["USA"].capabilities == before
    project.close()


def test_json_document_carries_the_derived_flag(default_doc):
    text = document_to_json(default_doc, 2)
    data = json.loads(text)
    india = next(a for a in data["actors"] if a["id"] == "IND")
    flags = {c["derived"] for c in india["capabilities"] if c["metric"] == "milex_usd_bn"}
    assert flags == {True, False}
    back = document_from_dict(data)
    assert back.actors["IND"].capabilities == default_doc.actors["IND"].capabilities
    assert document_to_json(back, 2) == text
    # an export written before the flag existed still reads: its figures are published
    for actor in data["actors"]:
        actor["capabilities"] = [c for c in actor["capabilities"] if not c.pop("derived")]
    old = document_from_dict(data)
    assert old.actors["IND"].figure_at("milex_usd_bn", 2024).source == "sipri_milex_2025"
    assert all(not c.derived for a in old.actors.values() for c in a.capabilities)


def test_interleaved_figures_keep_their_order(tmp_path):
    from explorer.model import Actor, Document

    figures = (
        Capability("gdp_usd_bn", 1.0, 2020, "a"),
        Capability("gdp_usd_bn", 2.0, 2021, "a"),
        Capability("population_m", 3.0, None, "b"),
        Capability("gdp_usd_bn", 4.0, 2019, "a"),
        Capability("gdp_usd_bn", 5.0, 2019, "a", derived=True),
    )
    doc = Document(actors={"X": Actor("X", "X", "other", capabilities=figures)})
    Project.create(tmp_path / "order.sbx", doc).close()
    with Project.open(tmp_path / "order.sbx") as project:
        assert project.document().actors["X"].capabilities == figures


def test_a_damaged_series_is_refused_on_open(tmp_path):
    from explorer.model import Actor, Document
    from explorer.store import ProjectFileError

    figure = Capability("gdp_usd_bn", 1.0, 2020)
    doc = Document(actors={"X": Actor("X", "X", "other", capabilities=(figure,))})
    path = tmp_path / "damaged.sbx"
    Project.create(path, doc).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE figure_series SET years = '[2020, 2021]'")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectFileError, match="damaged"):
        Project.open(path)
