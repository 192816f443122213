"""The colour modes of View ▸ Colour Nodes By, in menu order.

A new mode is one module defining ``MODE = ColorMode(...)`` and one line below.
"""

from explorer.scene.color_modes import alliance, bloc, detected, imported, kind, nuclear, region
from explorer.scene.color_modes.base import Category, ColorContext, ColorMode
from explorer.scene.color_modes.imported import ATTRIBUTE_PREFIX, attribute_mode


class _Registry(dict):
    """The fixed modes, plus one "attr:NAME" mode for any imported attribute on demand
    (iterating lists only the fixed ones: attribute modes depend on the project)."""

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key) or (
            isinstance(key, str) and key.startswith(ATTRIBUTE_PREFIX) and len(key) > 5)

    def __missing__(self, key: str) -> ColorMode:
        if isinstance(key, str) and key.startswith(ATTRIBUTE_PREFIX) and len(key) > 5:
            return attribute_mode(key[len(ATTRIBUTE_PREFIX):])
        raise KeyError(key)


REGISTRY: dict[str, ColorMode] = _Registry(
    (mode.key, mode)
    for mode in (
        bloc.MODE,
        region.MODE,
        alliance.MODE,
        detected.MODE,
        kind.MODE,
        nuclear.MODE,
        imported.FILE_MODE,
    )
)

__all__ = ["ATTRIBUTE_PREFIX", "REGISTRY", "Category", "ColorContext", "ColorMode"]
