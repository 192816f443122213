"""Benchmark of the analysis layer: a full what-if comparison, and plain networkx for scale.

Run ``python tests/benchmarks/bench_analysis.py [--project PATH] [--repeat N]``. Not
collected by pytest (the file name does not start with ``test_``).

(a) the realistic project: ``--project PATH`` when given, else the bundled default
    dataset (``explorer.dataset.load_dataset``), or a ~90-actor / 30-alliance synthetic
    project when that cannot be loaded;
    target <= 100 ms for baseline + scenario with every measure.
(b) a synthetic 2,000-actor / 200-alliance project; target <= 2 s.
(c) detected blocs at 10,000 actors (issue #21): ``detected_blocs`` on the positive
    projection (igraph's Leiden above 1,000 actors when installed), beside networkx's
    Louvain on the same graph; target <= 0.5 s.

For reference, the same measures computed with plain networkx calls on the same graphs
(baseline and scenario projections), with the ratio of our time to theirs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import emit, times  # noqa: E402

from explorer.analysis.graphs import positive_projection  # noqa: E402
from explorer.analysis.measures import EXACT_MAX_NODES, SAMPLE_K, SAMPLE_SEED  # noqa: E402
from explorer.analysis.view import ViewFilter, filtered  # noqa: E402
from explorer.analysis.whatif import apply_scenario, compare  # noqa: E402
from explorer.model.entities import Change, Document  # noqa: E402
from explorer.synthetic import synthetic_document  # noqa: E402


def default_document() -> tuple[str, Document]:
    """The realistic project: the bundled dataset, or a 90/30 synthetic one without it."""
    try:
        from explorer.dataset import load_dataset

        return "bundled default dataset", load_dataset()
    except Exception as exc:  # noqa: BLE001 - any failure falls back to synthetic
        print(f"(bundled dataset unavailable: {exc}; using a synthetic project)")
        return "realistic project (synthetic 90 actors / 30 alliances)", synthetic_document(90, 30)


def load_project(path: str) -> Document:
    """Load a ``.sbx`` project file through the store."""
    from explorer.store import Project

    with Project.open(path) as project:
        return project.document()


def scenario_changes(doc: Document) -> list[Change]:
    """The first saved scenario, or three changes built from the largest alliance."""
    if doc.scenarios:
        return list(next(iter(doc.scenarios.values())).changes)
    sizes: dict[str, list[str]] = {}
    for m in doc.memberships.values():
        if m.in_force(None):
            sizes.setdefault(m.alliance, []).append(m.actor)
    ranked = sorted(sizes, key=lambda a: (-len(sizes[a]), a))
    big = ranked[0]
    changes = [Change("remove_membership", actor=sizes[big][-1], alliance=big)]
    if len(ranked) > 1:
        changes.append(Change("dissolve_alliance", alliance=ranked[1]))
    changes.append(Change("remove_actor", actor=sizes[big][0]))
    return changes


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(best, median) wall time of ``fn`` in seconds, after one warm-up call.

    The best run is the fairer figure on a shared machine; the median shows the noise.
    """
    from explorer.analysis.memo import forget_all

    fn()
    runs = []
    for _ in range(repeat):
        # each run computes afresh: the memos serve the readers of one change, not runs
        forget_all()
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return min(runs), statistics.median(runs)


def networkx_reference(g: nx.Graph) -> dict[str, Callable[[], object]]:
    """Plain networkx calls for the measures we compute (betweenness sampled like ours)."""
    k = SAMPLE_K if g.number_of_nodes() > EXACT_MAX_NODES else None

    def eigenvector():
        # networkx needs a connected graph, and its scipy path fails on 2-node
        # components: one call per component of 3+ nodes
        for comp in nx.connected_components(g):
            if len(comp) > 2:
                nx.eigenvector_centrality_numpy(g.subgraph(comp), weight="weight")

    return {
        "betweenness": lambda: nx.betweenness_centrality(g, k=k, seed=SAMPLE_SEED),
        "eigenvector": eigenvector,
        "constraint": lambda: nx.constraint(g, weight="weight"),
        "efficiency": lambda: nx.global_efficiency(g),
        "louvain": lambda: nx.community.louvain_communities(g, weight="weight", seed=42),
        "articulation": lambda: list(nx.articulation_points(g)),
    }


