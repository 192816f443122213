"""Benchmark: import a 50,000-node, 100,000-edge GEXF (target ≤ 10 s).

Not collected by pytest (no ``test_`` prefix). Run:

    .venv/bin/python tests/benchmarks/bench_import.py [--nodes 50000] [--edges 100000]

Generates a GEXF 1.3 file with one attribute, viz position/colour/size per node and a
weight per edge in a temporary folder, times ``explorer.io.import_graph`` on it and, for
reference, ``networkx.read_gexf`` on the same file, and prints the figures and the ratio.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import networkx as nx  # noqa: E402

from explorer.io import import_graph  # noqa: E402

TARGET_SECONDS = 10.0


def generate(path: Path, n: int, m: int, seed: int = 1) -> None:
    """Write a random GEXF with ``n`` nodes and ``m`` distinct undirected edges."""
    rnd = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        w = fh.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" '
          'version="1.3">\n<graph defaultedgetype="undirected" mode="static">\n'
          '<attributes class="node" mode="static">'
          '<attribute id="0" title="score" type="double"/></attributes>\n<nodes>\n')
        for i in range(n):
            w(f'<node id="n{i}" label="Node {i}"><attvalues>'
              f'<attvalue for="0" value="{rnd.random():.4f}"/></attvalues>'
              f'<viz:position x="{rnd.uniform(-1e3, 1e3):.2f}" '
              f'y="{rnd.uniform(-1e3, 1e3):.2f}" z="0.0"/>'
              f'<viz:color r="{rnd.randrange(256)}" g="{rnd.randrange(256)}" '
              f'b="{rnd.randrange(256)}"/><viz:size value="5.0"/></node>\n')
        w("</nodes>\n<edges>\n")
        seen: set[tuple[int, int]] = set()
        while len(seen) < m:
            a, b = rnd.randrange(n), rnd.randrange(n)
            key = (min(a, b), max(a, b))
            if a == b or key in seen:
                continue
            seen.add(key)
            w(f'<edge id="{len(seen)}" source="n{a}" target="n{b}" '
              f'weight="{rnd.uniform(0.1, 5):.3f}"/>\n')
        w("</edges>\n</graph>\n</gexf>\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=50_000)
    parser.add_argument("--edges", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.gexf"
        t0 = time.perf_counter()
        generate(path, args.nodes, args.edges)
        gen = time.perf_counter() - t0
        size = path.stat().st_size
        print(f"generated {args.nodes:,} nodes / {args.edges:,} edges, "
              f"{size / 1e6:.1f} MB in {gen:.2f} s")

        ticks: list[int] = []
        t0 = time.perf_counter()
        result = import_graph(path, progress=lambda done, total: ticks.append(done))
        ours = time.perf_counter() - t0
        doc = result.document
        assert len(doc.actors) == args.nodes and len(doc.ties) == args.edges
        assert len(result.positions) == len(result.colors) == args.nodes
        print(f"explorer.io.import_graph: {ours:.2f} s "
              f"({len(doc.actors):,} actors, {len(doc.ties):,} ties, "
              f"{len(result.positions):,} positions, {len(ticks)} progress calls)")

        t0 = time.perf_counter()
        graph = nx.read_gexf(path)
        ref = time.perf_counter() - t0
        print(f"networkx.read_gexf:       {ref:.2f} s "
              f"({graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges)")
        print(f"ratio import_graph / read_gexf = {ours / ref:.2f}")
        verdict = "OK" if ours <= TARGET_SECONDS else "OVER TARGET"
        print(f"target ≤ {TARGET_SECONDS:.0f} s: {verdict}")
        from results import emit, times

        emit(f"read a {args.nodes:,}-node / {args.edges:,}-edge GEXF (bench_import, parse only)",
             f"{ours:.2f} s", f"networkx.read_gexf {ref:.2f} s", times(ours, ref),
             f"≤ {TARGET_SECONDS:.0f} s", ours <= TARGET_SECONDS)
    return 0 if ours <= TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
