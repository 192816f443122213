"""Blocs (user-defined and detected), their strength, shares, balance and concentration.

**Strength** of a bloc is the sum of its members' capability indices. Each actor counts
once overall: an actor that sits in k blocs contributes index/k to each of them, so the
bloc shares (strength / sum of all indices in view) sum to at most 1, and to exactly 1
when the blocs partition the actors with data. The remainder is reported as
``unaligned_share``. Members that are not in view are ignored.

**Detected blocs** are Louvain communities of the positive actor projection
(``networkx.community.louvain_communities(weight="weight", seed=42)``; above
``COMPILED_FROM`` actors igraph's Leiden, its refinement, when igraph is installed), with
the partition's modularity (None for a graph without edges). They are named ``C1``, ``C2``
… strongest first (communities of one actor last), so names are stable for a given
graph but not across scenarios.

**Concentration** CON = sqrt((sum s_i^2 - 1/N) / (1 - 1/N)) over N units with shares s_i
(Ray & Singer). Over actors the units are the actors with data, shares as in
:class:`~explorer.analysis.capability.CapabilityIndex`; over blocs the units are the blocs
with shares renormalised to sum to 1 among them (polarity between the blocs). With N = 1
one unit holds everything: CON = 1. With no unit, or all shares 0, CON is None.

**Alliance-derived blocs** (:func:`alliance_blocs`) are the connected groups of actors
joined by in-force *defence-obligation* alliances in which both are full members
(founders or members). Each is named after its strongest member ("Bloc around United
States") and its id is that member's id, so the same bloc keeps its id across scenarios
and a change of membership moves an actor between blocs without anyone editing a list.
Actors without a defence pact are unaligned.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

from explorer.analysis.arrays import EdgeArrays
from explorer.analysis.capability import CapabilityIndex
from explorer.analysis.view import FilteredData
from explorer.model.bulk import gc_paused
from explorer.model.entities import Bloc
from explorer.model.vocab import FULL_ROLES

LOUVAIN_SEED = 42


@dataclass(frozen=True)
class BlocStrength:
    """One bloc in view: members in view, strength and share of the total capability."""

    id: str
    name: str
    members: tuple[str, ...]
    strength: float
    share: float


@dataclass(frozen=True)
class BlocSet:
    """A set of blocs with their balance ratios and concentration."""

    blocs: tuple[BlocStrength, ...]
    unaligned_share: float
    con: float | None
    modularity: float | None = None
    #: How detected blocs were found ("Louvain" or "Leiden"); None for other bloc sets.
    method: str | None = None

    def ratio(self, a: str, b: str) -> float | None:
        """Strength of bloc ``a`` / strength of bloc ``b`` (None when b has none)."""
        by_id = {x.id: x for x in self.blocs}
        return balance_ratio(by_id[a].strength, by_id[b].strength)

    def ratios(self, limit: int | None = None) -> list[dict]:
        """Ratio for every pair of blocs (strongest first; the first ``limit`` blocs)."""
        chosen = self.blocs[:limit] if limit else self.blocs
        return [
            {"a": x.id, "b": y.id, "ratio": balance_ratio(x.strength, y.strength)}
            for x, y in itertools.combinations(chosen, 2)
        ]


def balance_ratio(a: float, b: float) -> float | None:
    return a / b if b > 0 else None


def concentration(shares: Sequence[float]) -> float | None:
    """Ray–Singer concentration of ``shares`` (renormalised to sum to 1); see module."""
    total = float(sum(shares))
    n = len(shares)
    if n == 0 or total <= 0:
        return None
    if n == 1:
        return 1.0
    s2 = sum((x / total) ** 2 for x in shares)
    return math.sqrt(max(0.0, (s2 - 1.0 / n) / (1.0 - 1.0 / n)))


def actor_concentration(cap: CapabilityIndex) -> float | None:
    """CON over the actors with data (actors without figures are not units)."""
    return concentration([v for a, v in cap.share.items() if a not in cap.missing])


def bloc_set(
    groups: Iterable[tuple[str, str, Iterable[str]]],
    cap: CapabilityIndex,
    modularity: float | None = None,
) -> BlocSet:
    """Strengths of ``groups`` of (id, name, members): overlaps split equally (module)."""
    groups = [(i, name, tuple(sorted(set(m) & cap.index.keys()))) for i, name, m in groups]
    count: dict[str, int] = {}
    for _, _, members in groups:
        for a in members:
            count[a] = count.get(a, 0) + 1
    grand = sum(cap.index.values())
    blocs = []
    for ident, name, members in groups:
        strength = sum(cap.index[a] / count[a] for a in members)
        blocs.append(
            BlocStrength(ident, name, members, strength, strength / grand if grand > 0 else 0.0)
        )
    aligned = sum(b.share for b in blocs)
    return BlocSet(
        blocs=tuple(blocs),
        unaligned_share=max(0.0, 1.0 - aligned) if grand > 0 else 0.0,
        con=concentration([b.strength for b in blocs]),
        modularity=modularity,
    )


def user_blocs(blocs: Iterable[Bloc], cap: CapabilityIndex) -> BlocSet:
    """The document's user blocs, restricted to the actors in view, in id order."""
    return bloc_set(((b.id, b.name, b.members) for b in sorted(blocs, key=lambda b: b.id)), cap)


