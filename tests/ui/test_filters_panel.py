"""The Regions & filters dock: every widget drives the session's ViewFilter, nothing else."""

from __future__ import annotations

import pytest
import shiboken6

from explorer.analysis.view import ViewFilter, filtered
from explorer.model.entities import (
    Actor,
    Alliance,
    Bloc,
    Capability,
    Document,
    Membership,
    Region,
    Tie,
)
from explorer.scene.dates import MonthScale
from explorer.store import Project
from explorer.ui.filters.panel import CHECKED, ID_ROLE, PARTIAL, UNCHECKED, FiltersPanel
from explorer.ui.session import ProjectSession


def _caps(milex, personnel, population, gdp):
    return (
        Capability("milex_usd_bn", milex),
        Capability("personnel_k", personnel),
        Capability("population_m", population),
        Capability("gdp_usd_bn", gdp),
    )


def small_document() -> Document:
    """Eight actors, a NATO-like and a CSTO-like alliance, two blocs, one rivalry."""
    doc = Document(title="Small world")
    for r in (
        Region("europe", "Europe"),
        Region("europe_north", "Northern Europe", "europe"),
        Region("europe_west", "Western Europe", "europe"),
        Region("asia", "Asia"),
        Region("central_asia", "Central Asia", "asia"),
        Region("americas", "Americas"),
    ):
        doc.regions[r.id] = r
    for a in (
        Actor("USA", "United States", regions=("americas",), capabilities=_caps(900, 1300, 335, 27000)),
        Actor("DEU", "Germany", regions=("europe_west",), capabilities=_caps(67, 180, 84, 4400)),
        Actor("TUR", "Türkiye", regions=("europe", "asia"), capabilities=_caps(15, 355, 85, 1100)),
        Actor("FIN", "Finland", regions=("europe_north",), capabilities=_caps(7, 24, 5.6, 300)),
        Actor("SWE", "Sweden", regions=("europe_north",), capabilities=_caps(8.5, 15, 10.5, 590)),
        Actor("RUS", "Russia", regions=("europe", "asia"), capabilities=_caps(109, 1150, 144, 2000)),
        Actor("KAZ", "Kazakhstan", regions=("central_asia",), capabilities=_caps(1.6, 39, 20, 260)),
        Actor("ARM", "Armenia", regions=("asia",), capabilities=_caps(0.8, 42, 2.8, 24)),
    ):
        doc.actors[a.id] = a
    doc.alliances["nato"] = Alliance(
        "nato", "NATO", "collective_defence", "defence", founded="1949-04-04"
    )
    doc.alliances["csto"] = Alliance(
        "csto", "CSTO", "collective_defence", "defence", founded="1992-05-15"
    )
    members = [
        ("nato", "USA", "founder", "1949-08-24"),
        ("nato", "DEU", "member", "1955-05-06"),
        ("nato", "TUR", "member", "1952-02-18"),
        ("nato", "FIN", "member", "2023-04-04"),
        ("nato", "SWE", "member", "2024-03-07"),
        ("csto", "RUS", "founder", "1994-04-20"),
        ("csto", "KAZ", "founder", "1994-04-20"),
        ("csto", "ARM", "suspended", "1994-04-20"),
    ]
    for i, (al, actor, role, joined) in enumerate(members, start=1):
        doc.memberships[i] = Membership(al, actor, role, joined, id=i)
    doc.ties[1] = Tie("RUS", "USA", -1, "rivalry", start="2014-03-18", id=1)
    doc.blocs["west"] = Bloc("west", "Western", "#1f77b4", members=("USA", "DEU", "TUR", "FIN", "SWE"))
    doc.blocs["east"] = Bloc("east", "Eastern", "#d62728", members=("RUS", "KAZ", "ARM"))
    return doc


@pytest.fixture
def project_path(tmp_path):
    path = tmp_path / "p.sbx"
    Project.create(path, small_document()).close()
    return path


@pytest.fixture
def open_session(qtbot):
    """Open sessions and panels on a project; everything is torn down in order."""
    made: list = []

    def open_(path) -> tuple[ProjectSession, FiltersPanel]:
        session = ProjectSession(Project.open(path))
        panel = FiltersPanel(session)
        made.append((session, panel))
        return session, panel

    yield open_
    for session, panel in made:
        if shiboken6.isValid(panel):
            shiboken6.delete(panel)
        session.close()


def _region_item(panel: FiltersPanel, region: str):
    return panel._region_items[region]


def test_widgets_start_from_the_default_view(project_path, open_session):
    session, panel = open_session(project_path)
    assert session.view_filter == ViewFilter()
    assert panel.current_view() == ViewFilter()
    assert panel.count_label.text().startswith("Showing 8 of 8 actors")
    assert panel.date_slider.value() == panel.scale.today_position
    assert panel.date_label.text() == "Latest data (no end date)"  # the test project: no vintage
    assert "follows this filtered view" in panel.analysis_note.text()


