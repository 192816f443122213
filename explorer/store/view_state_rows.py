"""The project's layout and view state: saved node positions (layout state, never an
undoable edit) and the view settings kept in the file."""

from __future__ import annotations

import json
import math
from typing import Any

#: Coordinates beyond this are damage, not layout (the import's rule too).
MAX_COORDINATE = 1e9


def sane_number(value: Any, bound: float) -> bool:
    """A finite number no larger than ``bound`` in size."""
    return isinstance(value, (int, float)) and math.isfinite(value) and abs(value) <= bound


class ProjectViewState:
    """Mixin of :class:`~explorer.store.project.Project`: positions and settings."""

    def positions(self) -> dict[str, tuple[float, float, bool]]:
        """Saved node positions: node key (``actor:TUR``, ``alliance:nato``) -> (x, y, pinned)."""
        # a position no layout could have made (inf, 1e300: a damaged or hostile file)
        # is left out, so the node is placed again instead of breaking drawing
        if self._positions is None or self._depth:
            self._positions = {
                node: (x, y, bool(pinned))
                for node, x, y, pinned in self._conn.execute(
                    "SELECT node, x, y, pinned FROM positions"
                )
                if sane_number(x, MAX_COORDINATE) and sane_number(y, MAX_COORDINATE)
            }
        return dict(self._positions)

    def set_positions(self, positions: dict[str, tuple[float, float, bool]]) -> None:
        """Save many node positions in one transaction (the layout's periodic save)."""
        with self.transaction():
            self._conn.executemany(
                "INSERT OR REPLACE INTO positions (node, x, y, pinned) VALUES (?, ?, ?, ?)",
                [(node, float(x), float(y), int(p)) for node, (x, y, p) in positions.items()],
            )
            self._changed("positions")

    def remove_positions(self, nodes: list[str]) -> None:
        with self.transaction():
            self._conn.executemany("DELETE FROM positions WHERE node = ?", [(n,) for n in nodes])
            self._changed("positions")

    def setting(self, key: str, default: Any = None) -> Any:
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            self._conn.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                (key, json.dumps(value, sort_keys=True)),
            )
            self._changed("settings", key)
