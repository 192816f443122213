"""Colour by user bloc: the bloc's own colour; actors in no bloc are neutral."""

from __future__ import annotations

from explorer.scene import styles
from explorer.scene.color_modes.base import Category, ColorContext, ColorMode


def _categorise(ctx: ColorContext) -> dict[str, Category]:
    bloc_of: dict[str, str] = {}
    for bloc in ctx.data.blocs.values():
        for member in bloc.members:
            bloc_of.setdefault(member, bloc.id)
    out: dict[str, Category] = {}
    for aid in ctx.data.actors:
        bid = bloc_of.get(aid)
        blocs = ctx.data.blocs
        out[aid] = (blocs[bid].name, blocs[bid].color) if bid else ("No bloc", styles.NEUTRAL)
    return out


MODE = ColorMode("bloc", "&Bloc", _categorise)
