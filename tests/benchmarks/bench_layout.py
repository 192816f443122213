"""Layout engine benchmark: speed and quality against networkx and igraph on the same graphs.

Run ``python tests/benchmarks/bench_layout.py [--quick]``.  Not collected by pytest.

Graphs are seeded planted-partition graphs with heavy-tailed degrees (2,000 nodes /
10,000 edges and 10,000 / 50,000).  For each it prints ms/iteration (ours per backend,
excluding JIT compile time, which is printed separately), the ratio of each peer to our
fastest backend, and the normalised stress (explorer.layout.quality, 200 sampled
sources) of each full layout.  Slow peers are timed on a few iterations only and their
stress is not computed ("-").
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from explorer.layout import ForceLayout, backends, graph_distances, normalised_stress  # noqa: E402


@dataclass
class Row:
    method: str
    iterations: int
    ms_per_iter: float
    stress: float | None
    note: str = ""


def planted_partition(n: int, m: int, communities: int = 20, seed: int = 0) -> np.ndarray:
    """Sparse graph with community structure and Pareto-distributed expected degrees."""
    rng = np.random.default_rng(seed)
    comm = rng.integers(0, communities, n)
    weight = rng.pareto(2.0, n) + 1.0
    p = weight / weight.sum()
    src = rng.choice(n, 3 * m, p=p)
    dst = rng.choice(n, 3 * m, p=p)
    keep = (comm[src] == comm[dst]) | (rng.random(3 * m) < 0.1)
    edges = np.stack([src[keep], dst[keep]], axis=1)
    edges = edges[edges[:, 0] != edges[:, 1]]
    edges = np.unique(np.sort(edges, axis=1), axis=0)
    return edges[rng.permutation(len(edges))[:m]]


def available_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return 0.0


def warm_up_seconds(empty_cache: bool) -> str:
    """Time numba warm-up in a clean interpreter: a real compile with an empty cache
    directory, otherwise (usually) a load from the on-disk cache."""
    code = ("import time; t=time.perf_counter(); from explorer.layout import backends; "
            "backends.warm_up_blocking(); print(f'{time.perf_counter()-t:.2f}')")
    root = Path(__file__).resolve().parents[2]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, NUMBA_CACHE_DIR=tmp) if empty_cache else None
        out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                             text=True, check=False, env=env)
    return out.stdout.strip() or out.stderr.strip()[-200:]


def run_ours(n: int, edges: np.ndarray, backend: str, iterations: int,
             stress_of) -> Row:
    layout = ForceLayout(n, edges, seed=0, backend=backend, initial="random")
    start = time.perf_counter()
    for _ in range(iterations // 10):  # chunks as the UI does, so "settled" is meaningful
        layout.step(10)
    elapsed = time.perf_counter() - start
    note = f"settled={layout.settled}"
    return Row(f"ours ({backend})", iterations, 1e3 * elapsed / iterations,
               stress_of(layout.positions), note)


def run_igraph(n: int, edges: np.ndarray, stress_of) -> Row | None:
    try:
        import igraph
    except ImportError:
        return None
    g = igraph.Graph(n=n, edges=edges.tolist())
    start = time.perf_counter()
    coords = np.array(g.layout_fruchterman_reingold().coords)  # default: niter=500
    elapsed = time.perf_counter() - start
    note = "grid" if n > 1000 else "exact"
    return Row("igraph FR (default)", 500, 1e3 * elapsed / 500, stress_of(coords), note)


def run_nx(n: int, edges: np.ndarray, which: str, iterations: int) -> Row:
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges.tolist())
    start = time.perf_counter()
    if which == "spring":
        nx.spring_layout(g, iterations=iterations, seed=0, threshold=0)
    else:
        nx.forceatlas2_layout(g, max_iter=iterations, seed=0)
    elapsed = time.perf_counter() - start
    return Row(f"networkx {which}", iterations, 1e3 * elapsed / iterations, None,
               "timing only")


def bench_graph(n: int, m: int, quick: bool) -> list[Row]:
    edges = planted_partition(n, m, seed=1)
    sources, dist = graph_distances(n, edges, sources=200, seed=0)

    def stress_of(pos: np.ndarray) -> float:
        return normalised_stress(pos, dist, sources)

    big = n > 5000
    ours_iters = 100 if quick else (300 if big else 500)  # multiples of 10
    rows = []
    if backends.numba_ready():
        rows.append(run_ours(n, edges, "numba", ours_iters, stress_of))
    numpy_iters = (10 if quick else 100) if big else (50 if quick else ours_iters)
    rows.append(run_ours(n, edges, "numpy", numpy_iters, stress_of))
    ig = run_igraph(n, edges, stress_of)
    if ig is not None:
        rows.append(ig)
    rows.append(run_nx(n, edges, "spring", 1 if big else (3 if quick else 10)))
    dense_gb = 8e-9 * n * n * 9  # networkx FA2 keeps ~9 dense (n, n) float64 arrays alive
    if dense_gb < 0.5 * available_gb():
        rows.append(run_nx(n, edges, "forceatlas2", 1 if big else (3 if quick else 10)))
    else:
        rows.append(Row("networkx forceatlas2", 0, float("nan"), None,
                        f"skipped: needs ~{dense_gb:.0f} GB"))
    return rows


def print_table(title: str, rows: list[Row]) -> None:
    ours = min(r.ms_per_iter for r in rows if r.method.startswith("ours"))
    print(f"\n{title}")
    header = f"{'method':<22}{'iters':>7}{'ms/iter':>11}{'peer/ours':>11}{'stress':>9}  note"
    print(header)
    print("-" * len(header))
    for r in rows:
        ratio = r.ms_per_iter / ours if r.iterations else float("nan")
        stress = f"{r.stress:.4f}" if r.stress is not None else "-"
        print(f"{r.method:<22}{r.iterations:>7}{r.ms_per_iter:>11.2f}{ratio:>11.2f}"
              f"{stress:>9}  {r.note}")
    from results import emit

    best = min((r for r in rows if r.method.startswith("ours")), key=lambda r: r.ms_per_iter)
    peers = [r for r in rows if not r.method.startswith("ours") and r.iterations]
    fr = next((r for r in peers if r.method.startswith("igraph")), None)
    emit(f"layout per iteration, {title.split('  (')[0]} (bench_layout)",
         f"{best.ms_per_iter:.2f} ms ({best.method}), stress {best.stress:.4f}",
         "; ".join(f"{r.method} {r.ms_per_iter:,.2f} ms"
                   + (f", stress {r.stress:.4f}" if r.stress is not None else "") for r in peers),
         f"{best.ms_per_iter / fr.ms_per_iter:.1f}× igraph FR" if fr else "",
         "time to a good layout counts (bench_layout_quality)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer iterations everywhere")
    args = parser.parse_args()

    print(f"numba installed: {backends.numba_installed()}; cpus: {os.cpu_count()}; "
          f"load average at start: {os.getloadavg()[0]:.2f} (other work on the machine "
          f"inflates timings)")
    if backends.numba_installed():
        print(f"numba JIT compile (fresh process, empty cache): {warm_up_seconds(True)} s; "
              f"load from cache: {warm_up_seconds(False)} s (both excluded from ms/iter)")
        backends.warm_up_blocking()
    print("'peer/ours' = peer ms/iter divided by our fastest backend's ms/iter; "
          "stress = normalised stress (lower is better), 200 sampled sources")
    for n, m in ((2000, 10000), (10000, 50000)):
        start = time.perf_counter()
        rows = bench_graph(n, m, args.quick)
        print_table(f"{n} nodes / {m} edges  ({time.perf_counter() - start:.0f} s)", rows)


if __name__ == "__main__":
    main()
