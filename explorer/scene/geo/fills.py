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
#: "none": plain land; "node": each state in its node's colour
FILL_MODES = ("none", "node")


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
