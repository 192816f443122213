"""How a project is being looked at — filter, scenario, display mode, colour and size
modes, zoom — saved in the project's settings under one set of keys, read back by the
window and by headless export alike. None of it is an edit of the document."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from explorer.analysis.capability import check_weights
from explorer.analysis.view import ViewFilter
from explorer.scene import styles

#: Where each part is kept in the project's settings table.
KEYS = {
    "filter": "view.filter",
    "scenario": "view.scenario",
    "mode": "view.mode",
    "color_by": "view.color_by",
    "size_by": "view.size_by",
    "range": "view.range",
    "weights": "analysis.weights",
    "layout": "view.layout",
    "map_fill": "view.map_fill",
}
MODES = ("baseline", "scenario", "both", "split")
DEFAULT_MODE = "both"
DEFAULT_COLOR_BY = "bloc"
DEFAULT_SIZE_BY = "capability"
LAYOUTS = ("force", "map")
MAP_FILLS = ("node", "figure", "none")


class SettingsStore(Protocol):
    """What ViewState needs of a project: its settings table."""

    def setting(self, key: str, default: Any = None) -> Any: ...

    def set_setting(self, key: str, value: Any) -> None: ...


def view_filter_from_dict(data: object) -> ViewFilter:
    """Rebuild a saved ViewFilter; unknown or broken entries fall back to the defaults."""
    if not isinstance(data, dict):
        return ViewFilter()
    alliances = data.get("alliances")
    try:
        return ViewFilter(
            as_of=data.get("as_of") or None,
            regions=frozenset(data.get("regions") or ()),
            keep_partners=bool(data.get("keep_partners", False)),
            alliance_kinds=frozenset(data.get("alliance_kinds") or ()),
            alliances=None if alliances is None else frozenset(alliances),
            actor_kinds=frozenset(data.get("actor_kinds") or ()),
            min_capability=float(data.get("min_capability") or 0.0),
        )
    except (TypeError, ValueError):
        return ViewFilter()


def _checked_weights(data: object) -> dict | None:
    """Saved weights if they are still valid (known metrics, ≥ 0, one above 0), else None."""
    if not isinstance(data, dict) or not data:
        return None
    try:
        checked = check_weights(data)
    except (TypeError, ValueError):
        return None
    return checked if any(checked.values()) else None


@dataclass(frozen=True)
class ViewState:
    """Everything about a view of a project that is not the document itself."""

    filter: ViewFilter = field(default_factory=ViewFilter)
    scenario: str | None = None
    mode: str = DEFAULT_MODE
    color_by: str = DEFAULT_COLOR_BY
    size_by: str = DEFAULT_SIZE_BY
    range: list | None = None
    #: capability-index weights chosen in the window (None: the defaults)
    weights: dict | None = None
    #: "force" (force-directed) or "map" (places on a world map)
    layout: str = "force"
    #: the map's country fills: "node" (each state in its node's colour) or "none"
    map_fill: str = "node"

    def to_dict(self) -> dict:
        """A JSON-ready description, keyed like the fields."""
        return {
            "filter": self.filter.to_dict(),
            "scenario": self.scenario,
            "mode": self.mode,
            "color_by": self.color_by,
            "size_by": self.size_by,
            "range": self.range,
            "weights": self.weights,
            "layout": self.layout,
            "map_fill": self.map_fill,
        }

    @classmethod
    def from_dict(cls, data: dict) -> ViewState:
        """Rebuild from :meth:`to_dict`; unknown or broken values fall back to defaults."""
        data = data if isinstance(data, dict) else {}
        mode = data.get("mode")
        color_by = data.get("color_by")
        size_by = data.get("size_by")
        scenario = data.get("scenario")
        rng = data.get("range")
        return cls(
            filter=view_filter_from_dict(data.get("filter") or {}),
            scenario=scenario if isinstance(scenario, str) and scenario else None,
            mode=mode if mode in MODES else DEFAULT_MODE,
            color_by=color_by if _known_color(color_by) else DEFAULT_COLOR_BY,
            size_by=size_by if size_by in styles.SIZE_MODES else DEFAULT_SIZE_BY,
            range=rng if isinstance(rng, list) else None,
            weights=_checked_weights(data.get("weights")),
            layout=data.get("layout") if data.get("layout") in LAYOUTS else "force",
            map_fill=data.get("map_fill") if data.get("map_fill") in MAP_FILLS else "node",
        )

    @classmethod
    def load(cls, project: SettingsStore) -> ViewState:
        """The view state saved in ``project``."""
        return cls.from_dict({name: project.setting(key) for name, key in KEYS.items()})

    def save(self, project: SettingsStore, *names: str) -> None:
        """Write the named parts (all when none are named) that differ from the saved ones."""
        data = self.to_dict()
        for name in names or tuple(KEYS):
            if project.setting(KEYS[name]) != data[name]:
                project.set_setting(KEYS[name], data[name])

    def with_(self, **changes: Any) -> ViewState:
        """A copy with some parts changed."""
        return replace(self, **changes)


def _known_color(key: object) -> bool:
    from explorer.scene.color_modes import REGISTRY

    return isinstance(key, str) and key in REGISTRY
