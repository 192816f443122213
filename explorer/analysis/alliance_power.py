"""Power that alliances pool: each alliance's summed capability, and each actor's allies.

**Alliance aggregate** (:func:`alliance_power`): the in-force full members (founders and
members; partners, observers and suspended members are not counted) of each alliance in
view, each counted once however many membership records it holds. ``index`` and
``share`` sum the members' capability index and share of the world in view; ``figures``
sum the members' published or derived figures per index metric (US$ bn, thousands,
millions), and ``reported`` says how many members each sum rests on.

**Allied capability** (:func:`allied_capability`): an actor's own share of the world in
view plus, for every actor bound to it, the partner's share times the binding's weight,
each partner counted once at its strongest binding (:mod:`~explorer.analysis.bindings`:
alliances weighted by obligation and roles, positive ties, rivalries unbinding). The
weights are the projection's own table (``graphs.OBLIGATION_WEIGHT`` and
``graphs.TIE_WEIGHT``, see :data:`BINDING_WEIGHTS`), so the graph and this measure agree;
callers may pass other weights.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from explorer.analysis.bindings import (
    BINDING_WEIGHTS,
    TIE,
    Binding,
    Bindings,
    bindings,
    check_binding_weights,
)
from explorer.analysis.capability import CapabilityIndex
from explorer.analysis.view import FilteredData
from explorer.model.vocab import FULL_ROLES, INDEX_METRICS

__all__ = [  # the binding names are re-exported: callers know them from here
    "BINDING_WEIGHTS",
    "TIE",
    "AlliancePower",
    "AlliedCapability",
    "Binding",
    "Bindings",
    "Contribution",
    "actor_figures",
    "alliance_power",
    "allied_capability",
    "bindings",
    "check_binding_weights",
    "full_members",
    "world_figures",
]


class Contribution(NamedTuple):
    """What one bound partner adds to an actor's allied capability (share of the world)."""

    partner: str
    weight: float
    via: str
    obligation: str
    share: float


class AlliedCapability:
    """An actor's own share of the world in view, and with its weighted allies added.

    ``contributions`` (strongest binding first, then largest share) are built on first
    use: a comparison needs every actor's share but the detail of only a few.
    """

    __slots__ = ("_bound", "_shares", "_parts", "actor", "own", "share", "allies")

    def __init__(self, actor: str, own: float, share: float, allies: int, bound: Bindings,
                 shares: Mapping[str, float]) -> None:
        self.actor, self.own, self.share, self.allies = actor, own, share, allies
        self._bound, self._shares = bound, shares
        self._parts: tuple[Contribution, ...] | None = None

    @property
    def contributions(self) -> tuple[Contribution, ...]:
        if self._parts is None:
            parts = [
                Contribution(p, b.weight, b.via, b.obligation, b.weight * self._shares.get(p, 0.0))
                for p, b in self._bound.get(self.actor, {}).items()
            ]
            self._parts = tuple(sorted(parts, key=_strongest_first))
        return self._parts

    def __repr__(self) -> str:
        return f"AlliedCapability({self.actor!r}, own={self.own:.4f}, share={self.share:.4f})"


@dataclass(frozen=True)
class AlliancePower:
    """The pooled capability of one alliance's in-force full members (see module)."""

    id: str
    name: str
    obligation: str
    members: tuple[str, ...]
    index: float
    share: float
    figures: dict[str, float]
    reported: dict[str, int]
    with_data: int


def allied_capability(
    data: FilteredData,
    cap: CapabilityIndex,
    weights: Mapping[str, float] | None = None,
    bound: Bindings | None = None,
) -> dict[str, AlliedCapability]:
    """Allied capability of every actor in view (see module); ``bound`` reuses bindings."""
    bound = bindings(data, weights) if bound is None else bound
    share = cap.share
    added = bound.weighted_sums(share)
    allies = dict(zip(bound.actors, bound.counts.tolist(), strict=True))
    out = {}
    for actor in data.actors:
        own = share.get(actor, 0.0)
        out[actor] = AlliedCapability(actor, own, own + added.get(actor, 0.0),
                                      allies.get(actor, 0), bound, share)
    return out


def _strongest_first(c: Contribution) -> tuple:
    return (-c.weight, -c.share, c.partner)


def actor_figures(data: FilteredData, year: int | None) -> dict[str, dict[str, float]]:
    """actor -> index metric -> its figure for ``year`` (metrics without one are absent)."""
    out: dict[str, dict[str, float]] = {}
    for a in data.actors.values():
        out[a.id] = {m: v for m in INDEX_METRICS if (v := a.figure(m, year)) is not None}
    return out


def full_members(data: FilteredData) -> dict[str, tuple[str, ...]]:
    """alliance -> its in-force founders and members in view, sorted, each once."""
    members: dict[str, set[str]] = {}
    for m in data.memberships:
        if m.role in FULL_ROLES:
            members.setdefault(m.alliance, set()).add(m.actor)
    return {k: tuple(sorted(v)) for k, v in members.items()}


def alliance_power(
    data: FilteredData,
    cap: CapabilityIndex,
    year: int | None = None,
    figures: dict[str, dict[str, float]] | None = None,
) -> dict[str, AlliancePower]:
    """Aggregate of every alliance in view, largest share first (see module)."""
    figures = actor_figures(data, year) if figures is None else figures
    missing = set(cap.no_data)
    out = []
    for alliance, members in full_members(data).items():
        al = data.alliances[alliance]
        sums = {m: 0.0 for m in INDEX_METRICS}
        reported = dict.fromkeys(INDEX_METRICS, 0)
        for a in members:
            for metric, value in figures.get(a, {}).items():
                sums[metric] += value
                reported[metric] += 1
        out.append(
            AlliancePower(
                id=alliance,
                name=al.name,
                obligation=al.obligation,
                members=members,
                index=sum(cap.index.get(a, 0.0) for a in members),
                share=sum(cap.share.get(a, 0.0) for a in members),
                figures={m: v for m, v in sums.items() if reported[m]},
                reported=reported,
                with_data=sum(1 for a in members if a not in missing),
            )
        )
    out.sort(key=lambda p: (-p.share, -len(p.members), p.id))
    return {p.id: p for p in out}


def world_figures(figures: Mapping[str, Mapping[str, float]]) -> dict[str, float]:
    """Sum over the actors in view of each index metric (those that report it)."""
    out: dict[str, float] = {}
    for values in figures.values():
        for metric, value in values.items():
            out[metric] = out.get(metric, 0.0) + value
    return out
