"""The map view's geometry without Qt: TopoJSON decoding, places, hubs, fills."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from explorer.dataset import load_dataset
from explorer.model.entities import Actor, Alliance, Document, Membership, Place
from explorer.scene import styles
from explorer.scene.geo.fills import country_fills
from explorer.scene.geo.placement import geo_coordinates, map_placement
from explorer.scene.geo.projection import MARGIN_X
from explorer.scene.geo.world import shapes_from_topology, world_shapes
from explorer.scene.graph_model import build_graph_model


def test_topology_arcs_are_delta_decoded_transformed_and_reversed():
    # two arcs: (0,0)->(10,0)->(10,10) and (10,10)->(0,10)->(0,0), quantised by 1,
    # scaled by 0.5 and moved by (-2, 1); the second polygon walks arc 0 backwards
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [-2, 1]},
        "arcs": [[[0, 0], [10, 0], [0, 10]], [[10, 10], [-10, 0], [0, -10]]],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "id": "100", "properties": {"name": "Sq"}},
            {"type": "MultiPolygon", "arcs": [[[~0]]], "id": "200"},
        ]}},
    }
    square, back = shapes_from_topology(topology)
    assert square.numeric == "100" and square.name == "Sq"
    ring = square.rings[0]
    # x = longitude, y = latitude; the shared point (10,10) is kept once
    expected = np.array([[-2, 1], [3, 1], [3, 6], [-2, 6], [-2, 1]], dtype=float)
    assert np.allclose(ring, expected)
    assert np.allclose(back.rings[0], [[3, 6], [3, 1], [-2, 1]])


def test_rings_across_the_antimeridian_are_not_streaked():
    topology = {"arcs": [[[170, 60], [179.5, 60], [-179.5, 65], [170, 65], [170, 60]]],
                "objects": {"countries": {"geometries": [
                    {"type": "Polygon", "arcs": [[0]], "id": "643"}]}}}
    ring = shapes_from_topology(topology)[0].rings[0]
    # no edge of the ring spans more than half the world
    assert np.abs(np.diff(ring[:, 0])).max() < 180
    assert ring[:, 0].max() == pytest.approx(180.5)


def test_bundled_world_has_no_antarctica_and_no_streaks():
    shapes = world_shapes()
    ids = {s.numeric for s in shapes}
    assert "010" not in ids and {"792", "840", "643", "156"} <= ids
    for shape in shapes:
        for ring in shape.rings:
            assert np.abs(np.diff(ring[:, 0])).max() < 180, shape.name
    turkiye = next(s for s in shapes if s.numeric == "792")
    pts = np.vstack(turkiye.rings)
    assert 25 < pts[:, 0].min() < 27 and 44 < pts[:, 0].max() < 46
    assert 35 < pts[:, 1].min() < 37 and 41 < pts[:, 1].max() < 43


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def test_default_dataset_places_nato_sco_and_the_gulf(dataset):
    model = build_graph_model(dataset)
    placement = map_placement(model, dataset)
    pos = {k: placement.positions[i] for i, k in enumerate(model.keys)}
    assert np.allclose(pos["actor:TUR"], (32.8543, 39.9199))  # Ankara
    nato_x, nato_y = pos["alliance:nato"]
    assert -40 < nato_x < 25 and nato_y > 35  # between North America and Europe, leaning east
    sco_x, sco_y = pos["alliance:sco"]
    assert 55 < sco_x < 95 and 30 < sco_y < 55  # Eurasia
    gcc_x, gcc_y = pos["alliance:gcc"]
    assert 45 < gcc_x < 58 and 20 < gcc_y < 30  # the Gulf
    # the PMF factions have no sourced base: the margin, right of the map
    assert placement.in_margin[model.index["actor:iraqi_militias"]]
    assert pos["actor:iraqi_militias"][0] == MARGIN_X
    assert placement.margin_count == 1


def test_every_default_state_has_a_sourced_place(dataset):
    for actor in dataset.actors.values():
        if actor.kind == "state":
            assert actor.place is not None, actor.id
            assert actor.place.source in dataset.sources, actor.id
        if actor.place is not None:
            for source in actor.place.source.split(";"):
                assert source in dataset.sources, (actor.id, source)


def _doc(places: dict[str, Place | None]) -> Document:
    doc = Document()
    for aid, place in places.items():
        doc.actors[aid] = Actor(aid, aid, "state", (), (), place=place)
    doc.alliances["pact"] = Alliance("pact", "Pact", "bilateral_defence", "defence")
    for i, aid in enumerate(places, start=1):
        doc.memberships[i] = Membership("pact", aid, "member", id=i)
    return doc


def test_a_hub_across_the_pacific_sits_in_the_pacific():
    doc = _doc({"USA": Place(38.9, -77.0), "JPN": Place(35.7, 139.7)})
    model = build_graph_model(doc)
    x, y = map_placement(model, doc).positions[model.index["alliance:pact"]]
    assert x < -140 or x > 140  # not over Africa, where the plain mean (31°E) would be
    assert y == pytest.approx((38.9 + 35.7) / 2)


def test_a_hub_with_no_placed_member_goes_to_the_margin():
    doc = _doc({"AAA": None, "BBB": None})
    model = build_graph_model(doc)
    placement = map_placement(model, doc)
    assert placement.in_margin.all()
    # stacked, not on top of each other
    assert len({tuple(p) for p in placement.positions}) == model.n_nodes
    assert all(c is None for c in geo_coordinates(placement))


def test_fills_take_the_node_colour_but_not_the_neutral_grey():
    doc = _doc({"TUR": Place(39.9, 32.9), "FRA": Place(48.9, 2.3)})
    model = build_graph_model(doc, color_by="bloc")  # no blocs: every state is grey
    assert country_fills(model) == {}
    model = build_graph_model(doc, color_by="alliance")
    fills = country_fills(model)
    assert set(fills) == {"792", "250"}
    colour, alpha = fills["792"]
    assert colour == model.colors[model.index["actor:TUR"]] != styles.NEUTRAL
    assert 0 < alpha < 1


def test_a_removed_state_is_filled_fainter(dataset):
    from explorer.model.entities import Change, Scenario

    scenario = Scenario("x", (Change("remove_actor", actor="FRA"),))
    model = build_graph_model(dataset, None, "alliance", scenario, "both")
    fills = country_fills(model)
    assert fills["250"][1] < fills["276"][1]  # France (ghosted) fainter than Germany


def test_place_validation_refuses_coordinates_off_the_globe():
    from explorer.model.errors import ValidationError
    from explorer.model.validation import validate_actor

    actor = Actor("TUR", "Türkiye", "state", place=Place(39.9, 32.9))
    validate_actor(actor)
    with pytest.raises(ValidationError, match="latitude"):
        validate_actor(dataclasses.replace(actor, place=Place(95.0, 32.9)))
    with pytest.raises(ValidationError, match="longitude"):
        validate_actor(dataclasses.replace(actor, place=Place(39.9, 181.0)))


def test_choropleth_fills_by_fifths_of_what_size_shows(dataset):
    from explorer.scene.geo.fills import CHOROPLETH, figure_fills, fill_legend, map_fills
    from explorer.scene.geo.world import numeric_codes

    model = build_graph_model(dataset, size_by="capability")
    fills, _lines = figure_fills(model)
    codes = numeric_codes()
    # the largest capability is in the darkest class, a small state in a light one
    assert fills[codes["CHN"]][0] == CHOROPLETH[-1]
    assert fills[codes["USA"]][0] == CHOROPLETH[-1]
    assert fills[codes["ALB"]][0] in CHOROPLETH[:2]
    # five classes of near-equal size
    counts = [sum(1 for c, _a in fills.values() if c == colour) for colour in CHOROPLETH]
    assert max(counts) - min(counts) <= 1
    assert map_fills(model, "none") == {} and map_fills(model, "figure") == fills
    rows = fill_legend(model, "figure")
    assert rows[0].label == "Capability: highest fifth" and rows[0].color == CHOROPLETH[-1]
    assert f"fifths of the {len(fills)} states" in rows[-1].label
    assert fill_legend(model, "node") == []