def bench(label: str, doc: Document, target: float, repeat: int) -> None:
    changes = scenario_changes(doc)
    view = ViewFilter()
    ours, ours_median = timed(lambda: compare(doc, changes, view), repeat)
    result = compare(doc, changes, view)
    base, alt = result.baseline, result.scenario
    graphs = [
        positive_projection(filtered(doc, view)),
        positive_projection(filtered(apply_scenario(doc, changes), view)),
    ]
    print(f"\n{label}")
    print(
        f"  {len(doc.actors)} actors, {len(doc.alliances)} alliances, "
        f"{len(doc.memberships)} memberships, {len(doc.ties)} ties; projection "
        f"{base.positive.number_of_nodes()} nodes / {base.positive.number_of_edges()} edges"
        + (f"; betweenness sampled k={SAMPLE_K}" if base.network.betweenness_sampled else "")
    )
    print(f"  scenario: {'; '.join(c.describe() for c in changes)}")
    verdict = "OK" if ours <= target else "SLOW"
    print(
        f"  full what-if comparison (baseline + scenario, every measure): best "
        f"{ours * 1000:.1f} ms, median {ours_median * 1000:.1f} ms; target "
        f"{target * 1000:.0f} ms: {verdict}"
    )
    print("  plain networkx on the same two graphs (best of runs):")
    total = 0.0
    for name in networkx_reference(graphs[0]):
        t = sum(timed(networkx_reference(g)[name], max(1, repeat // 3))[0] for g in graphs)
        total += t
        print(f"    {name:<13} {t * 1000:10.1f} ms")
    print(f"    {'total':<13} {total * 1000:10.1f} ms")
    print(f"  ratio networkx / ours: {total / ours:6.1f}x (ours includes filtering, graphs,")
    print("  capability, blocs, balance and the diff, which networkx does not do)")
    emit(f"full what-if comparison, {label[4:]} (bench_analysis)",
         f"{ours_median * 1000:,.0f} ms median (best {ours * 1000:,.0f})",
         f"plain networkx measures alone {total * 1000:,.0f} ms", times(ours_median, total),
         f"≤ {target * 1000:,.0f} ms", ours_median <= target)
    _ = alt


def bench_detected(actors: int, target: float, repeat: int) -> None:
    """Detected blocs on a large projection, ours beside networkx's Louvain."""
    from explorer.analysis.blocs import compiled_louvain_available, detected_blocs
    from explorer.analysis.capability import capability_index

    doc = synthetic_document(actors, actors // 20, 7, n_ties=actors)
    data = filtered(doc, ViewFilter())
    g = positive_projection(data)
    cap = capability_index(data.actors.values())
    ours, ours_median = timed(lambda: detected_blocs(g, cap), repeat)
    found = detected_blocs(g, cap)
    t0 = time.perf_counter()
    theirs = nx.community.louvain_communities(g, weight="weight", seed=42)
    nx_time = time.perf_counter() - t0
    nx_mod = nx.community.modularity(g, theirs, weight="weight")
    method = "igraph Leiden" if compiled_louvain_available() else "networkx Louvain"
    verdict = "OK" if ours <= target else "SLOW"
    print(f"\n(c) detected blocs at {actors:,} actors ({g.number_of_nodes():,} nodes / "
          f"{g.number_of_edges():,} edges)")
    print(f"  ours ({method}): best {ours:.3f} s, median {ours_median:.3f} s, "
          f"{len(found.blocs)} blocs, modularity {found.modularity:.4f}; target "
          f"{target:.1f} s: {verdict}")
    print(f"  networkx louvain_communities: {nx_time:.3f} s, {len(theirs)} communities, "
          f"modularity {nx_mod:.4f}; ratio {nx_time / ours:.1f}x")
    emit(f"detected blocs, {actors:,} actors ({g.number_of_edges():,} links; bench_analysis)",
         f"{ours_median:.2f} s median (best {ours:.2f}), {method}, modularity "
         f"{found.modularity:.3f}", f"networkx Louvain {nx_time:.2f} s, modularity {nx_mod:.3f}",
         times(ours_median, nx_time), f"≤ {target:.1f} s", ours_median <= target)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", help="a project file; default: the realistic project")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs (median)")
    args = parser.parse_args(argv)
    if args.project:
        name, doc = args.project, load_project(args.project)
    else:
        name, doc = default_document()
    bench(f"(a) {name}", doc, 0.100, args.repeat)
    bench(
        "(b) synthetic 2,000 actors / 200 alliances",
        synthetic_document(2000, 200, seed=0),
        2.0,
        max(1, args.repeat // 2),
    )
    bench_detected(10_000, 0.5, max(1, args.repeat // 2))


if __name__ == "__main__":
    main()
