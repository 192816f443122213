# ruff: noqa: B007  (the loop variable `line` is read by the error handler)
"""Build a Document from the bundled dataset: CSV files a person can review and diff.

The files and their columns are described in ``data/SOURCES.md``. Reading is strict: a
broken row stops the load with the file and line named, because a silently skipped
fact would be worse than none.
"""

from __future__ import annotations

import csv
from pathlib import Path

from explorer.model.bulk import gc_paused
from explorer.model.entities import (
    Actor,
    Alliance,
    Bloc,
    Capability,
    Document,
    Membership,
    Place,
    Region,
    Source,
    Tie,
)
from explorer.paths import data_dir

DEFAULT_TITLE = "World alliances (default dataset)"


class DatasetError(ValueError):
    """A dataset file is missing or has a row that cannot be read."""


def _rows(folder: Path, name: str, required: bool = True) -> list[tuple[int, dict[str, str]]]:
    path = folder / name
    if not path.exists():
        if required:
            raise DatasetError(f"The dataset file {path} is missing.")
        return []
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return [
            (line, {k: (v or "").strip() for k, v in row.items() if k is not None})
            for line, row in enumerate(reader, start=2)
        ]


def _opt(value: str) -> str | None:
    return value or None


def load_dataset(folder: Path | None = None) -> Document:
    """Read the dataset in ``folder`` (default: the bundled one) into a Document."""
    with gc_paused():
        return _load(folder)


def _load(folder: Path | None) -> Document:
    """The body of :func:`load_dataset` (run with the garbage collector paused)."""
    folder = Path(folder) if folder else data_dir()
    doc = Document(title=DEFAULT_TITLE)
    current = ""
    line = 0
    try:
        current = "dataset.csv"
        for line, row in _rows(folder, current, required=False):
            if row["key"] == "vintage":
                doc.vintage = row["value"]
        current = "regions.csv"
        for line, row in _rows(folder, current):
            doc.regions[row["id"]] = Region(row["id"], row["name"], _opt(row.get("parent", "")))
        current = "sources.csv"
        for line, row in _rows(folder, current):
            doc.sources[row["id"]] = Source(
                row["id"], row["title"], row.get("publisher", ""), row.get("url", ""),
                row.get("published", ""), row.get("accessed", ""),
            )
        caps: dict[str, list[Capability]] = {}
        current = "capabilities.csv"
        for line, row in _rows(folder, current, required=False):
            caps.setdefault(row["actor"], []).append(
                Capability(
                    row["metric"], float(row["value"]),
                    int(row["year"]) if row.get("year") else None, row.get("source", ""),
                )
            )
        _read_figures(folder / "figures.csv", caps)
        places = _read_places(folder)
        current = "actors.csv"
        for line, row in _rows(folder, current):
            regions = tuple(r.strip() for r in row.get("regions", "").split(";") if r.strip())
            doc.actors[row["id"]] = Actor(
                row["id"], row["name"], row["kind"], regions,
                tuple(caps.get(row["id"], ())), row.get("notes", ""), row.get("source", ""),
                tuple(a.strip() for a in row.get("aliases", "").split(";") if a.strip()),
                _opt(row.get("start", "")), _opt(row.get("end", "")), places.get(row["id"]),
            )
        current = "alliances.csv"
        for line, row in _rows(folder, current):
            doc.alliances[row["id"]] = Alliance(
                row["id"], row["name"], row["kind"], row["obligation"],
                row.get("formal", "1") not in ("0", "false", "False", ""),
                _opt(row.get("founded", "")), _opt(row.get("ended", "")),
                row.get("source", ""), row.get("notes", ""), row.get("short_name", ""),
                _opt(row.get("signed", "")),
            )
        current = "memberships.csv"
        for number, (line, row) in enumerate(_rows(folder, current), start=1):
            doc.memberships[number] = Membership(
                row["alliance"], row["actor"], row["role"], _opt(row.get("joined", "")),
                _opt(row.get("left", "")), row.get("source", ""), row.get("notes", ""),
                id=number, signed=_opt(row.get("signed", "")),
            )
        current = "ties.csv"
        for number, (line, row) in enumerate(_rows(folder, current, required=False), start=1):
            doc.ties[number] = Tie(
                row["a"], row["b"], int(row["sign"]), row.get("kind", ""),
                _opt(row.get("start", "")), _opt(row.get("end", "")),
                row.get("source", ""), row.get("notes", ""), id=number,
                signed=_opt(row.get("signed", "")),
            )
        members: dict[str, list[str]] = {}
        periods: dict[str, list[tuple[str, str | None, str | None]]] = {}
        current = "bloc_members.csv"
        for line, row in _rows(folder, current, required=False):
            members.setdefault(row["bloc"], []).append(row["actor"])
            joined, left = _opt(row.get("joined", "")), _opt(row.get("left", ""))
            if joined or left:
                periods.setdefault(row["bloc"], []).append((row["actor"], joined, left))
        current = "blocs.csv"
        for line, row in _rows(folder, current, required=False):
            doc.blocs[row["id"]] = Bloc(
                row["id"], row["name"], row.get("color") or "#888888",
                row.get("description", ""), tuple(members.get(row["id"], ())),
                tuple(periods.get(row["id"], ())),
            )
    except (KeyError, ValueError) as exc:
        if isinstance(exc, DatasetError):
            raise
        raise DatasetError(f"{folder / current}, line {line}: {exc!r}") from None
    strays = sorted((set(caps) | set(places)) - set(doc.actors))
    if strays:
        raise DatasetError(f"{folder}: figures for unknown actors {', '.join(strays[:5])}.")
    return doc


