"""Colour by detected bloc: the Louvain communities the report lists, in its order."""

from __future__ import annotations

from explorer.analysis.blocs import compiled_louvain_available, detected_blocs
from explorer.analysis.graphs import positive_projection
from explorer.scene import styles
from explorer.scene.color_modes.base import Category, ColorContext, ColorMode

#: Above this many actors in view, "detected" colouring is not computed. With igraph's
#: compiled Louvain (explorer.analysis.blocs) 10,000 actors take about 0.4 s; networkx's
#: alone takes about 4 s there.
DETECT_MAX_ACTORS = 50_000 if compiled_louvain_available() else 10_000


def _categorise(ctx: ColorContext) -> dict[str, Category]:
    data = ctx.data
    if len(data.actors) > DETECT_MAX_ACTORS:
        # projection + Louvain take seconds there, and this runs on every rebuild
        cat = (f"Too many actors in view to detect blocs live (over "
               f"{DETECT_MAX_ACTORS:,}): filter the view", styles.NEUTRAL)
        return dict.fromkeys(data.actors, cat)
    found = detected_blocs(positive_projection(data), ctx.capability)
    other = (styles.OTHER_DETECTED_LABEL, styles.OTHER_ALLIANCE_COLOR)
    out: dict[str, Category] = dict.fromkeys(data.actors, (styles.ALONE_LABEL, styles.NEUTRAL))
    groups = [b for b in found.blocs if len(b.members) > 1]  # single actors stay neutral
    for i, bloc in enumerate(groups):
        cat = (f"{bloc.id} · {bloc.name}", styles.PALETTE[i]) if i < len(styles.PALETTE) \
            else other
        for member in bloc.members:
            out[member] = cat
    return out


MODE = ColorMode(
    "detected", "&Detected Bloc (Louvain)", _categorise, keep_order=True, costly=True
)
