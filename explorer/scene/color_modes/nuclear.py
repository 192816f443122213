"""Colour by nuclear status: states that report warheads (as of the view's year)."""

from __future__ import annotations

from explorer.scene import styles
from explorer.scene.color_modes.base import Category, ColorContext, ColorMode

ARMED = ("Nuclear-armed (SIPRI warhead estimate)", "#7b3294")
UNARMED = ("No nuclear warheads reported", styles.NEUTRAL)


def _categorise(ctx: ColorContext) -> dict[str, Category]:
    armed = set(ctx.capability.warheads)
    return {aid: ARMED if aid in armed else UNARMED for aid in ctx.data.actors}


MODE = ColorMode("nuclear", "&Nuclear Status", _categorise)
