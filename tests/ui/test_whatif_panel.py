"""The What-if dock: scenarios through undoable commands, and a comparison equal to the engine's."""

from __future__ import annotations

import dataclasses

import pytest
import shiboken6
from test_filters_panel import small_document  # same folder (pytest prepend import mode)

from explorer.analysis.capability import DEFAULT_WEIGHTS as _DEFAULT_WEIGHTS
from explorer.analysis.report import build_report
from explorer.analysis.view import ViewFilter
from explorer.analysis.whatif import compare, removal_impact
from explorer.model.entities import Change
from explorer.scene.view_state import ViewState
from explorer.store import Project
from explorer.ui.session import ProjectSession
from explorer.ui.whatif.panel import (
    WhatIfPanel,
    add_change_to_scenario,
    unique_scenario_name,
    whatif_menu_actions,
)

TUR_LEAVES = Change("remove_membership", actor="TUR", alliance="nato")


@pytest.fixture
def open_panel(qtbot, tmp_path):
    made: list = []

    def open_(doc=None) -> tuple[ProjectSession, WhatIfPanel]:
        path = tmp_path / f"p{len(made)}.sbx"
        session = ProjectSession(Project.create(path, doc or small_document()))
        panel = WhatIfPanel(session)
        made.append((session, panel))
        return session, panel

    yield open_
    for session, panel in made:
        if shiboken6.isValid(panel):
            panel.wait_idle()
            shiboken6.delete(panel)
        session.close()


def test_new_scenario_with_a_change_is_stored_and_undoable(open_panel):
    session, panel = open_panel()
    assert panel.new_scenario("Türkiye leaves NATO") == "Türkiye leaves NATO"
    assert session.scenario_name == "Türkiye leaves NATO"
    assert panel.add_change(TUR_LEAVES) == "Türkiye leaves NATO"
    doc = session.project.document()
    assert doc.scenarios["Türkiye leaves NATO"].changes == (TUR_LEAVES,)
    assert panel.change_list.count() == 1
    assert panel.change_list.item(0).text() == "Türkiye leaves NATO"
    assert panel.change_list.item(0).toolTip() == TUR_LEAVES.describe()

    session.undo()  # the change
    assert session.project.document().scenarios["Türkiye leaves NATO"].changes == ()
    assert panel.change_list.count() == 0
    session.undo()  # the scenario
    assert "Türkiye leaves NATO" not in session.project.document().scenarios
    assert session.scenario_name is None
    assert panel.scenario_list.count() == 0
    session.redo()
    assert "Türkiye leaves NATO" in session.project.document().scenarios


def test_rename_duplicate_delete_and_remove_changes(open_panel):
    session, panel = open_panel()
    panel.new_scenario("A")
    panel.add_change(TUR_LEAVES)
    panel.add_change(Change("dissolve_alliance", alliance="csto"))
    assert panel.new_scenario("A") is None  # names are unique
    assert panel.rename_scenario("B") == "B"
    doc = session.project.document()
    assert set(doc.scenarios) == {"B"} and len(doc.scenarios["B"].changes) == 2
    assert session.scenario_name == "B"
    session.undo()
    assert set(session.project.document().scenarios) == {"A"}
    session.redo()
    session.set_scenario("B")
    assert panel.duplicate_scenario() == "B (copy)"
    assert session.project.document().scenarios["B (copy)"].changes == doc.scenarios["B"].changes
    panel.change_list.item(0).setSelected(True)
    assert panel.remove_selected_changes()
    assert session.project.document().scenarios["B (copy)"].changes == (
        Change("dissolve_alliance", alliance="csto"),
    )
    assert panel.delete_scenario()
    assert set(session.project.document().scenarios) == {"B"}
    assert session.scenario_name is None
    session.undo()
    assert "B (copy)" in session.project.document().scenarios


def test_selecting_a_scenario_and_mode_goes_through_the_session(open_panel):
    session, panel = open_panel()
    panel.new_scenario("A")
    panel.new_scenario("B")
    assert session.scenario_name == "B"
    panel.scenario_list.setCurrentRow(0)
    assert session.scenario_name == "A"
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData("scenario"))
    panel.mode_combo.activated.emit(panel.mode_combo.currentIndex())
    assert session.mode == "scenario"
    session.set_scenario("B", "both")
    assert panel.scenario_list.currentItem().text() == "B"
    assert panel.mode_combo.currentData() == "both"


