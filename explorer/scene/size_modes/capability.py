"""Size by the capability index (actors without any index figure are smallest)."""

from __future__ import annotations

from explorer.scene.size_modes.base import SizeContext, SizeMode


def _values(ctx: SizeContext) -> dict[str, float]:
    no_data = set(ctx.capability.no_data)
    return {a: v for a, v in ctx.capability.index.items() if a not in no_data}


MODE = SizeMode("capability", "capability", _values, lambda v: f"index {v:.3g}")
