"""End to end, as a user would, on the default project: filter the world down to the
South Caucasus and Central Asia in 2022 in the filters dock, build two what-if scenarios
in the What-if dock, compare each with the baseline (the figures shown must be the
engine's), save, close, and reopen with the filters, scenarios and selection restored.

Set SBX_SHOTS=/some/folder to keep a screenshot of the window after each step.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QListWidget,
    QStyle,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
)

from explorer.analysis.report import build_report
from explorer.analysis.view import ViewFilter, filtered
from explorer.analysis.whatif import compare
from explorer.dataset import load_dataset
from explorer.model.entities import Change
from explorer.store import Project
from explorer.ui.filters.panel import FiltersPanel
from explorer.ui.main_window import MainWindow
from explorer.ui.whatif.panel import FIGURE_ROWS, WhatIfPanel, describe_change

REGIONS = frozenset({"south_caucasus", "central_asia"})
AS_OF = "2022-06-30"  # the slider's "June 2022" position stands for the month's last day
TUR_LEAVES = Change("remove_membership", actor="TUR", alliance="nato")
ARM_LEAVES = Change("remove_membership", actor="ARM", alliance="csto")
TURKIYE, ARMENIA = "Türkiye leaves NATO", "Armenia leaves CSTO"
VIEW = ViewFilter(as_of=AS_OF, regions=REGIONS)
ROLE = Qt.ItemDataRole.UserRole


def _shot(window: MainWindow, name: str, comparison: bool = False) -> None:
    """The window; with ``comparison`` also the whole comparison page of the What-if
    dock (in the window only its top shows above the fold of its scroll area)."""
    folder = os.environ.get("SBX_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / f"{name}.png"))
        if comparison:
            page = _panels(window)[1].tabs.widget(0).widget()
            page.grab().save(str(Path(folder) / f"{name}-comparison.png"))


def _panels(window: MainWindow) -> tuple[FiltersPanel, WhatIfPanel]:
    filters = window._docks["filters"].widget()  # noqa: SLF001 - the window's own docks
    whatif = window._docks["whatif"].widget()  # noqa: SLF001
    assert isinstance(filters, FiltersPanel) and isinstance(whatif, WhatIfPanel)
    return filters, whatif


def _region_item(tree: QTreeWidget, region: str) -> QTreeWidgetItem:
    it = QTreeWidgetItemIterator(tree)
    while it.value() is not None:
        if it.value().data(0, ROLE) == region:
            return it.value()
        it += 1
    raise AssertionError(f"region {region} not in the tree")


def _checked_regions(tree: QTreeWidget) -> set[str]:
    out = set()
    it = QTreeWidgetItemIterator(tree)
    while it.value() is not None:
        if it.value().checkState(0) == Qt.CheckState.Checked:
            out.add(it.value().data(0, ROLE))
        it += 1
    return out


def _click_check_box(tree: QTreeWidget, item: QTreeWidgetItem) -> None:
    """A real left click on the item's check box (where the style draws it)."""
    tree.scrollToItem(item)
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect = tree.visualItemRect(item)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = tree.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree
    )
    assert box.isValid() and option.rect.contains(box.center())
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def _click_text_then_space(tree: QTreeWidget, item: QTreeWidgetItem) -> None:
    """Select the row by clicking its name, then tick it with the space bar."""
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.right() - 10, rect.center().y()))
    assert tree.currentItem() is item
    QTest.keyClick(tree, Qt.Key.Key_Space)


def _slide_to(slider, target: int) -> None:
    """Page Down a year at a time, then Left a month at a time, as with the keyboard."""
    slider.setFocus()
    while slider.value() - slider.pageStep() >= target:
        QTest.keyClick(slider, Qt.Key.Key_PageDown)
    while slider.value() > target:
        QTest.keyClick(slider, Qt.Key.Key_Left)
    assert slider.value() == target


def _click_scenario(panel: WhatIfPanel, name: str) -> None:
    lst: QListWidget = panel.scenario_list
    [item] = lst.findItems(name, Qt.MatchFlag.MatchExactly)
    lst.scrollToItem(item)
    QTest.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton,
                     pos=lst.visualItemRect(item).center())


def _count_text(doc, view: ViewFilter) -> str:
    data = filtered(doc, view)
    return (f"Showing {len(data.actors)} of {len(doc.actors)} actors, "
            f"{len(data.alliances)} of {len(doc.alliances)} alliances")


