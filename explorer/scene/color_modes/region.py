"""Colour by top-level region (an actor in several takes its first)."""

from __future__ import annotations

from explorer.scene import styles
from explorer.scene.color_modes.base import Category, ColorContext, ColorMode
from explorer.scene.naming import actor_roots, region_name, region_roots, root_regions


def _categorise(ctx: ColorContext) -> dict[str, Category]:
    roots_of = region_roots(ctx.doc)
    roots = root_regions(ctx.doc, roots_of)
    color = {r: styles.PALETTE[i % len(styles.PALETTE)] for i, r in enumerate(roots)}
    out: dict[str, Category] = {}
    for aid, actor in ctx.data.actors.items():
        mine = actor_roots(ctx.doc, actor.regions, roots_of)
        out[aid] = (
            (region_name(ctx.doc, mine[0]), color[mine[0]]) if mine
            else ("No region", styles.NEUTRAL)
        )
    return out


MODE = ColorMode("region", "&Region", _categorise)
