"""Size by the node sizes of the imported file (Gephi's viz:size, yEd's geometry)."""

from __future__ import annotations

from explorer.model.node_key import actor_key
from explorer.scene.size_modes.base import SizeContext, SizeMode, fmt_number


def _values(ctx: SizeContext) -> dict[str, float]:
    if ctx.extras is None:
        return {}
    out = {}
    for aid in ctx.data.actors:
        style = ctx.extras.styles.get(actor_key(aid))
        if style is not None and style.size is not None and style.size > 0:
            out[aid] = float(style.size)
    return out


MODE = SizeMode("file", "size in the imported file", _values,
                lambda v: f"size {fmt_number(v)} in the file")
