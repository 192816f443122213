"""Time to a good layout (issue #21): normalised stress against wall time, ours and
igraph's, from a random start, at 10,000 and 50,000 nodes.

    python tests/benchmarks/bench_layout_quality.py [--quick]

Ours is the canvas's engine (ForceAtlas2, Barnes–Hut, numba when installed) stepped
from random positions; igraph's Fruchterman–Reingold and DrL run to their defaults (FR
500 iterations) and, for FR, to fewer iterations for the curve. Stress is the
scale-free normalised stress of :mod:`explorer.layout.quality` over all pairs from 200
sampled sources (the same for every layout). The summary says how long ours takes to
reach igraph FR's final stress, and the ratio to FR's time (target ≤ 0.5). JIT compile
time is excluded (the kernels are warmed first) and printed by bench_layout.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_layout import planted_partition  # noqa: E402

from explorer.layout import ForceLayout, backends, graph_distances, normalised_stress  # noqa: E402

CHECKPOINTS = (10, 20, 30, 40, 50, 60, 80, 100, 150, 200, 300)


def ours(n: int, edges: np.ndarray, stress_of) -> list[tuple[int, float, float]]:
    """(iterations, seconds, stress) along one run from a random start."""
    layout = ForceLayout(n, edges, seed=1)
    out = []
    done, elapsed = 0, 0.0
    for it in CHECKPOINTS:
        t0 = time.perf_counter()
        layout.step(it - done)
        elapsed += time.perf_counter() - t0
        done = it
        out.append((it, elapsed, stress_of(layout.positions)))
    return out


def igraph_curves(n: int, edges: np.ndarray, stress_of, full: int) -> dict[str, list]:
    import igraph as ig

    graph = ig.Graph(n=n, edges=edges.tolist())
    curves: dict[str, list] = {"igraph FR": [], "igraph DrL": []}
    for niter in (50, 100, 200, full):
        t0 = time.perf_counter()
        coords = np.array(graph.layout_fruchterman_reingold(niter=niter, seed=None).coords)
        curves["igraph FR"].append((niter, time.perf_counter() - t0, stress_of(coords)))
    t0 = time.perf_counter()
    coords = np.array(graph.layout_drl().coords)
    curves["igraph DrL"].append((0, time.perf_counter() - t0, stress_of(coords)))
    return curves


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 nodes only")
    args = parser.parse_args()
    try:
        import igraph  # noqa: F401
    except ImportError:
        print("igraph is not installed (pip install '.[bench]'): no peer to compare with.")
        return 0
    if backends.numba_installed():
        backends.warm_up_blocking()
    print(f"backend: {backends.resolve('auto')}")
    sizes = ((2_000, 10_000),) if args.quick else ((10_000, 50_000), (50_000, 250_000))
    for n, m in sizes:
        edges = planted_partition(n, m)
        sources, dist = graph_distances(n, edges, 200, seed=1)

        def stress_of(pos: np.ndarray, dist=dist, sources=sources) -> float:
            return normalised_stress(pos, dist, sources)

        print(f"\n=== {n:,} nodes / {len(edges):,} edges: time (s) -> stress")
        curves = {"ours (FA2)": ours(n, edges, stress_of)}
        curves.update(igraph_curves(n, edges, stress_of, 500))
        for name, points in curves.items():
            text = "  ".join(f"{t:.2f}s:{s:.3f}" for _it, t, s in points)
            print(f"{name:<12} {text}")
        fr_time, fr_stress = curves["igraph FR"][-1][1], curves["igraph FR"][-1][2]
        reached = next(((it, t) for it, t, s in curves["ours (FA2)"] if s <= fr_stress), None)
        if reached is None:
            best = min(s for _i, _t, s in curves["ours (FA2)"])
            print(f"summary: igraph FR (500 it.) {fr_time:.2f} s, stress {fr_stress:.3f}; "
                  f"ours never reached it (best {best:.3f}) — NOT MET")
        else:
            it, t = reached
            ratio = t / fr_time
            print(f"summary: igraph FR (500 it.) {fr_time:.2f} s, stress {fr_stress:.3f}; ours "
                  f"reaches it after {it} iterations, {t:.2f} s: {ratio:.2f}x FR's time "
                  f"(target <= 0.5) {'OK' if ratio <= 0.5 else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
