"""Figure series (World Bank, one per year) survive editing in the inspector and table."""

from __future__ import annotations

from explorer.model.entities import Actor, Capability
from explorer.ui.data.table_models import actor_columns
from explorer.ui.inspector.widgets import CapabilityTable


def _actor() -> Actor:
    series = tuple(Capability("population_m", 10.0 + y, 2000 + y, "wb_wdi_pop") for y in range(6))
    milex = Capability("milex_usd_bn", 5.0, 2024, "sipri")
    return Actor("XX", "Xland", capabilities=(*series, milex))


def test_inspector_lists_hand_figures_and_keeps_series(qtbot):
    table = CapabilityTable()
    qtbot.addWidget(table)
    actor = _actor()
    table.set_figures(actor.capabilities)
    assert table.table.rowCount() == 1  # the SIPRI figure; the series is one note line
    assert "2000–2005" in table.series_note.text()
    table.set_cell(0, 1, "6.5")
    figures = table.figures()
    assert len(figures) == 7
    assert Capability("milex_usd_bn", 6.5, 2024, "sipri") in figures
    assert sum(1 for c in figures if c.metric == "population_m") == 6


def test_data_table_edits_the_latest_figure_it_shows():
    actor = _actor()
    column = next(c for c in actor_columns() if c.edit and "Population" in c.title)
    edited = column.edit(None, actor, "99")
    assert edited.figure("population_m") == 99.0
    assert edited.figure("population_m", 2004) == 14.0  # older years untouched
    removed = column.edit(None, actor, "")
    assert removed.figure("population_m") == 14.0  # the latest one is gone
