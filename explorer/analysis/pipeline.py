"""Everything the analysis computes for one document under one view, computed once.

:func:`analyse` is what the report, the what-if comparison and the UI panels call; the
result holds the filtered data, both projections, the capability index, user,
detected and alliance-derived blocs, network measures of the positive projection and
structural balance of the signed projection.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import networkx as nx

from explorer.analysis.arrays import EdgeArrays
from explorer.analysis.balance import BalanceResult, structural_balance
from explorer.analysis.blocs import BlocSet, alliance_blocs, detected_blocs, user_blocs
from explorer.analysis.capability import CapabilityIndex, capability_index
from explorer.analysis.graphs import positive_view, signed_projection
from explorer.analysis.measures import NetworkMeasures, network_measures
from explorer.analysis.view import FilteredData, ViewFilter, filtered, view_year
from explorer.model.bulk import gc_paused
from explorer.model.entities import Document


@dataclass(frozen=True)
class Analysis:
    """All figures of one document under one view."""

    data: FilteredData
    signed: nx.Graph
    positive: nx.Graph
    capability: CapabilityIndex
    user_blocs: BlocSet
    detected_blocs: BlocSet
    network: NetworkMeasures
    balance: BalanceResult
    #: The year whose figures the capability index uses (None: each actor's latest).
    year: int | None = None
    #: Blocs of actors joined by defence pacts (see ``blocs.alliance_blocs``).
    alliance_blocs: BlocSet | None = None


#: The stages of :func:`analyse`, in order, as progress reports name them.
STAGES = ("projection", "capability", "detected blocs", "betweenness", "network measures",
          "balance")

#: ``progress(done, total)``: ``done`` of ``total`` steps finished.
Progress = Callable[[int, int], None]


class _Steps:
    """Counts finished stages into a ``progress`` callback (or nothing without one)."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0
        if progress is not None:
            progress(0, total)

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)


def analyse(
    doc: Document,
    view: ViewFilter | None = None,
    weights: Mapping[str, float] | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Filter ``doc`` by ``view`` and compute every measure (see the package docs).

    ``progress(done, total)`` is called with 0 first, then after each of the ``STAGES``,
    so a front end can say which one runs on a large graph.
    """
    # the projections and measures allocate by the hundred thousand: with the collector
    # on, it walked every record of the project several times a call, and as a worker
    # thread holds the interpreter meanwhile, the window froze with it
    with gc_paused():
        return _analyse(doc, view, weights, progress)


def _analyse(doc: Document, view: ViewFilter | None, weights: Mapping[str, float] | None,
             progress: Progress | None) -> Analysis:
    step = _Steps(progress, len(STAGES))
    data = filtered(doc, view)
    year = view_year(view)
    signed = signed_projection(data)
    positive = positive_view(signed)
    # one read of the signed graph for every measure below (and one igraph copy): the
    # positive graph's edges are its positive ones, in the same order
    signed_arrays = EdgeArrays.from_graph(signed, sign="sign")
    arrays = signed_arrays.where(signed_arrays.sign > 0)
    step()
    cap = capability_index(data.actors.values(), weights, year)
    user = user_blocs(data.blocs.values(), cap)
    allied = alliance_blocs(data, cap)
    step()
    detected = detected_blocs(positive, cap, arrays=arrays)
    step()
    network = network_measures(positive, arrays=arrays, progress=step)
    step()
    balance = structural_balance(signed, signed_arrays)
    step()
    return Analysis(
        data=data,
        signed=signed,
        positive=positive,
        capability=cap,
        user_blocs=user,
        detected_blocs=detected,
        network=network,
        balance=balance,
        year=year,
        alliance_blocs=allied,
    )
