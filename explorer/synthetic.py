"""Deterministic random projects for tests and benchmarks (analysis, store, layout, export).

:func:`synthetic_document` builds a plausible, valid :class:`Document`: a small region
tree, actors (kind "other" or "non_state", ids ``A00001`` …, because states need ISO
alpha-3 ids) with skewed capability figures and some gaps, alliances of varied kinds and
obligations whose sizes follow a heavy-tailed law (many small pacts, a few large
organisations, regional ones drawn from one region), dated memberships with varied roles
(some ended), signed bilateral ties (about a third rivalries), two user blocs and one
sample scenario. The same arguments always give the same document; 50,000 actors take a
few seconds.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from explorer.model.entities import (
    Actor,
    Alliance,
    Bloc,
    Capability,
    Change,
    Document,
    Membership,
    Region,
    Scenario,
    Tie,
)
from explorer.model.vocab import ALLIANCE_KINDS, OBLIGATIONS

_REGIONS = (
    ("world", "World", None),
    ("europe", "Europe", "world"),
    ("western_europe", "Western Europe", "europe"),
    ("eastern_europe", "Eastern Europe", "europe"),
    ("asia", "Asia", "world"),
    ("middle_east", "Middle East", "asia"),
    ("africa", "Africa", "world"),
    ("americas", "Americas", "world"),
    ("oceania", "Oceania", "world"),
)
#: Regions actors are placed in, with their probabilities.
_LEAVES = (
    "western_europe",
    "eastern_europe",
    "asia",
    "middle_east",
    "africa",
    "americas",
    "oceania",
)
_LEAF_P = np.array([0.12, 0.12, 0.22, 0.1, 0.24, 0.14, 0.06])
_OBLIGATION_P = np.array([0.2, 0.05, 0.1, 0.1, 0.25, 0.3])
_ROLES = ("member", "partner", "observer", "suspended")
_ROLE_P = np.array([0.86, 0.08, 0.04, 0.02])
_EPOCH = date(1945, 1, 1)
_LAST = date(2024, 6, 30)
_SPAN = (_LAST - _EPOCH).days


def _day(offset: int) -> str:
    return (_EPOCH + timedelta(days=int(offset))).isoformat()


def _draw(rng: np.random.Generator, cum: np.ndarray, pool: np.ndarray, size: int) -> list[int]:
    """Up to ``size`` distinct actors from ``pool`` drawn by activity (cumulative ``cum``)."""
    picks = np.searchsorted(cum, rng.random(size * 3) * cum[-1], side="right")
    picks = np.minimum(picks, len(pool) - 1)
    seen: dict[int, None] = {}
    for p in pool[picks]:
        seen.setdefault(int(p), None)
        if len(seen) == size:
            break
    return list(seen)


def synthetic_document(
    n_actors: int, n_alliances: int, seed: int = 0, n_ties: int | None = None
) -> Document:
    """A random but plausible project; ``n_ties`` defaults to half the number of actors."""
    rng = np.random.default_rng(seed)
    doc = Document(title=f"Synthetic {n_actors}x{n_alliances} (seed {seed})")
    doc.regions = {r: Region(r, name, parent) for r, name, parent in _REGIONS}

    width = max(5, len(str(n_actors)))
    ids = [f"A{i:0{width}d}" for i in range(1, n_actors + 1)]
    leaf = rng.choice(len(_LEAVES), size=n_actors, p=_LEAF_P)
    second = rng.choice(len(_LEAVES), size=n_actors, p=_LEAF_P)
    two_regions = rng.random(n_actors) < 0.1
    non_state = rng.random(n_actors) < 0.1
    population = rng.lognormal(2.2, 1.5, n_actors)
    gdp = population * rng.lognormal(2.0, 1.0, n_actors)
    milex = gdp * 0.02 * rng.lognormal(0.0, 0.6, n_actors)
    personnel = population * 3.0 * rng.lognormal(0.0, 0.7, n_actors)
    present = rng.random((n_actors, 4)) > 0.08
    nuclear = gdp >= np.quantile(gdp, 0.98) if n_actors else np.zeros(0, dtype=bool)
    warheads = np.round(rng.lognormal(5.0, 1.5, n_actors))
    for i, ident in enumerate(ids):
        figures = zip(
            ("milex_usd_bn", "personnel_k", "population_m", "gdp_usd_bn"),
            (milex[i], personnel[i], population[i], gdp[i]),
            present[i],
            strict=True,
        )
        caps = [Capability(m, round(float(v), 3), 2023, "synthetic") for m, v, ok in figures if ok]
        if nuclear[i]:
            caps.append(Capability("warheads", float(warheads[i]), 2023, "synthetic"))
        regions = (_LEAVES[leaf[i]],)
        if two_regions[i] and second[i] != leaf[i]:
            regions += (_LEAVES[second[i]],)
        kind = "non_state" if non_state[i] else "other"
        label = "Group" if non_state[i] else "Actor"
        doc.actors[ident] = Actor(
            ident, f"{label} {ident[1:]}", kind, regions, tuple(caps), source="synthetic"
        )

    activity = rng.pareto(1.5, n_actors) + 1.0
    all_pool = np.arange(n_actors)
    pools = {r: np.flatnonzero(leaf == r) for r in range(len(_LEAVES))}
    cums = {r: np.cumsum(activity[p]) for r, p in pools.items() if len(p)}
    all_cum = np.cumsum(activity)
    cap = min(n_actors, max(2, int(n_actors**0.75)), 500)
    sizes = np.minimum(cap, 2 + (rng.pareto(1.3, n_alliances) * 3).astype(int))
    kinds = rng.choice(len(ALLIANCE_KINDS), size=n_alliances)
    obligations = rng.choice(len(OBLIGATIONS), size=n_alliances, p=_OBLIGATION_P)
    founded = rng.integers(0, _SPAN - 400, size=n_alliances)
    ended = rng.random(n_alliances) < 0.05
    regional = rng.random(n_alliances) < 0.6
    region_of = rng.choice(len(_LEAVES), size=n_alliances, p=_LEAF_P)
    awidth = max(4, len(str(n_alliances)))
    members_of: dict[str, list[int]] = {}
    mid = 0
    for j in range(n_alliances):
        aid = f"AL{j + 1:0{awidth}d}"
        start = int(founded[j])
        end = int(rng.integers(start + 200, _SPAN)) if ended[j] else None
        doc.alliances[aid] = Alliance(
            aid,
            f"Alliance {j + 1}",
            ALLIANCE_KINDS[kinds[j]],
            OBLIGATIONS[obligations[j]],
            formal=bool(obligations[j] < 4),
            founded=_day(start),
            ended=_day(end) if end is not None else None,
            source="synthetic",
        )
        r = int(region_of[j])
        if n_actors == 0:
            continue
        if regional[j] and r in cums and len(pools[r]) >= 2:
            members = _draw(rng, cums[r], pools[r], min(int(sizes[j]), len(pools[r])))
        else:
            members = _draw(rng, all_cum, all_pool, int(sizes[j]))
        members_of[aid] = members
        roles = rng.choice(len(_ROLES), size=len(members), p=_ROLE_P)
        horizon = (end if end is not None else _SPAN) - start
        joins = start + (rng.random(len(members)) ** 2 * horizon * 0.8).astype(int)
        lefts = rng.random(len(members)) < 0.07
        for k, actor in enumerate(members):
            joined = start if k == 0 else int(joins[k])
            if end is not None:
                left = end
            elif lefts[k] and k > 0:
                left = int(rng.integers(joined + 1, _SPAN + 1))
            else:
                left = None
            mid += 1
            doc.memberships[mid] = Membership(
                aid,
                ids[actor],
                "founder" if k == 0 else _ROLES[roles[k]],
                _day(joined),
                _day(left) if left is not None else None,
                source="synthetic",
                id=mid,
            )

    n_ties = n_actors // 2 if n_ties is None else n_ties
    if n_actors >= 2 and n_ties > 0:
        a = np.searchsorted(all_cum, rng.random(n_ties * 2) * all_cum[-1], side="right")
        b = rng.integers(0, n_actors, size=n_ties * 2)
        signs = np.where(rng.random(n_ties * 2) < 0.35, -1, 1)
        starts = rng.integers(0, _SPAN, size=n_ties * 2)
        seen: set[tuple[int, int]] = set()
        for x, y, s, st in zip(
            a.tolist(), b.tolist(), signs.tolist(), starts.tolist(), strict=True
        ):
            x = min(x, n_actors - 1)
            pair = (min(x, y), max(x, y))
            if x == y or pair in seen:
                continue
            seen.add(pair)
            tid = len(seen)
            doc.ties[tid] = Tie(
                ids[pair[0]],
                ids[pair[1]],
                int(s),
                "rivalry" if s < 0 else "partnership",
                start=_day(st),
                source="synthetic",
                id=tid,
            )
            if len(seen) == n_ties:
                break

    current = [
        aid for aid in members_of if doc.alliances[aid].ended is None and len(members_of[aid]) >= 2
    ]
    current.sort(key=lambda aid: (-len(members_of[aid]), aid))
    west = [ids[i] for i in members_of[current[0]]] if current else ids[: n_actors // 3]
    east_src = members_of[current[1]] if len(current) > 1 else range(n_actors // 3, n_actors // 2)
    east = [ids[i] for i in east_src if ids[i] not in set(west)]
    doc.blocs = {
        "west": Bloc("west", "Western-aligned", "#1f77b4", members=tuple(sorted(west))),
        "east": Bloc("east", "Eastern-aligned", "#d62728", members=tuple(sorted(east))),
    }
    if len(current) >= 2:
        big, second_big = current[0], current[1]
        leaver = ids[members_of[big][1]] if len(members_of[big]) > 1 else ids[members_of[big][0]]
        removed = next(
            (ids[i] for i in members_of[second_big] if ids[i] != leaver), ids[members_of[big][0]]
        )
        name = "Sample scenario"
        doc.scenarios = {
            name: Scenario(
                name,
                (
                    Change("remove_membership", actor=leaver, alliance=big),
                    Change(
                        "dissolve_alliance", alliance=current[2] if len(current) > 2 else second_big
                    ),
                    Change("remove_actor", actor=removed),
                ),
            )
        }
    return doc
