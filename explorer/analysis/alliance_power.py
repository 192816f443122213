"""Power that alliances pool: each alliance's summed capability, and each actor's allies.

**Alliance aggregate** (:func:`alliance_power`): the in-force full members (founders and
members; partners, observers and suspended members are not counted) of each alliance in
view, each counted once however many membership records it holds. ``index`` and
``share`` sum the members' capability index and share of the world in view; ``figures``
sum the members' published or derived figures per index metric (US$ bn, thousands,
millions), and ``reported`` says how many members each sum rests on.

**Allied capability** (:func:`allied_capability`): an actor's own share of the world in
view plus, for every actor bound to it, the partner's share times the binding's weight.
A pair is bound by every in-force alliance both belong to, at
``weight[obligation] * min(ROLE_FACTOR[role_a], ROLE_FACTOR[role_b])``, and by a positive
bilateral tie at ``weight["tie"]``; each partner counts once, at its strongest binding.
The weights are the projection's own table (``graphs.OBLIGATION_WEIGHT`` and
``graphs.TIE_WEIGHT``, see :data:`BINDING_WEIGHTS`), so the graph and this measure agree;
callers may pass other weights. As in the positive projection, a pair joined by an
in-force rivalry (a -1 tie) is not bound, whatever treaties they share.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from explorer.analysis.capability import CapabilityIndex
from explorer.analysis.graphs import OBLIGATION_WEIGHT, ROLE_FACTOR, TIE_WEIGHT
from explorer.analysis.view import FilteredData
from explorer.model.vocab import FULL_ROLES, INDEX_METRICS

#: Default binding weights: the projection's obligation table plus "tie" for a positive
#: bilateral tie. Not a second table: built from ``graphs`` so both move together.
BINDING_WEIGHTS: dict[str, float] = {**OBLIGATION_WEIGHT, "tie": TIE_WEIGHT}

TIE = "tie"


class Binding(NamedTuple):
    """The strongest link between two actors: ``via`` an alliance id (or "tie")."""

    weight: float
    via: str
    obligation: str


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

    def __init__(self, actor: str, own: float, partners: dict[str, Binding],
                 shares: Mapping[str, float]) -> None:
        self.actor, self.own = actor, own
        self.share = own + sum(b.weight * shares.get(p, 0.0) for p, b in partners.items())
        self.allies = len(partners)
        self._bound, self._shares = partners, shares
        self._parts: tuple[Contribution, ...] | None = None

    @property
    def contributions(self) -> tuple[Contribution, ...]:
        if self._parts is None:
            parts = [
                Contribution(p, b.weight, b.via, b.obligation, b.weight * self._shares.get(p, 0.0))
                for p, b in self._bound.items()
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


def check_binding_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    """:data:`BINDING_WEIGHTS` overridden by ``weights``; unknown keys and negatives fail."""
    out = dict(BINDING_WEIGHTS)
    for key, value in (weights or {}).items():
        if key not in out:
            raise ValueError(f"'{key}' is not an obligation level or 'tie'.")
        if not value >= 0:
            raise ValueError(f"The binding weight of {key} must be 0 or more (got {value}).")
        out[key] = float(value)
    return out


def _roles(data: FilteredData) -> dict[str, dict[str, str]]:
    """alliance -> actor -> the actor's strongest in-force role in it."""
    roles: dict[str, dict[str, str]] = {}
    for m in data.memberships:
        members = roles.setdefault(m.alliance, {})
        old = members.get(m.actor)
        if old is None or ROLE_FACTOR.get(m.role, 0.0) > ROLE_FACTOR.get(old, 0.0):
            members[m.actor] = m.role
    return roles


def bindings(
    data: FilteredData, weights: Mapping[str, float] | None = None
) -> dict[str, dict[str, Binding]]:
    """actor -> partner -> strongest :class:`Binding` (both directions; see module)."""
    w = check_binding_weights(weights)
    # (u, v) with u < v -> (weight, via, obligation). Plain tuples and an inlined
    # comparison: this loop runs over every pair of members of every alliance.
    best: dict[tuple[str, str], tuple[float, str, str]] = {}
    for alliance, members in _roles(data).items():
        obligation = data.alliances[alliance].obligation
        base = w.get(obligation, w["none"])
        items = sorted((a, ROLE_FACTOR.get(r, 0.0)) for a, r in members.items())
        for i, (u, fu) in enumerate(items):
            for v, fv in items[i + 1 :]:
                weight = base * (fu if fu < fv else fv)
                old = best.get((u, v))
                if old is None or weight > old[0] or (weight == old[0] and alliance < old[1]):
                    best[(u, v)] = (weight, alliance, obligation)
    for t in data.ties:
        pair = (t.a, t.b) if t.a < t.b else (t.b, t.a)
        old = best.get(pair)
        if t.sign > 0 and (old is None or w[TIE] > old[0]):
            best[pair] = (w[TIE], TIE, TIE)
    for t in data.ties:
        if t.sign < 0:
            best.pop((t.a, t.b) if t.a < t.b else (t.b, t.a), None)
    out: dict[str, dict[str, Binding]] = {}
    for (u, v), found in best.items():
        if found[0] > 0:
            bind = Binding(*found)
            out.setdefault(u, {})[v] = bind
            out.setdefault(v, {})[u] = bind
    return out


def allied_capability(
    data: FilteredData,
    cap: CapabilityIndex,
    weights: Mapping[str, float] | None = None,
    bound: dict[str, dict[str, Binding]] | None = None,
) -> dict[str, AlliedCapability]:
    """Allied capability of every actor in view (see module); ``bound`` reuses bindings."""
    bound = bindings(data, weights) if bound is None else bound
    share = cap.share
    return {
        actor: AlliedCapability(actor, share.get(actor, 0.0), bound.get(actor, {}), share)
        for actor in data.actors
    }


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