def _check_shown_equals_engine(qtbot, window: MainWindow, name: str):
    """The comparison the panel shows (worker, then compute_now) is the engine's."""
    _, panel = _panels(window)
    session = window.session
    doc = session.project.document()
    scenario = doc.scenarios[name]
    # the worker thread answers first (the panel computes on its own after a selection)
    qtbot.waitUntil(
        lambda: panel.comparison is not None and panel.comparison.changes == scenario.changes
        and not panel.busy.isVisibleTo(panel), timeout=10000)
    async_figures = panel.figures()
    shown = panel.compute_now()
    assert shown is not None and shown.changes == scenario.changes
    assert panel.figures() == async_figures

    engine = compare(doc, scenario, VIEW)
    report = build_report(doc, VIEW, name)
    assert report["scenario"]["name"] == name
    assert report["comparison"]["figures"] == engine.figures == shown.figures
    figures = panel.figures()
    for key, _, _ in FIGURE_ROWS:
        if key == "ratio":
            a, b = panel.bloc_a.currentData(), panel.bloc_b.currentData()
            want = tuple(
                bs.ratio(a, b) for bs in (engine.baseline.user_blocs, engine.scenario.user_blocs))
            got = figures["ratio"]
            assert got[:2] == want
            continue
        row = engine.figures[key]
        assert figures[key] == (row["baseline"], row["scenario"], row["delta"]), key
    assert panel.broker_rows() == [
        (r["actor"], r["baseline_rank"], r["scenario_rank"], r["rank_change"])
        for r in engine.brokers
    ]
    assert [(r["actor"], r["baseline_rank"], r["scenario_rank"])
            for r in report["comparison"]["brokers"]] == [
        (r["actor"], r["baseline_rank"], r["scenario_rank"]) for r in engine.brokers]
    bars = panel.chart.bar_heights()
    view = panel.comparison_view.bloc_view.currentData()
    blocsets = {"user": "user_blocs", "detected": "detected_blocs", "alliance": "alliance_blocs"}
    assert bars[:-1] == [
        (k, 100 * (v["baseline"] or 0.0), 100 * (v["scenario"] or 0.0))
        for k, v in engine.bloc_views[view].items()
    ]
    before = getattr(engine.baseline, blocsets[view])
    after = getattr(engine.scenario, blocsets[view])
    assert bars[-1] == ("unaligned", 100 * before.unaligned_share,
                        100 * after.unaligned_share)
    assert panel.status.text().startswith(
        f"<b>{name}</b> vs. baseline — as of {AS_OF}, Central Asia, South Caucasus; "
        "9 → 9 actors in view.")
    return engine


def _settled(qtbot, window: MainWindow, view: ViewFilter) -> None:
    doc = window.session.project.document()
    want = {f"actor:{a}" for a in filtered(doc, view).actors}
    qtbot.waitUntil(
        lambda: {k for k in window.canvas.node_keys() if k.startswith("actor:")} == want,
        timeout=5000)
    qtbot.waitUntil(lambda: window.canvas.layout_state() == "settled", timeout=10000)
    window.canvas.fit_to_view()