def _read_places(folder: Path) -> dict[str, Place]:
    """``places.csv``: where the map draws each actor (built by ``scripts/build_places.py``
    for capitals; bases and seats added by hand, each with its source)."""
    places: dict[str, Place] = {}
    line = 0
    try:
        for line, row in _rows(folder, "places.csv", required=False):
            lat, lon = float(row["lat"]), float(row["lon"])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(f"({lat}, {lon}) is not on the globe")
            places[row["actor"]] = Place(lat, lon, row.get("kind") or "capital",
                                         row.get("name", ""), row.get("source", ""))
    except (KeyError, ValueError) as exc:
        raise DatasetError(f"{folder / 'places.csv'}, line {line}: {exc!r}") from None
    return places


FIGURE_COLUMNS = ("actor", "metric", "year", "value", "source", "derived")


def _read_figures(path: Path, caps: dict[str, list[Capability]]) -> None:
    """Append the rows of ``figures.csv`` (built by ``scripts/build_figures.py``) to ``caps``.

    About 26 000 rows: split without a dict per row and built with ``Capability.many``
    to keep opening the default project fast.
    """
    if not path.exists():
        return
    actors: list[str] = []
    parsed: list[tuple[str, float, int | None, str, bool]] = []
    line = 1
    try:
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        # The file is written without quoting (no field holds a comma), and splitting is
        # twice as fast as the csv module; a quoted field added by hand still parses.
        reader = csv.reader(lines) if '"' in text else (row.split(",") for row in lines)
        header = next(reader, [])
        if tuple(header) != FIGURE_COLUMNS:
            raise ValueError(f"the columns must be {','.join(FIGURE_COLUMNS)}")
        for line, (actor, metric, year, value, source, derived) in enumerate(reader, 2):
            if derived not in ("0", "1"):
                raise ValueError(f"derived must be 0 or 1 (got {derived!r})")
            actors.append(actor)
            parsed.append(
                (metric, float(value), int(year) if year else None, source, derived == "1")
            )
    except ValueError as exc:
        raise DatasetError(f"{path}, line {line}: {exc}") from None
    for actor, cap in zip(actors, Capability.many(parsed), strict=True):
        caps.setdefault(actor, []).append(cap)


def empty_document(title: str = "Untitled", folder: Path | None = None) -> Document:
    """A project with no actors yet but the standard region tree, so new actors can be
    placed in regions and the region filter works from the start."""
    folder = Path(folder) if folder else data_dir()
    doc = Document(title=title)
    for _line, row in _rows(folder, "regions.csv"):
        doc.regions[row["id"]] = Region(row["id"], row["name"], _opt(row.get("parent", "")))
    return doc