def detect_communities(
    g: nx.Graph, seed: int = LOUVAIN_SEED, arrays: EdgeArrays | None = None
) -> list[set[str]]:
    """Louvain communities of ``g`` (weight="weight", fixed seed); [] for an empty graph.
    Above ``COMPILED_FROM`` actors, igraph's Leiden when installed (see there);
    ``arrays`` (of ``g``) saves reading the graph again."""
    if g.number_of_nodes() == 0:
        return []
    # networkx counts edges by summing every degree: the arrays know it for free
    if (len(arrays.src) if arrays is not None else g.number_of_edges()) == 0:
        return [{v} for v in g]
    if g.number_of_nodes() > COMPILED_FROM:
        found = _igraph_leiden(arrays if arrays is not None else EdgeArrays.from_graph(g), seed)
        if found is not None:
            return found
    return [set(c) for c in _louvain(g, seed)]


#: Above this many actors, communities come from igraph's C Leiden (modularity objective,
#: the same weights, a fixed seed) when igraph is installed. Leiden refines Louvain (its
#: communities are always connected) and reaches a slightly higher modularity; it is also
#: the fast one: at 100,000 actors with equal weights igraph's multilevel (Louvain) took
#: 30 s, Leiden 1.3 s. Smaller views keep networkx's exact Louvain answers.
COMPILED_FROM = 1_000
#: Leiden passes (igraph's default); more gain little modularity for the time.
LEIDEN_ITERATIONS = 2


def compiled_louvain_available() -> bool:
    try:
        import igraph  # noqa: F401
    except ImportError:
        return False
    return True


def _igraph_leiden(arrays: EdgeArrays, seed: int) -> list[set[str]] | None:
    """Leiden communities by igraph (modularity, weights, fixed seed); None without igraph."""
    graph = arrays.igraph()
    if graph is None:
        return None
    import random

    import igraph

    igraph.set_random_number_generator(random.Random(seed))
    try:
        clusters = graph.community_leiden(objective_function="modularity", weights="weight",
                                          n_iterations=LEIDEN_ITERATIONS)
    finally:
        igraph.set_random_number_generator(random)
    names = arrays.nodes
    return [{names[i] for i in members} for members in clusters]


def _louvain(g: nx.Graph, seed: int) -> list[set[str]]:
    """``nx.community.louvain_communities(g, weight="weight", seed=seed)``, same steps and
    same result, with :func:`partition_modularity` for the per-level modularity: networkx's
    own walks the graph once per community and took a third of Louvain's time on 2,000
    actors. Falls back to networkx if its private level functions ever change."""
    try:
        from networkx.algorithms.community.louvain import _gen_graph, _one_level
        from networkx.utils import create_py_random_state
    except ImportError:  # pragma: no cover - a future networkx
        return nx.community.louvain_communities(g, weight="weight", seed=seed)
    rng = create_py_random_state(seed)
    threshold = 1e-7  # networkx's default
    partition: list[set[str]] = [{u} for u in g.nodes()]
    mod = partition_modularity(g, partition)
    graph = nx.Graph()
    graph.add_nodes_from(g)
    graph.add_weighted_edges_from(g.edges(data="weight", default=1))
    m = graph.size(weight="weight")
    partition, inner, improvement = _one_level(graph, m, partition, 1, False, rng)
    improvement = True
    result = partition
    while improvement:
        result = [c.copy() for c in partition]
        new_mod = partition_modularity(graph, inner)
        if new_mod is None or new_mod - mod <= threshold:
            break
        mod = new_mod
        graph = _gen_graph(graph, inner)
        partition, inner, improvement = _one_level(graph, m, partition, 1, False, rng)
    return result


