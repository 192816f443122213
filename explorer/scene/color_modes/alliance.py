"""Colour by principal alliance: each actor's strongest-obligation alliance in view."""

from __future__ import annotations

from collections import Counter

from explorer.analysis.view import FilteredData
from explorer.model.vocab import FULL_ROLES
from explorer.scene import styles
from explorer.scene.color_modes.base import Category, ColorContext, ColorMode
from explorer.scene.naming import obligation_weight, short_label


def principal_alliances(data: FilteredData, members: Counter[str]) -> dict[str, str]:
    """Each actor's principal alliance in view: among its full memberships, the one with
    the strongest obligation, then the most members, then the id (so it is stable)."""
    best: dict[str, tuple[float, int, str]] = {}
    for m in data.memberships:
        if m.role not in FULL_ROLES:
            continue
        alliance = data.alliances[m.alliance]
        rank = (-obligation_weight(alliance.obligation), -members[m.alliance], m.alliance)
        if m.actor not in best or rank < best[m.actor]:
            best[m.actor] = rank
    return {aid: rank[2] for aid, rank in best.items()}


def _categorise(ctx: ColorContext) -> dict[str, Category]:
    """The most common principal alliances get the palette's colours; the rest share one
    "another alliance" colour; actors without a full membership are neutral."""
    data = ctx.data
    principal = principal_alliances(data, ctx.members)
    by_size = Counter(principal.values())
    ranked = sorted(by_size, key=lambda lid: (-by_size[lid], lid))
    palette = {
        lid: (short_label(lid, data.alliances[lid].name), styles.PALETTE[i])
        for i, lid in enumerate(ranked[: len(styles.PALETTE)])
    }
    other = (styles.OTHER_ALLIANCE_LABEL, styles.OTHER_ALLIANCE_COLOR)
    none = (styles.NO_ALLIANCE_LABEL, styles.NEUTRAL)
    return {
        aid: palette.get(principal[aid], other) if aid in principal else none
        for aid in data.actors
    }


MODE = ColorMode("alliance", "&Principal Alliance", _categorise)