def test_add_change_without_scenario_creates_one_named_after_it(open_panel):
    session, panel = open_panel()
    assert session.scenario_name is None
    name = add_change_to_scenario(session, TUR_LEAVES)
    assert name == "Türkiye leaves NATO"
    assert session.scenario_name == name
    assert session.project.document().scenarios[name].changes == (TUR_LEAVES,)
    # adding the same change again changes nothing
    assert add_change_to_scenario(session, TUR_LEAVES) == name
    assert len(session.stack) == 1
    assert unique_scenario_name(session.project.document(), name) == f"{name} (2)"


def test_menu_actions_for_nodes(open_panel):
    session, panel = open_panel()
    texts = [t for t, _ in whatif_menu_actions(session, "actor:TUR")]
    assert texts == ["What if Türkiye left NATO?", "What if Türkiye were removed?"]
    session.set_view_filter(ViewFilter(as_of="2022-06-30"))
    assert not any("Finland left" in t for t, _ in whatif_menu_actions(session, "actor:FIN"))
    session.set_view_filter(ViewFilter())
    assert any("Finland left NATO" in t for t, _ in whatif_menu_actions(session, "actor:FIN"))
    [(text, action)] = whatif_menu_actions(session, "alliance:csto")
    assert text == "What if CSTO were dissolved?"
    action()
    assert session.project.document().scenarios["Dissolve CSTO"].changes == (
        Change("dissolve_alliance", alliance="csto"),
    )
    assert whatif_menu_actions(session, "actor:nobody") == []
    assert whatif_menu_actions(session, "junk") == []


def _check_against_engine(session, panel):
    comparison = panel.compute_now()
    doc = session.project.document()
    scenario = doc.scenarios[session.scenario_name]
    view = session.view_filter
    report = build_report(doc, view, scenario)["comparison"]
    engine = compare(doc, scenario, view)

    shown = panel.figures()
    for key, (before, after, delta) in shown.items():
        if key == "ratio":
            continue
        assert (before, after, delta) == pytest.approx(
            tuple(report["figures"][key][k] for k in ("baseline", "scenario", "delta"))
        ), key
    a, b = panel.bloc_a.currentData(), panel.bloc_b.currentData()
    # the narrow combos show the full bloc name on hover
    assert panel.bloc_a.toolTip() == panel.bloc_a.currentText() != ""
    assert shown["ratio"][0] == pytest.approx(engine.baseline.user_blocs.ratio(a, b))
    assert shown["ratio"][1] == pytest.approx(engine.scenario.user_blocs.ratio(a, b))

    assert [r[0] for r in panel.broker_rows()] == [r["actor"] for r in report["brokers"]]
    assert [r[1:] for r in panel.broker_rows()] == [
        (r["baseline_rank"], r["scenario_rank"], r["rank_change"]) for r in report["brokers"]
    ]
    bars = {key: (base, alt) for key, base, alt in panel.chart.bar_heights()}
    view = panel.comparison_view.bloc_view.currentData()
    for key, row in report["bloc_views"][view].items():
        want = tuple(100 * (v or 0.0) for v in (row["baseline"], row["scenario"]))
        assert bars[key] == pytest.approx(want), key
    power = panel.comparison_view.power
    assert power.sentences == build_report(doc, view=session.view_filter,
                                           scenario=scenario)["summary"]
    shown_alliances = power.rows("alliances")
    assert shown_alliances
    moved = [k for k, r in engine.alliances.items()
             if r["delta"] is None or abs(r["delta"]) >= 5e-5]
    assert [r[0] for r in shown_alliances] == moved[: len(shown_alliances)]
    for key, before, after, delta in shown_alliances:
        row = engine.alliances[key]
        assert (before, after, delta) == pytest.approx(
            (row["baseline"], row["scenario"], row["delta"]))
    assert comparison.newly_isolated == report["newly_isolated"]
    return comparison, report


def test_comparison_equals_the_engine(open_panel, qtbot):
    session, panel = open_panel()
    with qtbot.waitSignal(panel.comparisonReady, timeout=5000):
        add_change_to_scenario(session, Change("remove_actor", actor="RUS"))
    assert panel.comparison is not None
    comparison, report = _check_against_engine(session, panel)
    assert report["bloc_shares"]["east"]["delta"] < 0
    # the delta cell of a falling share is red, with a down arrow and an explaining tip
    row = [panel.figures_table.item(r, 0).data(0x0100) for r in range(panel.figures_table.rowCount())]
    cell = panel.figures_table.item(row.index("con_user_blocs"), 3)
    assert "▲" in cell.text() or "▼" in cell.text()
    assert "green" in cell.toolTip()
    # the chart says how many actors' figures its shares rest on
    cap = panel.comparison.baseline.capability
    covered = len(cap.index) - len(cap.no_data)
    coverage = panel.comparison_view.coverage_label.text()
    assert f"figures for {covered} of {len(cap.index)} actors" in coverage

    # the view filter drives the comparison (recomputed in the worker)
    with qtbot.waitSignal(panel.comparisonReady, timeout=5000):
        session.set_view_filter(ViewFilter(as_of="2022-06-30", regions=frozenset({"europe"})))
    assert panel.comparison.baseline.data.view.as_of == "2022-06-30"
    _check_against_engine(session, panel)


