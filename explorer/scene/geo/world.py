"""World country shapes from Natural Earth TopoJSON (``resources/geo/countries-110m.json``,
world-atlas 2.0.2), decoded once into rings of (x, y) map coordinates.

TopoJSON stores each shared border once as an *arc*: quantised integer points, each a
delta from the previous one, which the file's ``transform`` (scale, translate) turns into
longitude and latitude. A polygon lists the arcs of its rings; index ``~i`` is arc ``i``
walked backwards.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from explorer.paths import resources_dir
from explorer.scene.geo.projection import project

#: Antarctica (ISO 010) is left out: no actor sits there, and it would take a sixth of
#: the picture's height.
LEFT_OUT = frozenset({"010"})


@dataclass(frozen=True)
class CountryShape:
    """One country: ISO 3166 numeric id ("792"), its name, and its rings in map units."""

    numeric: str
    name: str
    rings: tuple[np.ndarray, ...]


def _decode_arcs(topology: dict) -> list[np.ndarray]:
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points = np.asarray(arc, dtype=float).reshape(-1, 2)
        if transform:
            points = np.cumsum(points, axis=0)
            points = points * np.asarray(transform["scale"]) + np.asarray(transform["translate"])
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[np.ndarray]) -> np.ndarray:
    parts = []
    for k, index in enumerate(indices):
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # consecutive arcs share their end point: keep it once
        parts.append(arc if k == 0 else arc[1:])
    return np.vstack(parts) if parts else np.zeros((0, 2))


def _unwrap(lonlat: np.ndarray) -> np.ndarray:
    """A ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps from 180° to
    −180°; filled as it is, it would streak across the whole map. Its western points are
    moved a turn east instead, so the ring closes just right of 180°."""
    if len(lonlat) > 1 and np.abs(np.diff(lonlat[:, 0])).max() > 180.0:
        lonlat = lonlat.copy()
        west = lonlat[:, 0] < 0
        lonlat[west, 0] += 360.0
    return lonlat


def shapes_from_topology(topology: dict, object_name: str = "countries") -> list[CountryShape]:
    """The countries of a TopoJSON topology, rings projected to map units."""
    arcs = _decode_arcs(topology)
    out = []
    for geometry in topology["objects"][object_name]["geometries"]:
        numeric = str(geometry.get("id") or "")
        if numeric in LEFT_OUT:
            continue
        kind = geometry.get("type")
        polygons = ([geometry["arcs"]] if kind == "Polygon"
                    else geometry["arcs"] if kind == "MultiPolygon" else [])
        rings = []
        for polygon in polygons:
            for ring_indices in polygon:
                lonlat = _unwrap(_ring(ring_indices, arcs))
                if len(lonlat) >= 3:
                    rings.append(project(lonlat[:, 1], lonlat[:, 0]))
        name = str((geometry.get("properties") or {}).get("name") or "")
        out.append(CountryShape(numeric, name, tuple(rings)))
    return out


def world_file() -> Path:
    return resources_dir() / "geo" / "countries-110m.json"


@lru_cache(maxsize=1)
def world_shapes() -> tuple[CountryShape, ...]:
    """The bundled world map's countries (read and decoded once per process)."""
    with open(world_file(), encoding="utf-8") as handle:
        return tuple(shapes_from_topology(json.load(handle)))


@lru_cache(maxsize=1)
def numeric_codes() -> dict[str, str]:
    """ISO 3166 alpha-3 -> numeric code ("TUR" -> "792"), to find an actor's shape."""
    path = resources_dir() / "geo" / "iso_numeric.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["alpha3"]: row["numeric"] for row in csv.DictReader(handle)}
