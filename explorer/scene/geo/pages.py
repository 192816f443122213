"""Map pages for image export and animation: panels placed on the map, with fills."""

from __future__ import annotations

from explorer.model.entities import Document
from explorer.scene.geo.fills import map_fills
from explorer.scene.geo.placement import map_placement
from explorer.scene.geo.projection import EXTENT
from explorer.scene.graph_model import GraphModel
from explorer.scene.picture import MapBackdrop, Panel


def map_panel(model: GraphModel, doc: Document, fill: str = "node",
              heading: str = "") -> tuple[Panel, int]:
    """A panel of ``model`` at its map places, and how many nodes sit in the margin."""
    placement = map_placement(model, doc)
    fills = map_fills(model, fill)
    return Panel(model, placement.positions, heading, fills), placement.margin_count


def map_backdrop(margin_rows: int) -> MapBackdrop:
    """The world map's backdrop, with room for ``margin_rows`` unplaced nodes."""
    return MapBackdrop(EXTENT, margin_rows)
