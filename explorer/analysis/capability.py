"""CINC-style capability index: an actor's mean share of the totals of the actors in view.

For each index metric with a weight above 0 (by default ``vocab.DEFAULT_INDEX_METRICS``:
military expenditure, population, urban population and primary energy use, the four of
the Correlates of War CINC's six components with open data; GDP, GDP PPP and personnel
can be weighted in) the total is taken over the actors in view that have the figure, and
an actor's component is its share of that total. The index is the weighted mean of the
components **the actor has** (weights renormalised over those components), so a missing
figure is neither a zero nor a guess. Actors with no figure at all get index 0 and are
listed in ``no_data``. Metrics whose weight is 0, or whose total is 0, are ignored.

Figures are time series: for a view year each actor's latest figure at or before it is
used (published over derived in the same year), and ``figures`` records which one, so
callers can say "figure from 2022". A view year older than every figure of an actor gives
no data for it, never an extrapolation.

With complete data and equal weights the indices already sum to 1 (as CINC's do); with
gaps they need not, so ``share`` is the index renormalised to sum to 1 over the actors
with data. Nuclear warheads are not part of the index and are reported separately.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter

import numpy as np

from explorer.analysis.figure_table import FigureTable, table_for
from explorer.analysis.memo import Recent
from explorer.model.entities import Actor, Capability, Document
from explorer.model.vocab import DEFAULT_INDEX_METRICS, INDEX_METRICS, METRIC_NOUNS

#: Equal weights over the default metrics, as in the Correlates of War CINC; the other
#: index metrics are available at weight 0.
DEFAULT_WEIGHTS: dict[str, float] = {
    m: (1.0 if m in DEFAULT_INDEX_METRICS else 0.0) for m in INDEX_METRICS
}
#: the metrics the figure table holds: the index's and the warhead counts beside it
TABLE_METRICS = (*INDEX_METRICS, "warheads")


@dataclass(frozen=True)
class CapabilityIndex:
    """Capability of every actor in view. Dicts are keyed by actor id.

    ``index``: weighted mean share (0 for no data); ``share``: index / sum of indices;
    ``components``: metric -> share of the metric's total, for the metrics the actor
    has; ``totals``: metric -> total over actors in view; ``warheads``: the actors
    that report a warhead count; ``no_data``: actors with no index figure, sorted.
    ``year``: the view year the figures were chosen for (None: each actor's latest);
    ``figures``: actor -> metric -> the figure used (its year, source, derived flag).
    """

    index: dict[str, float]
    share: dict[str, float]
    totals: dict[str, float]
    warheads: dict[str, float]
    no_data: tuple[str, ...]
    weights: dict[str, float]
    year: int | None = None
    chosen: _Chosen | None = field(default=None, repr=False, compare=False)

    @cached_property
    def components(self) -> dict[str, dict[str, float]]:
        return self.chosen.components() if self.chosen else {a: {} for a in self.index}

    @cached_property
    def figures(self) -> dict[str, dict[str, Capability]]:
        return self.chosen.figures() if self.chosen else {a: {} for a in self.index}

    @cached_property
    def missing(self) -> frozenset[str]:
        """``no_data`` as a set, for membership tests in loops over every actor."""
        return frozenset(self.no_data)

    def ranking(self) -> list[str]:
        """Actor ids, strongest first (ties broken by id)."""
        return sorted(self.index, key=lambda a: (-self.index[a], a))

    def rank_of(self, actor: str) -> int:
        """``actor``'s 1-based place in :meth:`ranking`, counted without sorting (an
        actor's profile asks for one place among 10,000)."""
        mine = self.index[actor]
        values = np.fromiter(self.index.values(), float, len(self.index))
        ids = list(self.index)
        level = np.flatnonzero(values == mine).tolist()
        return 1 + int((values > mine).sum()) + sum(1 for i in level if ids[i] < actor)

    @property
    def metrics(self) -> tuple[str, ...]:
        """The index metrics with a weight above 0, in vocabulary order."""
        return tuple(m for m in INDEX_METRICS if self.weights.get(m, 0) > 0)

    def figure_year(self, actor: str, metric: str) -> int | None:
        """The year of the figure used for ``actor``'s ``metric`` (None: none or undated)."""
        found = self.figures.get(actor, {}).get(metric)
        return found.year if found else None

    def older_figures(self, lag: int = 1) -> list[tuple[str, str, int]]:
        """(actor, metric, year) of figures more than ``lag`` years older than the reference.

        The reference is the view year, or for "latest" views the newest year used for
        that metric by any actor in view. Sorted oldest first.
        """
        newest: dict[str, int] = {}
        for used in self.figures.values():
            for metric, cap in used.items():
                if cap.year is not None:
                    newest[metric] = max(newest.get(metric, cap.year), cap.year)
        out = []
        for actor, used in self.figures.items():
            for metric, cap in used.items():
                reference = self.year if self.year is not None else newest.get(metric)
                if cap.year is not None and reference is not None and reference - cap.year > lag:
                    out.append((actor, metric, cap.year))
        return sorted(out, key=lambda t: (t[2], t[0], t[1]))

    def derived_count(self) -> dict[str, int]:
        """metric -> how many actors' figures used for it are derived (metrics with any)."""
        out: dict[str, int] = {}
        for used in self.figures.values():
            for metric, cap in used.items():
                if cap.derived:
                    out[metric] = out.get(metric, 0) + 1
        return out


def check_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    """Complete ``weights`` with the defaults; reject unknown metrics and negatives."""
    out = dict(DEFAULT_WEIGHTS)
    for metric, value in (weights or {}).items():
        if metric not in DEFAULT_WEIGHTS:
            raise ValueError(
                f"'{metric}' is not an index metric; use one of {', '.join(INDEX_METRICS)}."
            )
        if not value >= 0:
            raise ValueError(f"The weight of {metric} must be 0 or more (got {value}).")
        out[metric] = float(value)
    return out


#: one change of date asks the canvas, the race chart and the what-if panel for the
#: same index, and at 10,000 actors each costs a tenth of a second
_RECENT: Recent[CapabilityIndex] = Recent()


def capability_index(
    actors: Iterable[Actor],
    weights: Mapping[str, float] | None = None,
    year: int | None = None,
) -> CapabilityIndex:
    """The capability index of ``actors``, shares taken of their own totals.

    ``year``: each actor's latest figure at or before it is used (None: the latest).
    Actors are immutable, so an index of the very same actor objects is reused.
    """
    w = check_weights(weights)
    actors = list(actors)
    identity = tuple(map(id, actors))
    key = (identity, tuple(sorted(w.items())), year)
    return _RECENT.get(key, actors, lambda: _capability_index(actors, w, year, identity))


def _capability_index(actors: list[Actor], w: dict[str, float], year: int | None,
                      identity: tuple[int, ...]) -> CapabilityIndex:
    metrics = [m for m in INDEX_METRICS if w[m] > 0]
    table, rows = table_for(actors, TABLE_METRICS, identity)
    ids = list(map(attrgetter("id"), actors))
    n = len(actors)
    picked: dict[str, tuple[np.ndarray, np.ndarray]] = {
        m: table.column(m).pick(rows, year) for m in metrics}
    has_any = np.zeros(n, dtype=bool)
    totals: dict[str, float] = {}
    for m in metrics:
        present = ~np.isnan(picked[m][1])
        has_any |= present
        # summed in actor order, as a loop over actors would: the same float to the bit
        totals[m] = float(sum(picked[m][1][present].tolist()))
    usable = [(m, totals[m], w[m]) for m in metrics if totals[m] > 0]
    weighted = np.zeros(n)
    weight_sum = np.zeros(n)
    for m, total, wm in usable:
        comp = picked[m][1] / total
        present = ~np.isnan(comp)
        weighted[present] += wm * comp[present]
        weight_sum[present] += wm
    values = np.divide(weighted, weight_sum, out=np.zeros(n), where=weight_sum > 0)
    index_list = values.tolist()
    index = dict(zip(ids, index_list, strict=True))
    grand = sum(index_list)
    share = dict(zip(ids, (values / grand).tolist() if grand > 0 else [0.0] * n, strict=True))
    _dated, arms = table.column("warheads").pick(rows, year)
    armed = np.flatnonzero(~np.isnan(arms)).tolist()
    warheads = {ids[i]: float(arms[i]) for i in armed}
    no_data = np.flatnonzero(~has_any).tolist()
    return CapabilityIndex(
        index=index,
        share=share,
        totals=totals,
        warheads=warheads,
        no_data=tuple(sorted(ids[i] for i in no_data)),
        weights=w,
        year=year,
        chosen=_Chosen(table, rows, ids, picked, [m for m, _t, _w in usable], totals),
    )


@dataclass(frozen=True)
class _Chosen:
    """Which figure each actor's index used, kept as arrays until someone asks for dicts
    (a tooltip, the coverage note): a date drag redraws without building 10,000 of them."""

    table: FigureTable
    rows: np.ndarray
    ids: list[str]
    picked: dict[str, tuple[np.ndarray, np.ndarray]]
    usable: list[str]
    totals: dict[str, float]

    def figures(self) -> dict[str, dict[str, Capability]]:
        out: dict[str, dict[str, Capability]] = {a: {} for a in self.ids}
        for m, (dated, values) in self.picked.items():
            column = self.table.column(m)
            rows = self.rows
            for i in np.flatnonzero(~np.isnan(values)).tolist():
                out[self.ids[i]][m] = column.figure(int(rows[i]), int(dated[i]))
        return out

    def components(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {a: {} for a in self.ids}
        for m in self.usable:
            values = self.picked[m][1]
            total = self.totals[m]
            for i in np.flatnonzero(~np.isnan(values)).tolist():
                out[self.ids[i]][m] = float(values[i]) / total
        return out


def capability_coverage(
    cap: CapabilityIndex, doc: Document, name_up_to: int = 4
) -> tuple[int, int, list[str]]:
    """(actors in view with an index figure, actors in view, their names if ≤ name_up_to).

    Shares from a handful of actors' figures read as precise; callers show this beside them.
    """
    missing = set(cap.no_data)
    with_data = sorted(a for a in cap.index if a not in missing)
    names = (
        [doc.actors[a].name if a in doc.actors else a for a in with_data]
        if 0 < len(with_data) <= name_up_to
        else []
    )
    return len(with_data), len(cap.index), names


def coverage_text(cap: CapabilityIndex, doc: Document, name_up_to: int = 5) -> str:
    """One paragraph saying what the shares rest on: how many actors have figures, for
    which year, which are derived, and (by name, a handful) the gaps and old figures."""
    def name(actor: str) -> str:
        return doc.actors[actor].name if actor in doc.actors else actor

    def few(items: list[str]) -> str:
        more = len(items) - name_up_to
        return ", ".join(items[:name_up_to]) + (f" and {more} more" if more > 0 else "")

    total = len(cap.index)
    if total == 0:
        return "No actors in view, so no capability shares."
    with_data = total - len(cap.no_data)
    when = f"as of {cap.year}" if cap.year is not None else "latest figures"
    if with_data == 0:
        return (
            f"No capability figures ({when}) for any of the {total} actors in view, "
            "so no shares are computed."
        )
    year = (
        f"each actor's latest figure at or before {cap.year}"
        if cap.year is not None
        else "each actor's latest figure"
    )
    parts = [
        f"Capability shares rest on figures for {with_data} of {total} actors ({year})."
    ]
    derived = cap.derived_count()
    if derived:
        parts.append(
            "Derived from World Bank series, not published: "
            + ", ".join(f"{METRIC_NOUNS[m]} of {n}" for m, n in derived.items())
            + "."
        )
    if cap.no_data:
        # States first: a state without figures is the gap a reader most needs to see.
        def state_first(actor: str) -> tuple[bool, str]:
            found = doc.actors.get(actor)
            return (found is None or found.kind != "state", name(actor))

        parts.append(f"No figures: {few([name(a) for a in sorted(cap.no_data, key=state_first)])}.")
    metrics = cap.metrics
    partial = []
    for actor in sorted(cap.figures, key=name):
        have = [m for m in metrics if m in cap.figures[actor]]
        if not have or len(have) == len(metrics):
            continue
        lacking = [m for m in metrics if m not in have]
        if len(have) <= len(lacking):
            partial.append(f"{name(actor)} ({' and '.join(METRIC_NOUNS[m] for m in have)} only)")
        else:
            partial.append(f"{name(actor)} (no {' or '.join(METRIC_NOUNS[m] for m in lacking)})")
    if partial:
        parts.append(f"Partial: {few(partial)}.")
    old = cap.older_figures()
    if old:
        parts.append(
            "Older figures: "
            + few([f"{name(a)} {METRIC_NOUNS[m]} from {y}" for a, m, y in old])
            + "."
        )
    return " ".join(parts)