def test_checking_a_region_filters_and_reset_restores(project_path, open_session, qtbot):
    session, panel = open_session(project_path)
    _region_item(panel, "europe_north").setCheckState(0, CHECKED)
    qtbot.waitUntil(lambda: session.view_filter.regions == {"europe_north"}, timeout=2000)
    assert panel.count_label.text().startswith("Showing 2 of 8 actors")
    assert _region_item(panel, "europe").checkState(0) == PARTIAL

    # a parent checks its children and stands for them
    _region_item(panel, "europe").setCheckState(0, CHECKED)
    qtbot.waitUntil(lambda: session.view_filter.regions == {"europe"}, timeout=2000)
    assert _region_item(panel, "europe_west").checkState(0) == CHECKED
    shown = len(filtered(session.project.document(), session.view_filter).actors)
    assert shown == 5  # DEU, TUR, FIN, SWE, RUS
    assert panel.count_label.text().startswith(f"Showing {shown} of 8 actors")

    # outside partners as context
    panel.keep_partners.setChecked(True)
    qtbot.waitUntil(lambda: session.view_filter.keep_partners, timeout=2000)
    data = filtered(session.project.document(), session.view_filter)
    assert data.context  # USA (NATO, rivalry) and KAZ/ARM (CSTO with Russia)
    assert f"({len(data.context)} as context)" in panel.count_label.text()

    panel.reset_button.click()
    assert session.view_filter == ViewFilter()
    assert _region_item(panel, "europe").checkState(0) == UNCHECKED
    assert not panel.keep_partners.isChecked()
    assert panel.count_label.text().startswith("Showing 8 of 8 actors")


def test_kinds_alliances_and_threshold_build_the_filter(project_path, open_session, qtbot):
    session, panel = open_session(project_path)
    panel.alliance_kind_boxes["collective_defence"].setChecked(True)
    panel.actor_kind_boxes["state"].setChecked(True)
    qtbot.waitUntil(lambda: session.view_filter.actor_kinds == {"state"}, timeout=2000)
    assert session.view_filter.alliance_kinds == {"collective_defence"}

    for row in range(panel.alliance_list.count()):
        item = panel.alliance_list.item(row)
        if item.data(ID_ROLE) == "csto":
            item.setCheckState(UNCHECKED)
    qtbot.waitUntil(lambda: session.view_filter.alliances == {"nato"}, timeout=2000)
    panel.alliance_search.setText("nat")
    hidden = [panel.alliance_list.item(r).isHidden() for r in range(panel.alliance_list.count())]
    assert hidden.count(False) == 1
    panel.alliances_none.click()  # unticks the visible rows only
    qtbot.waitUntil(lambda: session.view_filter.alliances == frozenset(), timeout=2000)
    panel.alliance_search.clear()
    panel.alliances_all.click()
    qtbot.waitUntil(lambda: session.view_filter.alliances is None, timeout=2000)

    panel.min_capability.setValue(0.05)
    qtbot.waitUntil(lambda: session.view_filter.min_capability == 0.05, timeout=2000)
    shown, total, _ = panel.counts()
    assert shown < total


def test_slider_drives_as_of_with_debounce(project_path, open_session, qtbot):
    session, panel = open_session(project_path)
    position = panel.scale.position("2022-06-15")
    panel.date_slider.setValue(position)
    assert panel.date_label.text() == "30 Jun 2022"
    assert session.view_filter.as_of is None  # debounced: not applied yet
    qtbot.waitUntil(lambda: session.view_filter.as_of == "2022-06-30", timeout=2000)
    data = filtered(session.project.document(), session.view_filter)
    nato = {m.actor for m in data.memberships if m.alliance == "nato"}
    assert "FIN" not in nato and "SWE" not in nato and "TUR" in nato

    # dragging through months applies only the last one
    seen = []
    session.viewChanged.connect(lambda: seen.append(session.view_filter.as_of))
    for month in ("2023-03-01", "2023-04-01", "2023-05-01"):
        panel.date_slider.setValue(panel.scale.position(month))
    qtbot.waitUntil(lambda: session.view_filter.as_of == "2023-05-31", timeout=2000)
    assert seen == ["2023-05-31"]
    data = filtered(session.project.document(), session.view_filter)
    assert "FIN" in {m.actor for m in data.memberships if m.alliance == "nato"}

    panel.date_slider.setValue(panel.scale.today_position)
    qtbot.waitUntil(lambda: session.view_filter.as_of is None, timeout=2000)
    assert panel.date_label.text() == "Latest data (no end date)"  # the test project: no vintage


