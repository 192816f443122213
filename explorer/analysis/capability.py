"""CINC-style capability index: an actor's mean share of the totals of the actors in view.

For each index metric (``vocab.INDEX_METRICS``: military expenditure, personnel,
population, GDP) the total is taken over the actors in view that have the figure, and an
actor's component is its share of that total. The index is the weighted mean of the
components **the actor has** (weights renormalised over those components), so a missing
figure is neither a zero nor a guess. Actors with no figure at all get index 0 and are
listed in ``no_data``. Metrics whose weight is 0, or whose total is 0, are ignored.

With complete data and equal weights the indices already sum to 1 (as CINC's do); with
gaps they need not, so ``share`` is the index renormalised to sum to 1 over the actors
with data. Nuclear warheads are not part of the index and are reported separately.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from explorer.model.entities import Actor, Document
from explorer.model.vocab import INDEX_METRICS

#: Equal weights, as in the Correlates of War CINC.
DEFAULT_WEIGHTS: dict[str, float] = dict.fromkeys(INDEX_METRICS, 1.0)


@dataclass(frozen=True)
class CapabilityIndex:
    """Capability of every actor in view. Dicts are keyed by actor id.

    ``index``: weighted mean share (0 for no data); ``share``: index / sum of indices;
    ``components``: metric -> share of the metric's total, for the metrics the actor
    has; ``totals``: metric -> total over actors in view; ``warheads``: the actors
    that report a warhead count; ``no_data``: actors with no index figure, sorted.
    """

    index: dict[str, float]
    share: dict[str, float]
    components: dict[str, dict[str, float]]
    totals: dict[str, float]
    warheads: dict[str, float]
    no_data: tuple[str, ...]
    weights: dict[str, float]

    def ranking(self) -> list[str]:
        """Actor ids, strongest first (ties broken by id)."""
        return sorted(self.index, key=lambda a: (-self.index[a], a))


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


def capability_index(
    actors: Iterable[Actor],
    weights: Mapping[str, float] | None = None,
    year: int | None = None,
) -> CapabilityIndex:
    """The capability index of ``actors``, shares taken of their own totals.

    ``year``: each actor's latest figure at or before it is used (None: the latest).
    """
    w = check_weights(weights)
    actors = list(actors)
    metrics = [m for m in INDEX_METRICS if w[m] > 0]
    figures = {a.id: {m: a.figure(m, year) for m in metrics} for a in actors}
    totals = {m: float(sum(f[m] for f in figures.values() if f[m] is not None)) for m in metrics}
    usable = [m for m in metrics if totals[m] > 0]
    index: dict[str, float] = {}
    components: dict[str, dict[str, float]] = {}
    no_data: list[str] = []
    for actor in actors:
        comp = {
            m: figures[actor.id][m] / totals[m] for m in usable if figures[actor.id][m] is not None
        }
        components[actor.id] = comp
        if not any(figures[actor.id][m] is not None for m in metrics):
            no_data.append(actor.id)
        weight_sum = sum(w[m] for m in comp)
        index[actor.id] = sum(w[m] * s for m, s in comp.items()) / weight_sum if comp else 0.0
    grand = sum(index.values())
    share = {a: (v / grand if grand > 0 else 0.0) for a, v in index.items()}
    warheads = {a.id: float(v) for a in actors if (v := a.figure("warheads", year)) is not None}
    return CapabilityIndex(
        index=index,
        share=share,
        components=components,
        totals=totals,
        warheads=warheads,
        no_data=tuple(sorted(no_data)),
        weights=w,
    )


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
