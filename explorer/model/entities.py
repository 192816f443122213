"""The entities of the domain as immutable value objects.

Dates are ISO strings (``YYYY-MM-DD``): they sort correctly as text and travel unchanged
through SQLite, CSV and JSON. Edits replace an entity with ``dataclasses.replace``, which
keeps undo trivial: the old value is simply kept.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from explorer.model.graph_extras import GraphExtras


@dataclass(frozen=True)
class Capability:
    """One capability figure of an actor, with the year it refers to and its source."""

    metric: str
    value: float
    year: int | None = None
    source: str = ""
    #: True when computed from other published figures (e.g. share of GDP × GDP).
    derived: bool = False

    @classmethod
    def many(cls, rows: Iterable[tuple[str, float, int | None, str, bool]]) -> list[Capability]:
        """Capabilities from ``(metric, value, year, source, derived)`` tuples of the right
        types, e.g. rows just read from a file.

        Skips the frozen dataclass ``__init__`` (five ``object.__setattr__`` calls each):
        opening the default project builds ~26 000 figures, and this is a third faster.
        """
        new = object.__new__
        out: list[Capability] = []
        append = out.append
        for metric, value, year, source, derived in rows:
            cap = new(cls)
            cap.__dict__.update(
                metric=metric, value=value, year=year, source=source, derived=derived
            )
            append(cap)
        return out


@dataclass(frozen=True)
class Place:
    """Where an actor sits on the map: a state's capital, a group's base of operations or
    an organisation's seat, in degrees (WGS 84), with the source of the coordinates."""

    lat: float
    lon: float
    #: "capital", "base", "seat" or "label_point" (a country's label point)
    kind: str = "capital"
    name: str = ""
    source: str = ""


@dataclass(frozen=True)
class Actor:
    """A state (ISO 3166 alpha-3 id), a non-state armed actor or another body."""

    id: str
    name: str
    kind: str = "state"
    regions: tuple[str, ...] = ()
    capabilities: tuple[Capability, ...] = ()
    notes: str = ""
    source: str = ""
    #: other names the actor goes by ("Turkey", "Republic of Korea", "ROK")
    aliases: tuple[str, ...] = ()
    #: when it exists as such (independence, founding; dissolution): None = not bounded
    start: str | None = None
    end: str | None = None
    #: where the map view draws it (None: in the map's margin)
    place: Place | None = None

    def exists(self, day: str | None) -> bool:
        """Whether the actor exists on ``day`` (None: at the latest data). A non-state
        group with no documented start is shown at the latest data only, never as if it
        had existed since the timeline's beginning."""
        if self.start is None and self.kind == "non_state" and day is not None:
            return False
        return _in_period(day, self.start, self.end)

    def figure(self, metric: str, year: int | None = None) -> float | None:
        """The value of ``metric`` for ``year`` (None when unknown); see :meth:`figure_at`."""
        found = self.figure_at(metric, year)
        return found.value if found else None

    def figure_at(self, metric: str, year: int | None = None) -> Capability | None:
        """The latest ``metric`` figure at or before ``year`` (any year when None).

        A published figure wins over a derived one of the same year; an undated figure
        is used only when no dated one applies.
        """
        entry = self._figure_index.get(metric)
        if entry is None:
            return None
        years, best, undated = entry
        if year is None:
            return best[-1] if best else undated
        i = bisect_right(years, year)
        return best[i - 1] if i else undated

    def series(self, metric: str) -> tuple[Capability, ...]:
        """The figure used for each year of ``metric``, oldest first (undated ones left out)."""
        entry = self._figure_index.get(metric)
        return tuple(entry[1]) if entry else ()

    @cached_property
    def _figure_index(self) -> dict[str, tuple[list[int], list[Capability], Capability | None]]:
        """metric -> (sorted years, the figure used for each, the undated figure or None).

        Built once per Actor on first use (the instance is immutable, so it never goes
        stale): with decades of figures a lookup is a bisection, not a scan.
        """
        chosen: dict[str, dict[int | None, Capability]] = {}
        for cap in self.capabilities:
            per_year = chosen.setdefault(cap.metric, {})
            current = per_year.get(cap.year)
            if current is None or (current.derived and not cap.derived):
                per_year[cap.year] = cap
        index = {}
        for metric, per_year in chosen.items():
            undated = per_year.pop(None, None)
            years = sorted(per_year)  # type: ignore[arg-type]
            index[metric] = (years, [per_year[y] for y in years], undated)
        return index


@dataclass(frozen=True)
class Alliance:
    """A treaty, organisation, partnership or alignment."""

    id: str
    name: str
    kind: str = "security_partnership"
    obligation: str = "none"
    formal: bool = True
    founded: str | None = None
    ended: str | None = None
    source: str = ""
    notes: str = ""
    #: the name labels use (NATO, SEATO, US–Japan treaty); "" falls back to the name
    short_name: str = ""
    #: when the founding treaty was signed, where that differs from ``founded`` (its
    #: entry into force, which is what the as-of logic uses)
    signed: str | None = None

    @property
    def label(self) -> str:
        """The short name when there is one, else the full name."""
        return self.short_name or self.name


