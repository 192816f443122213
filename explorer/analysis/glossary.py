"""The measure registry: every figure the comparison and the report show, explained once.

Each :class:`Measure` has a key, a label, a glossary text for an analyst, which way is
"better" (``higher``, ``lower`` or ``neutral`` when neither is good in itself) and, for the
graph-level figures, ``compute``: a function of an
:class:`~explorer.analysis.pipeline.Analysis`. The comparison's rows are exactly the
measures with ``compute`` (:func:`scalar_figures`), so adding a figure is one entry here.
The UI shows ``text`` as tooltips and in Help ▸ Glossary; the report's JSON carries
:func:`glossary` and ``report --glossary`` prints it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from explorer.analysis.alliance_power import BINDING_WEIGHTS
from explorer.analysis.blocs import actor_concentration

if TYPE_CHECKING:
    from explorer.analysis.pipeline import Analysis

BETTER = ("higher", "lower", "neutral")


@dataclass(frozen=True)
class Measure:
    """One measure: what it is called, what it means, and how to compute it if scalar."""

    key: str
    label: str
    text: str
    better: str = "neutral"
    #: "count", "share" (0–1), "ratio" or "score"; tells displays how to format it.
    unit: str = "score"
    compute: Callable[[Analysis], float | int | None] | None = None

    def to_dict(self) -> dict:
        """JSON-ready (without ``compute``)."""
        return {
            "key": self.key,
            "label": self.label,
            "text": self.text,
            "better": self.better,
            "unit": self.unit,
        }


def _alliance_con(an: Analysis) -> float | None:
    return an.alliance_blocs.con if an.alliance_blocs else None


def _alliance_count(an: Analysis) -> int:
    return len(an.alliance_blocs.blocs) if an.alliance_blocs else 0


def _weights_text() -> str:
    return ", ".join(f"{k.replace('_', '-')} {v:g}" for k, v in BINDING_WEIGHTS.items())


_CON = (
    "Ray–Singer concentration of capability over {units}: 0 when all hold equal shares, "
    "1 when one holds everything. Higher means a more unipolar distribution."
)

MEASURES: tuple[Measure, ...] = (
    Measure("actors", "Actors", "Actors in view (states and others).", unit="count",
            compute=lambda an: len(an.data.actors)),
    Measure("alliances", "Alliances", "Alliances in view with at least one in-force member.",
            unit="count", compute=lambda an: len(an.data.alliances)),
    Measure("memberships", "Memberships", "In-force memberships in view.", unit="count",
            compute=lambda an: len(an.data.memberships)),
    Measure("ties", "Bilateral ties", "In-force bilateral ties (partnerships and rivalries).",
            unit="count", compute=lambda an: len(an.data.ties)),
    Measure("edges", "Links", "Pairs of actors allied through at least one alliance or a "
            "partnership tie (positive projection).", unit="count",
            compute=lambda an: an.network.n_edges),
    Measure("components", "Components", "Separate groups with no alliance path between them. "
            "More components mean a more fragmented system.", "lower", "count",
            lambda an: len(an.network.components)),
    Measure("largest_component_share", "Largest component share",
            "Share of actors in the largest connected group: how much of the system one web "
            "of alliances reaches.", "higher", "share",
            lambda an: an.network.largest_component_share),
    Measure("isolated", "Isolated actors", "Actors with no ally in view.", "lower", "count",
            lambda an: len(an.network.isolated)),
    Measure("articulation_points", "Articulation points",
            "Actors whose departure would split a group in two: single points of failure of "
            "the alliance web.", "lower", "count",
            lambda an: len(an.network.articulation_points)),
    Measure("efficiency", "Efficiency", "Global efficiency: mean of 1 / hops between all pairs "
            "of actors (0 none connected, 1 all directly allied). Higher means shorter "
            "chains of allies.", "higher", "score", lambda an: an.network.efficiency),
    Measure("modularity", "Modularity", "How sharply the detected blocs separate (Louvain "
            "modularity, -0.5 to 1): above 0.3 the system splits into distinct camps.",
            unit="score", compute=lambda an: an.detected_blocs.modularity),
    Measure("detected_blocs", "Detected blocs", "Number of communities Louvain finds in the "
            "alliance web (single actors included).", unit="count",
            compute=lambda an: len(an.detected_blocs.blocs)),
    Measure("alliance_blocs", "Alliance-derived blocs", "Groups of actors joined by in-force "
            "defence pacts (full members), named after their strongest member.", unit="count",
            compute=_alliance_count),
    Measure("con_actors", "CON over actors", _CON.format(units="the actors with figures"),
            unit="score", compute=lambda an: actor_concentration(an.capability)),
    Measure("con_user_blocs", "CON over user blocs", _CON.format(units="the user's blocs"),
            unit="score", compute=lambda an: an.user_blocs.con),
    Measure("con_detected_blocs", "CON over detected blocs",
            _CON.format(units="the Louvain blocs"), unit="score",
            compute=lambda an: an.detected_blocs.con),
    Measure("con_alliance_blocs", "CON over alliance blocs",
            _CON.format(units="the alliance-derived blocs"), unit="score",
            compute=_alliance_con),
    Measure("triangles", "Triangles", "Triples of actors all linked to each other (signed "
            "graph).", unit="count", compute=lambda an: an.balance.triangles),
    Measure("unbalanced_triangles", "Unbalanced triangles",
            "Triangles with an odd number of rivalries (e.g. two allies of one actor who are "
            "rivals): sources of strain that balance theory expects to resolve.", "lower",
            "count", lambda an: an.balance.unbalanced_count),
    Measure("balanced_share", "Balanced share", "Share of triangles that are balanced (an "
            "even number of rivalries). Higher means fewer contradictory alignments.",
            "higher", "share", lambda an: an.balance.balanced_share),
    # Measures over blocs, actors and alliances (shown in tables, not as scalar rows).
    Measure("bloc_share", "Bloc share", "A bloc's summed capability index as a share of the "
            "world in view; an actor in several blocs is split equally between them.",
            unit="share"),
    Measure("unaligned_share", "Unaligned share", "Capability share of the actors in no bloc "
            "of the chosen view.", unit="share"),
    Measure("balance_ratio", "Balance ratio", "Strength of one bloc divided by another's: 1 "
            "is parity, 2 means the first is twice as strong.", unit="ratio"),
    Measure("capability_index", "Capability index", "CINC-style weighted mean of an "
            "actor's shares of each component's total in view, over the components it has "
            "figures for: by default military expenditure, population, urban population and "
            "primary energy use (four of the Correlates of War's six with open data), 1 each; "
            "View ▸ Capability Index Weights or report --weight change them. Each actor's "
            "latest figure at or before the view's date is used.", "neutral", "share"),
    Measure("broker_rank", "Broker rank", "Rank by betweenness: how often an actor lies on "
            "the shortest chain of alliances between two others. A top broker links camps "
            "that would otherwise be far apart.", "neutral", "count"),
    Measure("betweenness", "Betweenness", "Share of shortest alliance chains between other "
            "pairs that pass through an actor (0 to 1); sampled above 1,000 actors.",
            unit="score"),
    Measure("degree", "Degree", "Number of actors an actor is directly allied with (weighted "
            "degree sums the link weights).", unit="count"),
    Measure("eigenvector", "Eigenvector centrality", "How well connected an actor's allies "
            "are themselves: high for actors at the core of a dense web of alliances.",
            unit="score"),
    Measure("constraint", "Constraint", "Burt's constraint: high when an actor's allies are "
            "all allied with each other, leaving it few independent options; low for "
            "brokers between camps.", unit="score"),
    Measure("warheads", "Nuclear warheads", "Reported nuclear warhead inventory; a separate "
            "deterrent, not part of the capability index.", unit="count"),
    Measure("allied_capability", "Allied capability",
            "An actor's own share of world capability plus its allies' shares, each weighted "
            f"by the strongest obligation binding them ({_weights_text()}), each ally "
            "counted once. What it could call on, at most.", "higher", "share"),
    Measure("alliance_share", "Alliance aggregate",
            "An alliance's in-force full members' summed capability as a share of the world "
            "in view, each member counted once; with their summed expenditure, personnel, "
            "population and GDP.", "neutral", "share"),
    Measure("removal_loss", "Loss on departure",
            "What one member's leaving costs an alliance: its share of the alliance "
            "aggregate and the efficiency the alliance web loses. Equal losses share a rank; "
            "members whose leaving changes nothing measurable are not ranked.", "neutral",
            "share"),
)

MEASURE_BY_KEY: dict[str, Measure] = {m.key: m for m in MEASURES}


def scalar_figures(an: Analysis) -> dict[str, float | int | None]:
    """The graph-level figures of an analysis, by key, in registry order."""
    return {m.key: m.compute(an) for m in MEASURES if m.compute is not None}


def glossary() -> list[dict]:
    """Every measure's key, label, text, better-is and unit, in registry order."""
    return [m.to_dict() for m in MEASURES]