def partition_modularity(
    g: nx.Graph, communities: list[set[str]], arrays: EdgeArrays | None = None
) -> float | None:
    """Newman modularity of ``communities`` with weights, as networkx's (None without
    edges): sum over communities of L_c / m - (d_c / 2m)^2, in one pass over the edges
    (networkx walks the graph once per community, ten times slower on 2,000 actors);
    with ``arrays`` (of ``g``) the pass is vectorised."""
    edges = len(arrays.src) if arrays is not None else g.number_of_edges()
    if edges == 0 or not communities:
        return None
    if arrays is not None:
        return _array_modularity(arrays, communities)
    label = {v: i for i, c in enumerate(communities) for v in c}
    inside = [0.0] * len(communities)
    degree = [0.0] * len(communities)
    for u, v, w in g.edges(data="weight", default=1):
        cu, cv = label[u], label[v]
        degree[cu] += w
        degree[cv] += w
        if cu == cv:
            inside[cu] += w
    m = sum(degree) / 2
    if m <= 0:
        return None
    return float(sum(inside[i] / m - (degree[i] / (2 * m)) ** 2 for i in range(len(inside))))


def _array_modularity(arrays: EdgeArrays, communities: list[set[str]]) -> float | None:
    index = arrays.index
    label = np.empty(arrays.n, dtype=np.int64)
    for i, c in enumerate(communities):
        label[[index[v] for v in c]] = i
    cu, cv, w = label[arrays.src], label[arrays.dst], arrays.weight
    k = len(communities)
    degree = np.bincount(cu, w, minlength=k) + np.bincount(cv, w, minlength=k)
    same = cu == cv
    inside = np.bincount(cu[same], w[same], minlength=k)
    m = degree.sum() / 2
    if m <= 0:
        return None
    return float(np.sum(inside / m - (degree / (2 * m)) ** 2))


def detected_blocs(
    g: nx.Graph, cap: CapabilityIndex, seed: int = LOUVAIN_SEED, arrays: EdgeArrays | None = None
) -> BlocSet:
    """Louvain blocs of the positive projection, named C1, C2 … strongest first;
    ``arrays`` (of ``g``) saves reading the graph again on large graphs."""
    # at 10,000 actors the collector woke several times in here and walked every record
    # and edge of the projection each time: 40 % of the call
    with gc_paused():
        return _detected_blocs(g, cap, seed, arrays)


def _detected_blocs(g: nx.Graph, cap: CapabilityIndex, seed: int, arrays: EdgeArrays | None
                    ) -> BlocSet:
    large = g.number_of_nodes() > COMPILED_FROM
    if arrays is None and large:
        arrays = EdgeArrays.from_graph(g)
    communities = detect_communities(g, seed, arrays)
    method = ("Leiden" if large and len(arrays.src) and compiled_louvain_available()
              else "Louvain")
    # small views keep the pure-Python sum, bit for bit the figure they always had
    modularity = partition_modularity(g, communities, arrays if large else None)

    def strength(c: set[str]) -> float:
        return sum(cap.index.get(a, 0.0) for a in c)

    ordered = sorted(communities, key=lambda c: (len(c) < 2, -strength(c), -len(c), min(c)))
    degree = (dict(zip(arrays.nodes, arrays.degree().tolist(), strict=True)) if large
              else g.degree)
    groups = []
    for i, c in enumerate(ordered, start=1):
        lead = max(c, key=lambda a: (cap.index.get(a, 0.0), degree[a], a))
        name = g.nodes[lead].get("name", lead)
        groups.append((f"C{i}", f"Around {name}", c))
    return dataclasses.replace(bloc_set(groups, cap, modularity), method=method)


def defence_groups(data: FilteredData) -> list[set[str]]:
    """Groups of two or more actors joined by in-force defence pacts (full members)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]  # path halving keeps the trees flat
            x = parent[x]
        return x

    first: dict[str, str] = {}
    for m in data.memberships:
        if m.role not in FULL_ROLES or data.alliances[m.alliance].obligation != "defence":
            continue
        lead = first.setdefault(m.alliance, m.actor)
        parent[find(m.actor)] = find(lead)
    groups: dict[str, set[str]] = {}
    for actor in parent:
        groups.setdefault(find(actor), set()).add(actor)
    return [g for g in groups.values() if len(g) > 1]


def alliance_blocs(data: FilteredData, cap: CapabilityIndex) -> BlocSet:
    """Blocs of actors joined by defence pacts, strongest first (see module)."""

    def key(a: str) -> tuple:
        return (-cap.index.get(a, 0.0), a)

    def strength(c: set[str]) -> float:
        return sum(cap.index.get(a, 0.0) for a in c)

    ordered = sorted(defence_groups(data), key=lambda c: (-strength(c), -len(c), min(c)))
    groups = []
    for c in ordered:
        lead = min(c, key=key)
        name = data.actors[lead].name if lead in data.actors else lead
        groups.append((lead, f"Bloc around {name}", c))
    return bloc_set(groups, cap)