def test_stale_results_are_dropped(open_panel, qtbot):
    session, panel = open_panel()
    add_change_to_scenario(session, TUR_LEAVES)
    seen = []
    panel.comparisonReady.connect(seen.append)
    # several edits in a row: only the newest comparison is shown
    for as_of in ("2000-01-01", "2010-01-01", "2024-06-30"):
        session.set_view_filter(ViewFilter(as_of=as_of))
        panel._request_comparison()  # submit at once, skipping the debounce
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    panel.wait_idle()
    qtbot.wait(50)
    assert len(seen) == 1
    assert panel.comparison.baseline.data.view.as_of == "2024-06-30"


def test_removal_impact_table(open_panel, qtbot):
    session, panel = open_panel()
    panel.tabs.setCurrentIndex(1)
    panel.impact_alliance.setCurrentIndex(panel.impact_alliance.findData("nato"))
    panel.impact_measure.setCurrentIndex(panel.impact_measure.findData("largest_component_share"))
    with qtbot.waitSignal(panel.impactReady, timeout=5000):
        pass
    expected = removal_impact(session.project.document(), session.view_filter, "nato",
                              "largest_component_share")
    rows = panel.compute_impact_now()
    assert [a for a, _ in rows] == [a for a, _ in expected]
    assert [a for a, _ in panel.impact_rows()] == [a for a, _ in expected]
    for (_, shown), (_, want) in zip(panel.impact_rows(), expected, strict=True):
        assert shown == pytest.approx(want)
    # equal changes share a rank; a change too small to measure is said, not ranked
    from explorer.analysis.impact import impact_ranks

    table = panel.impact_table
    for r, rank in enumerate(impact_ranks(expected)):
        if rank is None:
            assert table.item(r, 1).text() in ("no measurable effect", "–")
            assert table.item(r, 2).text() == ""
        else:
            assert table.item(r, 2).text() == str(rank)

    panel.impact_measure.setCurrentIndex(panel.impact_measure.findData("bloc_share"))
    assert panel.impact_bloc.isEnabled()
    panel.impact_bloc.setCurrentIndex(panel.impact_bloc.findData("west"))
    rows = panel.compute_impact_now()
    want = removal_impact(session.project.document(), session.view_filter, "nato", "bloc_share",
                          bloc="west")
    assert [a for a, _ in rows] == [a for a, _ in want]

    panel.impact_table.selectRow(0)
    panel.btn_impact_add.click()
    assert session.scenario_name is not None
    scenario = session.project.document().scenarios[session.scenario_name]
    assert scenario.changes == (Change("remove_membership", actor=rows[0][0], alliance="nato"),)


def test_default_dataset_turkiye_leaves_nato(open_panel, qtbot):
    from explorer.dataset import load_dataset

    doc = load_dataset()
    session, panel = open_panel(doc)
    panel.new_scenario("Türkiye leaves NATO")
    panel.add_change(TUR_LEAVES)
    assert session.project.document().scenarios["Türkiye leaves NATO"].changes == (TUR_LEAVES,)
    _check_against_engine(session, panel)
    session.undo()
    assert session.project.document().scenarios["Türkiye leaves NATO"].changes == ()


def test_a_scenario_never_touches_the_baseline(open_panel):
    session, panel = open_panel()
    before = session.project.dump()
    add_change_to_scenario(session, Change("remove_actor", actor="USA"))
    panel.compute_now()
    after_doc = session.project.document()
    assert "USA" in after_doc.actors
    scenarios_only = dataclasses.replace(after_doc, scenarios={})
    assert scenarios_only.actors == small_document().actors
    assert session.project.dump() != before  # only the scenario row was added