def test_filter_compare_save_reopen(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("testing/auto_discard", True)  # never a modal box in a test
    world = tmp_path / "world.sbx"
    Project.create(world, load_dataset()).close()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(world)
    session = window.session
    doc = session.project.document()
    filters, whatif = _panels(window)
    assert session.view_filter == ViewFilter()
    assert filters.count_label.text() == _count_text(doc, ViewFilter())

    # ----- filters: tick two regions, move the date back to June 2022 ----------------------
    tree = filters.region_tree
    _click_check_box(tree, _region_item(tree, "south_caucasus"))
    _click_text_then_space(tree, _region_item(tree, "central_asia"))
    assert _checked_regions(tree) == set(REGIONS)
    _slide_to(filters.date_slider, filters.scale.position(AS_OF))
    assert filters.date_label.text() == "30 Jun 2022"
    qtbot.waitUntil(lambda: session.view_filter == VIEW, timeout=3000)  # after the debounce
    assert filters.current_view() == VIEW
    assert filters.count_label.text() == _count_text(doc, VIEW)
    shown = filtered(doc, VIEW)
    assert set(shown.actors) == {"ARM", "AZE", "GEO", "KAZ", "KGZ", "RUS", "TJK", "TKM", "UZB"}
    assert "TUR" not in shown.actors and "csto" in shown.alliances
    assert filters.count_label.text().startswith("Showing 9 of ")
    _settled(qtbot, window, VIEW)
    _shot(window, "panels-1-filtered")

    # ----- what-if: two scenarios through the panel -------------------------------------------
    assert whatif.new_scenario(TURKIYE) == TURKIYE
    assert whatif.add_change(TUR_LEAVES) == TURKIYE
    assert whatif.new_scenario(ARMENIA) == ARMENIA
    assert whatif.add_change(ARM_LEAVES) == ARMENIA
    doc = session.project.document()
    assert doc.scenarios[TURKIYE].changes == (TUR_LEAVES,)
    assert doc.scenarios[ARMENIA].changes == (ARM_LEAVES,)
    assert [whatif.scenario_list.item(r).text() for r in range(whatif.scenario_list.count())] \
        == [ARMENIA, TURKIYE]

    _click_scenario(whatif, TURKIYE)
    assert session.scenario_name == TURKIYE
    assert [whatif.change_list.item(r).text() for r in range(whatif.change_list.count())] \
        == ["Türkiye leaves North Atlantic Treaty Organization"]
    turkey = _check_shown_equals_engine(qtbot, window, TURKIYE)
    # Türkiye is not in this view (Southern Europe / Middle East), and with no outside
    # partners kept NATO is not either: leaving NATO changes nothing here.
    assert all(not row["delta"] for row in turkey.figures.values())
    assert all(r["rank_change"] == 0 for r in turkey.brokers)
    assert all(not v["delta"] for v in turkey.bloc_shares.values())
    assert not turkey.newly_isolated and not turkey.removed_actors
    # ... and the panel says why, so "= 0" is not read as "no effect"
    scope = _panels(window)[1].comparison_view.scope_label.text()
    assert "Nothing this scenario changes is in the current view (Türkiye leaves North " \
        "Atlantic Treaty Organization)" in scope
    _settled(qtbot, window, VIEW)
    _shot(window, "panels-2-turkiye", comparison=True)

    _click_scenario(whatif, ARMENIA)
    assert session.scenario_name == ARMENIA
    armenia = _check_shown_equals_engine(qtbot, window, ARMENIA)
    f = armenia.figures
    # ARM–TJK shared only CSTO in mid-2022 (ARM, RUS, KAZ, KGZ also share the EAEU)
    assert f["memberships"]["delta"] == -1 and f["edges"]["delta"] == -1
    assert f["efficiency"]["delta"] < 0
    # undated rivalries are not drawn in mid-2022 (start not sourced), so the triangles
    # lost are balanced ones and the balanced share does not rise
    assert f["triangles"]["delta"] < 0 and f["balanced_share"]["delta"] <= 0
    # Armenia stays linked (EAEU, the rivalry with Azerbaijan): one component, no isolates
    for unchanged in ("components", "isolated", "articulation_points", "actors"):
        assert f[unchanged]["delta"] == 0, unchanged
    assert not armenia.newly_isolated and not armenia.new_components
    # capability shares do not depend on memberships: the bars do not move
    assert all(not v["delta"] for v in armenia.bloc_shares.values())
    ranks = {r["actor"]: r for r in armenia.brokers}
    assert ranks["ARM"]["rank_change"] > 0 and ranks["TJK"]["rank_change"] < 0
    assert armenia.figures != turkey.figures
    assert _panels(window)[1].comparison_view.scope_label.text() == ""
    _settled(qtbot, window, VIEW)
    # the canvas ("Both", the default mode) ghosts Armenia's CSTO link and marks the
    # actors the comparison singles out, Armenia first
    assert session.mode == "both"
    model = window.canvas.model()
    ghosts = [tuple(model.keys[i] for i in edge)
              for edge, style in zip(model.edges, model.edge_styles, strict=True)
              if style == "ghost"]
    assert ghosts == [("actor:ARM", "alliance:csto")]
    from explorer.analysis.affected import most_affected

    marked = {k for k, c in zip(model.keys, model.changed, strict=True) if c}
    singled_out = most_affected(armenia)
    assert singled_out[0] == "ARM"
    assert marked == {f"actor:{a}" for a in singled_out}
    _shot(window, "panels-3-armenia", comparison=True)

    # the last choice: Türkiye's scenario, shown alone ("Scenario") on the canvas
    _click_scenario(whatif, TURKIYE)
    whatif.mode_combo.setFocus()
    assert whatif.mode_combo.currentData() == "both"
    QTest.keyClick(whatif.mode_combo, Qt.Key.Key_Up)
    assert (session.scenario_name, session.mode) == (TURKIYE, "scenario")
    # a plain key last, so no modifier state lingers into later tests
    QTest.keyClick(whatif.scenario_list, Qt.Key.Key_Escape)

    # ----- save, close, reopen --------------------------------------------------------------
    saved = tmp_path / "saved.sbx"
    assert window.save_as(saved)
    assert window.windowTitle().endswith("saved.sbx")
    whatif.wait_idle()
    window.close()

    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.open_path(saved)
    again.resize(1400, 900)
    again.show()
    qtbot.waitExposed(again)
    session = again.session
    doc = session.project.document()
    assert session.view_filter == VIEW
    assert (session.scenario_name, session.mode) == (TURKIYE, "scenario")
    assert doc.scenarios[TURKIYE].changes == (TUR_LEAVES,)
    assert doc.scenarios[ARMENIA].changes == (ARM_LEAVES,)

    filters, whatif = _panels(again)
    assert _checked_regions(filters.region_tree) == set(REGIONS)
    assert filters.date_slider.value() == filters.scale.position(AS_OF)
    assert filters.date_label.text() == "30 Jun 2022"
    assert filters.current_view() == VIEW
    assert filters.count_label.text() == _count_text(doc, VIEW)

    assert [whatif.scenario_list.item(r).text() for r in range(whatif.scenario_list.count())] \
        == [ARMENIA, TURKIYE]
    assert whatif.scenario_list.currentItem().text() == TURKIYE
    assert [whatif.change_list.item(r).text() for r in range(whatif.change_list.count())] \
        == [describe_change(doc, TUR_LEAVES)]
    assert whatif.mode_combo.currentData() == "scenario" and whatif.mode_combo.isEnabled()
    _check_shown_equals_engine(qtbot, again, TURKIYE)
    _settled(qtbot, again, VIEW)
    _shot(again, "panels-4-reopened", comparison=True)
    whatif.wait_idle()
    again.close()
