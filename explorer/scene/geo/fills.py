"""Country fills of the map view: each state's shape in its node's colour (bloc,
principal alliance, region … whatever the nodes are coloured by), muted so the network
stays readable on top."""

from __future__ import annotations

from explorer.model.node_key import ACTOR, NodeKey
from explorer.scene import styles
from explorer.scene.geo.world import numeric_codes
from explorer.scene.graph_model import GraphModel

#: how much of the node colour a filled country takes (the rest is the land colour)
FILL_ALPHA = 0.42
#: "none": plain land; "node": each state in its node's colour; "figure": a choropleth
#: of what the node sizes show (capability index, a figure, links)
FILL_MODES = ("none", "node", "figure")
#: the choropleth's classes, lightest (lowest fifth) to darkest (highest fifth)
CHOROPLETH = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
CHOROPLETH_ALPHA = 0.85
CLASS_NAMES = ("lowest fifth", "second fifth", "middle fifth", "fourth fifth", "highest fifth")


def country_fills(model: GraphModel) -> dict[str, tuple[str, float]]:
    """ISO numeric code -> (colour, opacity) of every drawn state that has a shape.

    A state the scenario removes (ghosted) or outside the view's regions (faded) is
    filled fainter, as its node is drawn."""
    codes = numeric_codes()
    out: dict[str, tuple[str, float]] = {}
    for i, key in enumerate(model.keys):
        node = NodeKey.parse(key)
        if node.kind != ACTOR or model.is_hub[i]:
            continue
        numeric = codes.get(node.id)
        # the neutral grey ("No bloc", "No alliance in view") says nothing a plain
        # country does not: leaving it unfilled keeps the map's colours meaningful
        if numeric is None or model.colors[i] == styles.NEUTRAL:
            continue
        faint = bool(model.faded[i] or model.ghost[i])
        out[numeric] = (model.colors[i], FILL_ALPHA * (0.35 if faint else 1.0))
    return out


def figure_fills(model: GraphModel) -> tuple[dict[str, tuple[str, float]], list[str]]:
    """A choropleth of what the node sizes show: the drawn states with a shape and a
    value in five classes by rank (quintiles), and the legend's lines. States with no
    value are left unfilled, and the legend says so."""
    codes = numeric_codes()
    ranked = []
    for i, key in enumerate(model.keys):
        node = NodeKey.parse(key)
        if node.kind != ACTOR or model.is_hub[i] or model.ghost[i]:
            continue
        value = model.size_values.get(node.id)
        numeric = codes.get(node.id)
        if numeric is not None and value is not None:
            ranked.append((value, node.id, numeric))
    ranked.sort()
    fills: dict[str, tuple[str, float]] = {}
    for rank, (_value, _aid, numeric) in enumerate(ranked):
        fills[numeric] = (CHOROPLETH[min(4, rank * 5 // max(len(ranked), 1))], CHOROPLETH_ALPHA)
    what = model.size_label or "size"
    lines = [f"Countries: {what}, by fifths ({len(ranked)} states with a value; the rest"
             " unfilled)"]
    return fills, lines


def fill_legend(model: GraphModel, mode: str) -> list:
    """Legend rows of the choropleth (none for the other fills: they repeat the nodes')."""
    from explorer.scene.graph_model import LegendEntry

    if mode != "figure":
        return []
    fills, _lines = figure_fills(model)
    what = (model.size_label or "size")
    what = what[:1].upper() + what[1:]
    rows = [LegendEntry("fill", f"{what}: {name}", color, "s")
            for name, color in reversed(list(zip(CLASS_NAMES, CHOROPLETH, strict=True)))]
    rows.append(LegendEntry("fill", f"fifths of the {len(fills)} states in view with a value;"
                            " unfilled: no value", "", ""))
    return rows


def map_fills(model: GraphModel, mode: str) -> dict[str, tuple[str, float]]:
    """The fills of ``mode`` (one of FILL_MODES)."""
    if mode == "node":
        return country_fills(model)
    if mode == "figure":
        return figure_fills(model)[0]
    return {}
