"""Colour by actor kind: state, non-state armed actor, other body."""

from __future__ import annotations

from explorer.model.vocab import label
from explorer.scene import styles
from explorer.scene.color_modes.base import Category, ColorContext, ColorMode


def _categorise(ctx: ColorContext) -> dict[str, Category]:
    return {
        aid: (label(actor.kind), styles.KIND_COLORS.get(actor.kind, styles.NEUTRAL))
        for aid, actor in ctx.data.actors.items()
    }


MODE = ColorMode("kind", "&Kind", _categorise)
