"""Everything the analysis computes for one document under one view, computed once.

:func:`analyse` is what the report, the what-if comparison and the UI panels call; the
result holds the filtered data, both projections, the capability index, user,
detected and alliance-derived blocs, network measures of the positive projection and
structural balance of the signed projection.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from explorer.analysis.balance import BalanceResult, structural_balance
from explorer.analysis.blocs import BlocSet, alliance_blocs, detected_blocs, user_blocs
from explorer.analysis.capability import CapabilityIndex, capability_index
from explorer.analysis.graphs import positive_view, signed_projection
from explorer.analysis.measures import NetworkMeasures, network_measures
from explorer.analysis.view import FilteredData, ViewFilter, filtered, view_year
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


def analyse(
    doc: Document, view: ViewFilter | None = None, weights: Mapping[str, float] | None = None
) -> Analysis:
    """Filter ``doc`` by ``view`` and compute every measure (see the package docs)."""
    data = filtered(doc, view)
    year = view_year(view)
    signed = signed_projection(data)
    positive = positive_view(signed)
    cap = capability_index(data.actors.values(), weights, year)
    return Analysis(
        data=data,
        signed=signed,
        positive=positive,
        capability=cap,
        user_blocs=user_blocs(data.blocs.values(), cap),
        detected_blocs=detected_blocs(positive, cap),
        network=network_measures(positive),
        balance=structural_balance(signed),
        year=year,
        alliance_blocs=alliance_blocs(data, cap),
    )