def test_filters_are_restored_when_the_project_reopens(project_path, open_session, qtbot):
    session, panel = open_session(project_path)
    _region_item(panel, "europe_north").setCheckState(0, CHECKED)
    panel.keep_partners.setChecked(True)
    panel.actor_kind_boxes["state"].setChecked(True)
    panel.set_as_of("2023-04-15")
    saved = session.view_filter
    assert saved.as_of == "2023-04-15"
    assert saved.regions == {"europe_north"} and saved.keep_partners
    shiboken6.delete(panel)
    session.close()

    session2, panel2 = open_session(project_path)
    assert session2.view_filter == saved
    assert panel2.current_view() == saved
    assert _region_item(panel2, "europe_north").checkState(0) == CHECKED
    assert _region_item(panel2, "europe").checkState(0) == PARTIAL
    assert panel2.keep_partners.isChecked()
    assert panel2.actor_kind_boxes["state"].isChecked()
    assert panel2.date_slider.value() == panel2.scale.position("2023-04-15")
    assert panel2.date_label.text() == "15 Apr 2023"


def test_month_scale_positions():
    import datetime as dt

    scale = MonthScale("1949-04-04", today=dt.date(2025, 1, 10))
    assert scale.date(0) == "1949-04-30"
    assert scale.date(scale.count - 1) == "2025-01-10"  # capped at today
    assert scale.date(scale.today_position) is None
    assert scale.position(None) == scale.today_position
    assert scale.date(scale.position("2023-04-04")) == "2023-04-30"
    assert scale.position("1900-01-01") == 0


def test_default_dataset_nato_grows_as_the_slider_passes(tmp_path, open_session, qtbot):
    from explorer.dataset import load_dataset

    doc = load_dataset()
    path = tmp_path / "world.sbx"
    Project.create(path, doc).close()
    session, panel = open_session(path)

    def nato_members():
        data = filtered(session.project.document(), session.view_filter)
        return {m.actor for m in data.memberships if m.alliance == "nato"}

    panel.set_as_of(panel.scale.date(panel.scale.position("2023-03-01")))
    assert "FIN" not in nato_members()
    panel.set_as_of(panel.scale.date(panel.scale.position("2023-04-01")))
    assert "FIN" in nato_members() and "SWE" not in nato_members()
    panel.set_as_of(panel.scale.date(panel.scale.position("2024-03-01")))
    assert "SWE" in nato_members()


def test_the_open_end_is_the_datas_own_date(qtbot, tmp_path):
    from explorer.dataset import load_dataset

    path = tmp_path / "w.sbx"
    Project.create(path, load_dataset()).close()
    session = ProjectSession(Project.open(path))
    panel = FiltersPanel(session)
    qtbot.addWidget(panel)
    assert panel.date_label.text() == "Latest data (Nov 2025)"
    assert panel.date_last.text() == "Latest (Nov 2025)"
    panel.deleteLater()
    session.close()


def test_views_set_elsewhere_keep_every_widget_true(project_path, open_session, qtbot):
    """A view set by the session (history playing, a scenario, undo) moves the widgets; the
    panel skips boxes whose part of the filter did not change, never ones that did."""
    session, panel = open_session(project_path)
    for row in range(panel.alliance_list.count()):
        item = panel.alliance_list.item(row)
        if item.data(ID_ROLE) == "csto":
            item.setCheckState(UNCHECKED)
    qtbot.waitUntil(lambda: session.view_filter.alliances == {"nato"}, timeout=2000)

    # only the date changes: the alliance boxes keep what the user ticked
    session.set_view_filter(ViewFilter(as_of="2001-12-31", alliances=frozenset({"nato"})))
    assert panel.current_view() == session.view_filter
    # the regions and the alliances change: their boxes follow
    session.set_view_filter(ViewFilter(regions=frozenset({"europe_north"}),
                                       alliances=frozenset({"csto"})))
    assert panel.current_view() == session.view_filter
    ticked = {panel.alliance_list.item(r).data(ID_ROLE) for r in range(panel.alliance_list.count())
              if panel.alliance_list.item(r).checkState() == CHECKED}
    assert ticked == {"csto"}
    assert _region_item(panel, "europe_north").checkState(0) == CHECKED

    # a box the user ticks after that is read, not the remembered filter
    _region_item(panel, "europe_north").setCheckState(0, UNCHECKED)
    qtbot.waitUntil(lambda: session.view_filter.regions == frozenset(), timeout=2000)
    session.set_view_filter(ViewFilter(as_of="2010-12-31", alliances=frozenset({"csto"})))
    assert panel.current_view() == session.view_filter
    assert _region_item(panel, "europe_north").checkState(0) == UNCHECKED
