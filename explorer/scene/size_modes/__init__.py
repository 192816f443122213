"""The size modes of View ▸ Size Actors By, in menu order.

A new mode is one module defining ``MODE = SizeMode(...)`` and one line below; every
metric of the vocabulary gets a figure mode by itself.
"""

from explorer.scene.size_modes import capability, figures, imported, links
from explorer.scene.size_modes.base import SizeContext, SizeMode

REGISTRY: dict[str, SizeMode] = {
    mode.key: mode
    for mode in (
        capability.MODE,
        *figures.MODES,
        links.MODE,
        imported.MODE,
    )
}

__all__ = ["REGISTRY", "SizeContext", "SizeMode"]
