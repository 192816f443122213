"""Every actor's capability figures as flat arrays, so that "each actor's latest figure
at or before a year" is one ``searchsorted`` per metric instead of a lookup per actor.

A change of date at 10,000 actors recomputes the capability index; a loop over actors
and metrics in Python took ~40 ms of it. The table is built once for the actors a view
draws from and grows when new actor objects appear (an edit replaces an actor, a
scenario document brings its own), so a date drag, a region filter or a scenario switch
only look figures up. Rows are found by actor identity: actors are immutable, and the
table keeps the objects, so no id can be reused while it lives.

The choice is the one of :meth:`Actor.figure_at`: per year a published figure wins over
a derived one; an undated figure is used only when no dated one applies.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat

import numpy as np

from explorer.model.entities import Actor, Capability

#: years are packed beside the row in one int64 key: row << YEAR_BITS | year + YEAR_OFFSET
YEAR_BITS = 20
YEAR_OFFSET = 1 << (YEAR_BITS - 1)


@dataclass(frozen=True)
class MetricColumn:
    """The chosen dated figures of one metric, sorted by (row, year), and each row's
    undated figure."""

    keys: np.ndarray  # int64, sorted
    values: np.ndarray  # float
    figures: np.ndarray  # object: the Capability
    last: np.ndarray  # per row: index of its newest dated figure, -1 for none
    undated_values: np.ndarray  # per row, nan for none
    undated_figures: np.ndarray  # per row, object, None for none

    def pick(self, rows: np.ndarray, year: int | None) -> tuple[np.ndarray, np.ndarray]:
        """(dated index or -1, value or nan) of each row's figure for ``year``."""
        if year is None:
            dated = self.last[rows]
        else:
            wanted = (rows.astype(np.int64) << YEAR_BITS) | (year + YEAR_OFFSET)
            dated = np.searchsorted(self.keys, wanted, side="right") - 1
            if len(self.keys):
                own = (self.keys[np.maximum(dated, 0)] >> YEAR_BITS) == rows
                dated = np.where((dated >= 0) & own, dated, -1)
            else:
                dated = np.full(len(rows), -1)
        values = np.where(dated >= 0, self.values[np.maximum(dated, 0)] if len(self.values)
                          else np.nan, self.undated_values[rows])
        return dated, values

    def figure(self, row: int, dated: int) -> Capability | None:
        """The Capability picked for ``row`` (``dated`` from :meth:`pick`)."""
        return self.figures[dated] if dated >= 0 else self.undated_figures[row]


class FigureTable:
    """The figures of ``actors``; immutable in what it answers (extending makes a new
    table), its columns built on first use: most views weight four metrics of eight."""

    def __init__(self, actors: list[Actor], metrics: Sequence[str],
                 built: dict[str, MetricColumn] | None = None) -> None:
        self.actors = actors
        self.metrics = tuple(metrics)
        self.row_of = {id(a): i for i, a in enumerate(actors)}
        self._columns: dict[str, MetricColumn] = dict(built or {})

    def column(self, metric: str) -> MetricColumn:
        """The column of ``metric`` (two threads may both build it: the same column)."""
        found = self._columns.get(metric)
        if found is None:
            found = self._columns[metric] = _column(self.actors, 0, metric)
        return found

    def rows(self, actors: Sequence[Actor], identity: Sequence[int] | None = None
             ) -> np.ndarray | None:
        """The row of each actor (``identity``: their ids, when the caller has them), or
        None when some are not in the table."""
        ids = identity if identity is not None else list(map(id, actors))
        rows = np.fromiter(map(self.row_of.get, ids, repeat(-1)), np.int64, len(ids))
        return None if len(rows) and rows.min() < 0 else rows

    def extended(self, actors: Sequence[Actor]) -> FigureTable:
        """A table with the rows of this one and, after them, those of ``actors`` it
        lacks: only the new rows' figures are read (a date drag meets new actors)."""
        new = [a for a in actors if id(a) not in self.row_of]
        first = len(self.actors)
        built = {m: _joined(column, _column(new, first, m))
                 for m, column in self._columns.items()}
        return FigureTable(self.actors + new, self.metrics, built)


def _joined(old: MetricColumn, new: MetricColumn) -> MetricColumn:
    """``new`` (rows after all of ``old``'s) appended: keys lead with the row, so the
    joined keys stay sorted."""
    shift = len(old.values)
    figures = np.empty(shift + len(new.figures), dtype=object)
    figures[:shift] = old.figures
    figures[shift:] = new.figures
    return MetricColumn(
        keys=np.concatenate((old.keys, new.keys)),
        values=np.concatenate((old.values, new.values)),
        figures=figures,
        last=np.concatenate((old.last, np.where(new.last >= 0, new.last + shift, -1))),
        undated_values=np.concatenate((old.undated_values, new.undated_values)),
        undated_figures=np.concatenate((old.undated_figures, new.undated_figures)),
    )


def _column(actors: list[Actor], first_row: int, metric: str) -> MetricColumn:
    """The column of ``metric`` for ``actors``, numbered from ``first_row``."""
    rows: list[int] = []
    years: list[int] = []
    figures: list[Capability] = []
    n = len(actors)
    undated_values = np.full(n, np.nan)
    undated_figures = np.full(n, None, dtype=object)
    for i, actor in enumerate(actors):
        if not actor.capabilities:
            continue
        entry = actor._figure_index.get(metric)  # noqa: SLF001 - the actor's own choice
        if entry is None:
            continue
        dated_years, chosen, undated = entry
        rows.extend([i] * len(dated_years))
        years.extend(dated_years)
        figures.extend(chosen)
        if undated is not None:
            undated_values[i] = undated.value
            undated_figures[i] = undated
    local = np.asarray(rows, dtype=np.int64)
    # rows ascend and each actor's years are sorted, so the keys already are
    keys = ((local + first_row) << YEAR_BITS) | (np.asarray(years, dtype=np.int64)
                                                 + YEAR_OFFSET)
    last = np.full(n, -1, dtype=np.int64)
    last[local] = np.arange(len(local))  # the last write per row wins: the newest
    figure_array = np.empty(len(figures), dtype=object)
    figure_array[:] = figures
    return MetricColumn(
        keys=keys,
        values=np.fromiter((f.value for f in figures), float, len(figures)),
        figures=figure_array,
        last=last,
        undated_values=undated_values,
        undated_figures=undated_figures,
    )


_lock = threading.Lock()
_current: FigureTable | None = None
_fresh_rows = 0


def table_for(actors: Sequence[Actor], metrics: Sequence[str],
              identity: Sequence[int] | None = None) -> tuple[FigureTable, np.ndarray]:
    """A table holding ``actors`` (the last one, extended if need be) and their rows.

    The table only grows while actors are replaced; once it holds more than twice the
    rows it was built with, it is built afresh from the actors asked for.
    """
    global _current, _fresh_rows
    with _lock:
        table = _current
        if table is not None and table.metrics == tuple(metrics):
            rows = table.rows(actors, identity)
            if rows is not None:
                return table, rows
            if len(table.actors) <= 2 * _fresh_rows + 1000:
                table = table.extended(actors)
                _current = table
                return table, table.rows(actors)  # type: ignore[return-value]
        table = _current = FigureTable(list(actors), metrics)
        _fresh_rows = len(table.actors)
        return table, table.rows(actors)  # type: ignore[return-value]


def forget() -> None:
    """Drop the table (benchmarks that time a change from scratch keep it: it is built
    once per opened project, as its records are)."""
    global _current
    with _lock:
        _current = None
