"""Colours an imported graph brought with it: the file's own node colours, or any of its
attributes ("Modularity Class", "City") as categories or, for many numbers, quantiles."""

from __future__ import annotations

from collections import Counter
from typing import Any

from explorer.model.node_key import actor_key
from explorer.scene import styles
from explorer.scene.color_modes.base import Category, ColorContext, ColorMode

#: Prefix of the keys of attribute modes: "attr:Modularity Class".
ATTRIBUTE_PREFIX = "attr:"
#: At most this many categories get their own colour; the rest share "Other values".
MAX_CATEGORIES = 12
QUANTILES = 5
NO_VALUE = ("No value", styles.NEUTRAL)


def _file_colors(ctx: ColorContext) -> dict[str, Category]:
    out: dict[str, Category] = {}
    styles_of = ctx.doc.extras.styles
    distinct = {s.color for s in styles_of.values() if s.color}
    for aid in ctx.data.actors:
        style = styles_of.get(actor_key(aid))
        if style is None or not style.color:
            out[aid] = ("No colour in the file", styles.NEUTRAL)
        elif len(distinct) <= MAX_CATEGORIES:
            out[aid] = (f"Colour {style.color}", style.color)
        else:
            out[aid] = ("Colour from the imported file", style.color)
    return out


FILE_MODE = ColorMode("file", "Colours from the &Imported File", _file_colors)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _fmt(x: float) -> str:
    return f"{x:,.4g}"


def attribute_mode(name: str) -> ColorMode:
    """The mode colouring actors by the imported attribute ``name``."""

    def categorise(ctx: ColorContext) -> dict[str, Category]:
        values = {aid: ctx.doc.extras.attributes.get(actor_key(aid), {}).get(name)
                  for aid in ctx.data.actors}
        present = {a: v for a, v in values.items() if v is not None and v != ""}
        numbers = {a: _number(v) for a, v in present.items()}
        distinct = Counter(str(v) for v in present.values())
        out: dict[str, Category] = dict.fromkeys(values, NO_VALUE)
        if len(distinct) > MAX_CATEGORIES and all(n is not None for n in numbers.values()):
            ordered = sorted(numbers.values())
            cuts = [ordered[min(len(ordered) - 1, len(ordered) * q // QUANTILES)]
                    for q in range(QUANTILES + 1)]
            for aid, x in numbers.items():
                band = next((i for i in range(QUANTILES) if x <= cuts[i + 1]), QUANTILES - 1)
                label = f"{name} {_fmt(cuts[band])} – {_fmt(cuts[band + 1])}"
                out[aid] = (label, styles.PALETTE[band % len(styles.PALETTE)])
            return out
        common = [v for v, _n in distinct.most_common(MAX_CATEGORIES - 1)] \
            if len(distinct) > MAX_CATEGORIES else sorted(distinct, key=_natural)
        color = {v: styles.PALETTE[i % len(styles.PALETTE)] for i, v in enumerate(common)}
        for aid, v in present.items():
            text = str(v)
            out[aid] = (f"{name}: {text}", color[text]) if text in color else (
                f"{name}: other values", styles.NEUTRAL)
        return out

    return ColorMode(ATTRIBUTE_PREFIX + name, name, categorise, keep_order=True)


def _natural(text: str) -> tuple:
    try:
        return (0, float(text), text)
    except ValueError:
        return (1, 0.0, text)
