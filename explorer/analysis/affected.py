"""Which actors a what-if affects most, from the comparison's own results, so the canvas
and exported pictures mark the same actors the numbers single out."""

from __future__ import annotations

from explorer.analysis.whatif import Comparison

#: An allied-capability change below this (0.1 percentage point) is not an effect.
ALLIED_THRESHOLD = 1e-3
#: A broker who moves this many places or more is affected.
RANK_THRESHOLD = 3


def most_affected(c: Comparison, limit: int = 8) -> list[str]:
    """Actor ids, most affected first: the scenario's own subjects (actors it removes or
    moves), then the largest allied-capability changes, broker-rank jumps and actors the
    scenario isolates. Removed actors are left out (the canvas ghosts them)."""
    removed = set(c.removed_actors)
    scores: dict[str, float] = {}
    for ch in c.changes:
        if ch.actor and ch.actor not in removed:
            scores[ch.actor] = scores.get(ch.actor, 0.0) + 10.0
    for actor, row in c.allied.items():
        d = row.get("delta")
        if d is not None and abs(d) >= ALLIED_THRESHOLD and actor not in removed:
            scores[actor] = scores.get(actor, 0.0) + 100.0 * abs(d)
    for row in c.brokers:
        change = row.get("rank_change")
        if change is not None and abs(change) >= RANK_THRESHOLD and row["actor"] not in removed:
            scores[row["actor"]] = scores.get(row["actor"], 0.0) + 0.2 * abs(change)
    for actor in c.newly_isolated:
        scores[actor] = scores.get(actor, 0.0) + 1.0
    ranked = sorted(scores, key=lambda a: (-scores[a], a))
    return ranked[:limit]
