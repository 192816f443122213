"""The colour modes of View ▸ Colour Nodes By, in menu order.

A new mode is one module defining ``MODE = ColorMode(...)`` and one line below.
"""

from explorer.scene.color_modes import alliance, bloc, detected, kind, nuclear, region
from explorer.scene.color_modes.base import Category, ColorContext, ColorMode

REGISTRY: dict[str, ColorMode] = {
    mode.key: mode
    for mode in (
        bloc.MODE,
        region.MODE,
        alliance.MODE,
        detected.MODE,
        kind.MODE,
        nuclear.MODE,
    )
}

__all__ = ["REGISTRY", "Category", "ColorContext", "ColorMode"]