def test_a_menu_question_starts_its_own_scenario_and_can_be_added_explicitly(open_panel):
    session, panel = open_panel()
    [(_, leave_nato), (_, remove)] = whatif_menu_actions(session, "actor:TUR")
    leave_nato()
    first = session.scenario_name
    assert session.project.document().scenarios[first].changes == (
        Change("remove_membership", actor="TUR", alliance="nato"),
    )
    entries = dict(whatif_menu_actions(session, "actor:RUS"))
    entries["What if Russia were removed?"]()
    doc = session.project.document()
    assert session.scenario_name != first  # a new scenario, not added to Türkiye's
    assert doc.scenarios[first].changes == (
        Change("remove_membership", actor="TUR", alliance="nato"),
    )
    assert doc.scenarios[session.scenario_name].changes == (Change("remove_actor", actor="RUS"),)
    session.set_scenario(first)
    add = [f for t, f in whatif_menu_actions(session, "actor:RUS")
           if t.startswith("Add to") and t.endswith("Remove Russia")]
    assert len(add) == 1
    add[0]()
    assert session.project.document().scenarios[first].changes[-1] == Change(
        "remove_actor", actor="RUS"
    )


def test_weights_reach_the_comparison_and_are_saved(open_panel):
    session, panel = open_panel()
    panel.new_scenario("Türkiye leaves NATO")
    panel.add_change(Change("remove_membership", actor="TUR", alliance="nato"))
    before = panel.compute_now()
    shares = dict(before.baseline.capability.share)
    weights = {**_DEFAULT_WEIGHTS, "population_m": 0.0, "urban_population_m": 0.0,
               "energy_mtoe": 0.0, "milex_usd_bn": 1.0}
    session.set_weights(weights)
    after = panel.compute_now()
    assert after.baseline.capability.weights == weights
    assert after.baseline.capability.share != shares
    assert ViewState.load(session.project).weights == weights
    session.set_weights(None)
    assert ViewState.load(session.project).weights is None


def test_comparison_tables_save_as_csv(open_panel, tmp_path):
    import csv

    from explorer.ui.whatif.table_csv import write_tables_csv

    session, panel = open_panel()
    assert not panel.comparison_view.save_csv.isEnabled()
    panel.new_scenario("Türkiye leaves NATO")
    panel.add_change(TUR_LEAVES)
    panel.compute_now()
    view = panel.comparison_view
    assert view.save_csv.isEnabled()
    out = write_tables_csv(tmp_path / "t.csv", "What if: Türkiye leaves NATO",
                           view.csv_sections())
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["What if: Türkiye leaves NATO"]
    titles = [r[0] for i, r in enumerate(rows) if i and rows[i - 1] == []]
    assert titles == ["Figures", "Top brokers (betweenness rank)",
                      "Alliances: share of world capability in view", "Allied capability"]
    brokers = rows.index(["Top brokers (betweenness rank)"])
    assert rows[brokers + 1] == ["Actor", "Baseline", "Scenario", "Change"]
    shown = [view.brokers_table.item(r, 0).text() for r in range(view.brokers_table.rowCount())]
    assert [r[0] for r in rows[brokers + 2: brokers + 2 + len(shown)]] == shown


def test_scenario_against_scenario(open_panel):
    from explorer.analysis.narrative import comparison_summary

    session, panel = open_panel()
    panel.new_scenario("Türkiye leaves NATO")
    panel.add_change(TUR_LEAVES)
    panel.new_scenario("France leaves NATO")
    panel.add_change(Change("remove_membership", actor="FRA", alliance="nato"))
    # the combo offers the baseline and every other scenario, not the one shown
    combo = panel.reference_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Baseline", "Türkiye leaves NATO"]
    panel.set_reference("Türkiye leaves NATO")
    c = panel.compute_now()
    assert c.reference_name == "Türkiye leaves NATO"
    doc = session.project.document()
    # the reference side is the Türkiye scenario, the other side the France one
    expect = compare(doc, doc.scenarios["France leaves NATO"], session.view_filter,
                     reference=doc.scenarios["Türkiye leaves NATO"])
    assert c.figures == expect.figures
    assert "TUR" in c.baseline.data.actors and "vs. Türkiye leaves NATO" in panel.status.text()
    nato = c.baseline.data.alliances["nato"]
    assert nato is not None
    sentences = comparison_summary(c)
    assert sentences[0].startswith("Compared with \u201cTürkiye leaves NATO\u201d, not the baseline")
    assert sentences[0].endswith("this scenario, which leaves out Türkiye leaving NATO.")
    # the choice is kept with the project; picking the baseline goes back to it
    assert session.project.setting("whatif.reference") == "Türkiye leaves NATO"
    panel.set_reference(None)
    assert panel.compute_now().reference_name is None
