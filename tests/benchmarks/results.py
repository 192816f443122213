"""The figures a benchmark run gives the README: one tab-separated ``RESULT`` line each,
beside the human-readable output, so ``scripts/bench_table.py`` can rebuild the README's
table from the log of one ``bash scripts/bench`` run (nothing typed in by hand)."""

from __future__ import annotations

MARK = "RESULT"


def emit(what: str, ours: str, peer: str = "—", ratio: str = "", target: str = "",
         met: bool | None = None) -> None:
    """Print one figure: what was measured, our figure, the named peer's, their ratio,
    the issue's target and whether it is met (None: no target)."""
    verdict = "" if met is None else ("met" if met else "**over**")
    cells = [what, ours, peer, ratio, target, verdict]
    print("\t".join([MARK, *(c.replace("\t", " ") for c in cells)]), flush=True)


def times(ours: float, peer: float) -> str:
    """``ours / peer`` as "0.42×"."""
    return f"{ours / peer:.2f}×" if peer > 0 else ""
