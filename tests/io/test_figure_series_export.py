"""Graph formats hold one value per metric: a series exports its latest figure, published
over derived, and the derived flag comes back on import."""

from __future__ import annotations

import pytest

from explorer.io import export_graph, import_graph
from explorer.model.entities import Actor, Capability, Document

SERIES = (
    Capability("milex_usd_bn", 997.0, 2024, "sipri"),
    Capability("milex_usd_bn", 900.0, 2023, "share;gdp", derived=True),
    Capability("milex_usd_bn", 950.0, 2024, "share;gdp", derived=True),
    Capability("energy_mtoe", 2100.0, 2022, "energy;pop", derived=True),
    Capability("energy_mtoe", 2200.0, 2023, "energy;pop", derived=True),
)


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_series_exports_the_latest_published_figure(tmp_path, fmt):
    doc = Document(actors={"USA": Actor("USA", "United States", capabilities=SERIES)})
    path = tmp_path / f"series.{fmt}"
    export_graph(doc, path, fmt)
    back = import_graph(path, fmt).document.actors["USA"]
    assert back.figure_at("milex_usd_bn") == SERIES[0]
    assert back.figure_at("energy_mtoe") == SERIES[4]
    assert len(back.capabilities) == 2
