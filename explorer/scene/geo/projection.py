"""The map's projection: equirectangular (plate carrée), one map unit per degree.

Chosen because a node's map position *is* its longitude and latitude: graph exports in
map mode write coordinates any GIS or Gephi's GeoLayout reads back unchanged, and
alliance hubs placed at their members' mean sit where a reader expects. Its stretch of
high latitudes matters little at world scale; the y axis points north, as the canvas's.
"""

from __future__ import annotations

import numpy as np

#: the part of the world the map shows (x from, y from, width, height): Antarctica and
#: the high Arctic are cut, the margin column for unplaced actors is right of 180°E
EXTENT = (-170.0, -58.0, 360.0, 142.0)
#: x of the margin column where actors with no place are drawn, and its first row's y
MARGIN_X = 196.0
MARGIN_TOP = 70.0
MARGIN_STEP = 7.0


def project(lat: np.ndarray | float, lon: np.ndarray | float) -> np.ndarray:
    """(n, 2) map coordinates of latitudes and longitudes in degrees."""
    lat = np.atleast_1d(np.asarray(lat, dtype=float))
    lon = np.atleast_1d(np.asarray(lon, dtype=float))
    return np.column_stack([lon, lat])

