"""Size actors by: the capability index (default), one published figure, or links."""

from __future__ import annotations

from dataclasses import replace

import pytest

from explorer.model.entities import Capability
from explorer.scene import styles
from explorer.scene.graph_model import build_graph_model
from tests.ui.conftest import open_window, small_document


def sizes(model) -> dict[str, float]:
    return {k.split(":", 1)[1]: float(s) for k, s, hub in
            zip(model.keys, model.sizes, model.is_hub, strict=True) if not hub}


def shape_label(model) -> str:
    return next(e.label for e in model.legend if e.kind == "shape" and e.shape == "o")


def test_capability_is_the_default_and_actors_without_figures_are_smallest():
    model = build_graph_model(small_document())
    s = sizes(model)
    assert max(s, key=s.get) == "USA"
    assert s["ARM"] == min(s.values())  # Armenia has no figure
    assert s["CHN"] > s["RUS"] > s["TUR"]  # milex 300 > 100 > 40
    assert shape_label(model) == "Actor (size: capability)"


def test_a_figure_mode_sizes_only_the_actors_that_report_it():
    doc = small_document()
    doc.actors["FRA"] = replace(
        doc.actors["FRA"],
        capabilities=doc.actors["FRA"].capabilities + (Capability("population_m", 68.0, 2024),),
    )
    model = build_graph_model(doc, size_by="population_m")
    s = sizes(model)
    assert max(s, key=s.get) == "FRA"
    assert {a for a, v in s.items() if v == min(s.values())} == {"USA", "TUR", "RUS", "ARM",
                                                                 "CHN"}
    assert shape_label(model) == "Actor (size: population)"


def test_links_mode_counts_alliances_and_ties():
    model = build_graph_model(small_document(), size_by="links")
    s = sizes(model)
    # Russia: CSTO + the tie with China; the NATO members and Armenia: one membership each
    assert max(s, key=s.get) == "RUS"
    assert s["USA"] == s["TUR"] == s["FRA"] == s["ARM"] == s["CHN"]
    assert shape_label(model) == "Actor (size: alliances and ties)"


def test_an_unknown_size_mode_is_refused():
    with pytest.raises(ValueError, match="size mode"):
        build_graph_model(small_document(), size_by="height")


def test_the_view_menu_choice_is_saved_with_the_project(qtbot, session, window_settings):
    path = session.project.path
    session.close()
    window = open_window(qtbot, path, window_settings)
    action = next(a for a in window.size_menu.actions() if a.text() == "Military expenditure")
    action.trigger()
    assert window.canvas.size_by == "milex_usd_bn"
    assert "Actor (size: military expenditure)" in window.canvas.legend_entries()
    window.close_project()
    again = open_window(qtbot, path, window_settings)
    assert again.canvas.size_by == "milex_usd_bn"
    checked = [a.text() for a in again.size_menu.actions() if a.isChecked()]
    assert checked == ["Military expenditure"]
    assert set(styles.SIZE_MODES) == set(styles.SIZE_LABELS)


def shape_rows(model) -> list[str]:
    return [e.label for e in model.legend if e.kind == "shape"]


def test_the_legend_names_the_largest_actor_and_its_value():
    doc = small_document()
    assert shape_rows(build_graph_model(doc, size_by="milex_usd_bn"))[:2] == [
        "Actor (size: military expenditure)", "largest: United States, 900 US$ bn"]
    assert shape_rows(build_graph_model(doc, size_by="links"))[1] == (
        "largest: Russia, 2 alliances and ties")
    # nobody reports a population: no scale line, and every actor is drawn smallest
    model = build_graph_model(doc, size_by="population_m")
    assert shape_rows(model)[:2] == ["Actor (size: population)", "Alliance hub"]
    assert len(set(sizes(model).values())) == 1