@dataclass(frozen=True)
class Membership:
    """An actor's participation in an alliance over a period, with its role.

    In force on day ``d`` when ``joined <= d`` and (``left`` is None or ``d < left``).
    ``id`` is None until the store assigns one.
    """

    alliance: str
    actor: str
    role: str = "member"
    joined: str | None = None
    left: str | None = None
    source: str = ""
    notes: str = ""
    id: int | None = None
    #: when the accession or treaty was signed, where that differs from ``joined`` (entry
    #: into force, which is what the as-of logic uses)
    signed: str | None = None

    def in_force(self, day: str | None) -> bool:
        return _in_period(day, self.joined, self.left)


@dataclass(frozen=True)
class Tie:
    """A direct bilateral relation: +1 partnership, -1 rivalry."""

    a: str
    b: str
    sign: int = 1
    kind: str = ""
    start: str | None = None
    end: str | None = None
    source: str = ""
    notes: str = ""
    id: int | None = None
    #: when the agreement was signed, where that differs from ``start`` (entry into force)
    signed: str | None = None

    def in_force(self, day: str | None) -> bool:
        return _in_period(day, self.start, self.end)


@dataclass(frozen=True)
class Bloc:
    """A user-defined side, e.g. "Western-aligned"."""

    id: str
    name: str
    color: str = "#888888"
    description: str = ""
    members: tuple[str, ...] = ()
    #: (actor, joined, left) of the members whose place in the bloc is dated; a member
    #: not listed belongs at every date
    periods: tuple[tuple[str, str | None, str | None], ...] = ()

    def members_on(self, day: str | None) -> tuple[str, ...]:
        """The members on ``day`` (None: at the latest data)."""
        if not self.periods:
            return self.members
        when = {a: (j, left) for a, j, left in self.periods}
        return tuple(m for m in self.members
                     if m not in when or _in_period(day, *when[m]))


@dataclass(frozen=True)
class Change:
    """One what-if change. Which of ``actor``/``alliance``/``bloc`` matter depends on ``kind``:

    - ``remove_actor``: actor
    - ``remove_membership``: actor, alliance
    - ``dissolve_alliance``: alliance
    - ``move_to_bloc``: actor, bloc
    """

    kind: str
    actor: str | None = None
    alliance: str | None = None
    bloc: str | None = None

    def describe(self) -> str:
        if self.kind == "remove_actor":
            return f"Remove {self.actor}"
        if self.kind == "remove_membership":
            return f"{self.actor} leaves {self.alliance}"
        if self.kind == "dissolve_alliance":
            return f"Dissolve {self.alliance}"
        if self.kind == "move_to_bloc":
            return f"Move {self.actor} to bloc {self.bloc}"
        return self.kind


@dataclass(frozen=True)
class Scenario:
    """A named, saved list of what-if changes applied on top of the baseline."""

    name: str
    changes: tuple[Change, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class Region:
    """A node of the region tree; ``parent`` is None at the roots."""

    id: str
    name: str
    parent: str | None = None


@dataclass(frozen=True)
class Source:
    """A document a fact is taken from."""

    id: str
    title: str
    publisher: str = ""
    url: str = ""
    published: str = ""
    accessed: str = ""


@dataclass
class Document:
    """A whole project's data: the snapshot that analysis, export and validation read."""

    title: str = "Untitled"
    actors: dict[str, Actor] = field(default_factory=dict)
    alliances: dict[str, Alliance] = field(default_factory=dict)
    memberships: dict[int, Membership] = field(default_factory=dict)
    ties: dict[int, Tie] = field(default_factory=dict)
    blocs: dict[str, Bloc] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    #: what an imported graph carries besides the model (styles, weights, attributes)
    extras: GraphExtras = field(default_factory=GraphExtras)
    #: how recent the data is ("2025-11": the latest facts it holds); "" when unknown
    vintage: str = ""

    def region_ancestors(self, region_id: str) -> list[str]:
        """``region_id`` and every region above it, nearest first (cycle-safe)."""
        chain: list[str] = []
        current: str | None = region_id
        while current and current not in chain:
            chain.append(current)
            region = self.regions.get(current)
            current = region.parent if region else None
        return chain

    def actor_region_closure(self, actor_id: str) -> set[str]:
        """Every region an actor sits in, its regions' ancestors included."""
        out: set[str] = set()
        for region in self.actors[actor_id].regions:
            out.update(self.region_ancestors(region))
        return out


def _in_period(day: str | None, start: str | None, end: str | None) -> bool:
    if day is None:
        return end is None
    if start is not None and start > day:
        return False
    return end is None or day < end
