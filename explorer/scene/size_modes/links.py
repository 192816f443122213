"""Size by the number of alliances and ties an actor has in view."""

from __future__ import annotations

from explorer.scene.size_modes.base import SizeContext, SizeMode


def _values(ctx: SizeContext) -> dict[str, float]:
    return {a: float(ctx.degree[a]) for a in ctx.data.actors if ctx.degree[a] > 0}


MODE = SizeMode("links", "alliances and ties", _values, lambda v: f"{v:,.0f} alliances and ties")
