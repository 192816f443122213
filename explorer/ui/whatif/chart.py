"""The grouped bar chart of bloc capability shares: baseline beside scenario, per bloc."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QSizePolicy

BASELINE_COLOR = "#9aa5b1"
SCENARIO_COLOR = "#1f5fa8"
UP_COLOR = "#1b7f3b"
DOWN_COLOR = "#c0392b"
FLAT_COLOR = "#6b6b6b"
BAR_WIDTH = 0.36


@dataclass(frozen=True)
class BarGroup:
    """One category of the chart: a bloc (or the unaligned rest) and its two shares."""

    key: str
    label: str
    baseline: float | None
    scenario: float | None

    @property
    def delta(self) -> float | None:
        if self.baseline is None or self.scenario is None:
            return None
        return self.scenario - self.baseline


def delta_color(delta: float | None, eps: float = 1e-12) -> str:
    """The one colour rule of the panel: green up, red down, grey unchanged/unknown."""
    if delta is None or abs(delta) <= eps:
        return FLAT_COLOR
    return UP_COLOR if delta > 0 else DOWN_COLOR


def short_label(text: str, limit: int = 13) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap_label(text: str, width: int = 11) -> str:
    """At most two short lines for an axis tick (words kept whole where they fit)."""
    words = text.replace("-", "- ").split()
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            sep = "" if lines[-1].endswith("-") else " "
            lines[-1] += sep + word
        else:
            lines.append(word)
    if len(lines) > 2:
        lines = [lines[0], lines[1] + "…"]
    return "\n".join(short_label(line, width + 1) for line in lines)


class BlocShareChart(pg.PlotWidget):
    """Bloc shares (% of the capability in view) as grouped bars with a legend.

    Above each pair the change in percentage points, coloured by direction.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent, background="w")
        self.setFixedHeight(250)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        item = self.getPlotItem()
        item.setLabel("left", "Share of capability (%)")
        item.showGrid(y=True, alpha=0.25)
        tick_font = QFont()
        tick_font.setPointSize(8)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen("#444"))
            axis.setTextPen(pg.mkPen("#222"))
            axis.setStyle(tickFont=tick_font)
        item.getAxis("bottom").setHeight(34)
        self.legend = item.addLegend(
            offset=(4, 2), labelTextColor="#222", labelTextSize="8pt", colCount=2
        )
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 220))
        self.legend.setPen(pg.mkPen("#bbb"))
        self.groups: list[BarGroup] = []
        self._items: list = []
        self.set_groups([])

    def set_groups(self, groups: list[BarGroup], scenario_label: str = "Scenario",
                   empty_text: str = "No user blocs in view") -> None:
        item = self.getPlotItem()
        for old in self._items:
            item.removeItem(old)
        self._items = []
        self.legend.clear()
        self.groups = list(groups)
        self.legend.setVisible(bool(groups))
        if not groups:
            empty = pg.TextItem(empty_text, color="#666", anchor=(0.5, 0.5))
            empty.setPos(0, 50)
            item.addItem(empty)
            self._items.append(empty)
            item.getAxis("bottom").setTicks([[]])
            item.setXRange(-1, 1, padding=0)
            item.setYRange(0, 100, padding=0)
            return
        xs = list(range(len(groups)))
        base = [100 * (g.baseline or 0.0) for g in groups]
        alt = [100 * (g.scenario or 0.0) for g in groups]
        bars_base = pg.BarGraphItem(
            x=[x - BAR_WIDTH / 2 - 0.01 for x in xs], height=base, width=BAR_WIDTH,
            brush=pg.mkBrush(BASELINE_COLOR), pen=pg.mkPen("#6f7a86"),
        )
        bars_alt = pg.BarGraphItem(
            x=[x + BAR_WIDTH / 2 + 0.01 for x in xs], height=alt, width=BAR_WIDTH,
            brush=pg.mkBrush(SCENARIO_COLOR), pen=pg.mkPen("#123d6e"),
        )
        for bars, name in ((bars_base, "Baseline"), (bars_alt, scenario_label)):
            item.addItem(bars)
            self._items.append(bars)
            self.legend.addItem(bars, name)
        top = max([*base, *alt, 1.0])
        font = QFont()
        font.setPointSize(8)
        for x, g, b, a in zip(xs, groups, base, alt, strict=True):
            d = g.delta
            if d is None:
                text = "–"
            elif abs(d) < 5e-4:
                text = "= 0.0 pp"
            else:
                text = f"{'▲' if d > 0 else '▼'} {100 * d:+.1f} pp"
            label = pg.TextItem(text, color=QColor(delta_color(d)), anchor=(0.5, 1.0))
            label.setFont(font)
            label.setPos(x, max(a, b) + top * 0.02)
            item.addItem(label)
            self._items.append(label)
        item.getAxis("bottom").setTicks(
            [[(x, wrap_label(g.label)) for x, g in zip(xs, groups, strict=True)]]
        )
        item.setXRange(-0.6, len(groups) - 0.4, padding=0)
        # Head room above the bars for the delta labels and the one-row legend.
        item.setYRange(0, top * 1.45, padding=0)
        tip = "\n".join(
            f"{g.label}: {_pct(g.baseline)} → {_pct(g.scenario)}" for g in groups
        )
        self.setToolTip(
            "Share of the capability in view held by each user bloc, baseline (grey) and "
            "scenario (blue).\nAbove each pair: the change in percentage points — green ▲ "
            "rises, red ▼ falls.\n\n" + tip
        )

    def bar_heights(self) -> list[tuple[str, float, float]]:
        """(key, baseline %, scenario %) per group, as drawn (for tests)."""
        return [(g.key, 100 * (g.baseline or 0.0), 100 * (g.scenario or 0.0)) for g in self.groups]


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


__all__ = ["BarGroup", "BlocShareChart", "delta_color", "short_label", "wrap_label"]
