"""Colour by user bloc: the bloc's own colour; actors in no bloc are neutral."""

from __future__ import annotations

from explorer.scene import styles
from explorer.scene.color_modes.base import Category, ColorContext, ColorMode


def _categorise(ctx: ColorContext) -> dict[str, Category]:
    out: dict[str, Category] = dict.fromkeys(ctx.data.actors, ("No bloc", styles.NEUTRAL))
    # an actor in two blocs takes the first one's colour: later blocs are written first
    for bloc in reversed(list(ctx.data.blocs.values())):
        category = (bloc.name, bloc.color)
        for member in bloc.members:
            if member in out:
                out[member] = category
    return out


MODE = ColorMode("bloc", "&Bloc", _categorise)
