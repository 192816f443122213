"""Who is bound to whom, and how strongly: the strongest in-force link of every pair.

A pair is bound by every in-force alliance both belong to, at
``weight[obligation] * min(ROLE_FACTOR[role_a], ROLE_FACTOR[role_b])``, and by a positive
bilateral tie at ``weight["tie"]``; the strongest link counts (on equal weights an
alliance beats a tie, then the alliance with the smaller id). As in the positive
projection, a pair joined by an in-force rivalry (a -1 tie) is not bound at all.

Pairs are found with numpy (an alliance of k members gives k(k-1)/2 pairs; 2,000 actors
give ~80,000), and :class:`Bindings` builds an actor's partners only when asked.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from explorer.analysis.graphs import OBLIGATION_WEIGHT, ROLE_FACTOR, TIE_WEIGHT
from explorer.analysis.view import FilteredData

TIE = "tie"
#: Default binding weights: the projection's obligation table plus "tie" for a positive
#: bilateral tie. Not a second table: built from ``graphs`` so both move together.
BINDING_WEIGHTS: dict[str, float] = {**OBLIGATION_WEIGHT, TIE: TIE_WEIGHT}


class Binding(NamedTuple):
    """The strongest link between two actors: ``via`` an alliance id (or "tie")."""

    weight: float
    via: str
    obligation: str


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


class Bindings(Mapping[str, dict[str, Binding]]):
    """actor -> partner -> :class:`Binding`, both directions (a read-only mapping).

    Backed by arrays of pairs (``u < v`` as indices into ``actors``); an actor's partner
    dict is built on first access, an actor without partners is absent.
    """

    def __init__(self, actors: list[str], u: np.ndarray, v: np.ndarray, w: np.ndarray,
                 code: np.ndarray, vias: list[str], obligations: list[str]) -> None:
        self.actors = actors
        self.u, self.v, self.w, self.code = u, v, w, code
        self._vias, self._obligations = vias, obligations
        self._index = {a: i for i, a in enumerate(actors)}
        self._cache: dict[str, dict[str, Binding]] = {}
        counts = np.bincount(u, minlength=len(actors)) + np.bincount(v, minlength=len(actors))
        self.counts = counts

    def __getitem__(self, actor: str) -> dict[str, Binding]:
        found = self._cache.get(actor)
        if found is not None:
            return found
        i = self._index.get(actor)
        if i is None or not self.counts[i]:
            raise KeyError(actor)
        out: dict[str, Binding] = {}
        for mine, other in ((self.u, self.v), (self.v, self.u)):
            for k in np.flatnonzero(mine == i):
                c = int(self.code[k])
                out[self.actors[other[k]]] = Binding(
                    float(self.w[k]), self._vias[c], self._obligations[c]
                )
        self._cache[actor] = out
        return out

    def __iter__(self) -> Iterator[str]:
        return (a for a, n in zip(self.actors, self.counts, strict=True) if n)

    def __len__(self) -> int:
        return int(np.count_nonzero(self.counts))

    def weighted_sums(self, values: Mapping[str, float]) -> dict[str, float]:
        """actor -> sum over its partners of binding weight * ``values[partner]``."""
        x = np.array([values.get(a, 0.0) for a in self.actors], dtype=float)
        n = len(self.actors)
        sums = np.bincount(self.u, self.w * x[self.v], n) + np.bincount(self.v, self.w * x[self.u], n)
        return dict(zip(self.actors, sums.tolist(), strict=True))


@lru_cache(maxsize=256)
def _pairs(k: int) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs i < j of k members (numpy builds them anew on every call otherwise)."""
    return np.triu_indices(k, 1)


def bindings(data: FilteredData, weights: Mapping[str, float] | None = None) -> Bindings:
    """The strongest binding of every pair of actors in view (see module)."""
    w = check_binding_weights(weights)
    actors = sorted(data.actors)
    index = {a: i for i, a in enumerate(actors)}
    roles = _roles(data)
    vias = sorted(roles)
    obligations = [data.alliances[a].obligation for a in vias] + [TIE]
    tie_code = len(vias)
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    for code, alliance in enumerate(vias):
        members = [(index[a], ROLE_FACTOR.get(r, 0.0)) for a, r in roles[alliance].items()
                   if a in index]
        if len(members) < 2:
            continue
        members.sort()
        idx = np.array([m[0] for m in members])
        factor = np.array([m[1] for m in members])
        iu, iv = _pairs(len(members))
        base = w.get(obligations[code], w["none"])
        parts.append((idx[iu], idx[iv], base * np.minimum(factor[iu], factor[iv]),
                      np.full(len(iu), code)))
    friends = {tuple(sorted((index[t.a], index[t.b]))) for t in data.ties
               if t.sign > 0 and t.a in index and t.b in index}
    if friends:
        pairs = np.array(sorted(friends))
        parts.append((pairs[:, 0], pairs[:, 1], np.full(len(pairs), w[TIE]),
                      np.full(len(pairs), tie_code)))
    n = len(actors)
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return Bindings(actors, empty, empty, np.zeros(0), empty, vias + [TIE], obligations)
    u, v, weight, code = (np.concatenate(x) for x in zip(*parts, strict=True))
    key = u.astype(np.int64) * n + v
    # the first row of each pair after sorting by (pair, -weight, code) is the strongest
    order = np.lexsort((code, -weight, key))
    first = np.ones(len(order), dtype=bool)
    first[1:] = key[order][1:] != key[order][:-1]
    keep = order[first]
    rivals = [min(index[t.a], index[t.b]) * n + max(index[t.a], index[t.b]) for t in data.ties
              if t.sign < 0 and t.a in index and t.b in index]
    mask = weight[keep] > 0
    if rivals:
        mask &= ~np.isin(key[keep], np.array(rivals, dtype=np.int64))
    keep = keep[mask]
    return Bindings(actors, u[keep], v[keep], weight[keep], code[keep], vias + [TIE], obligations)
