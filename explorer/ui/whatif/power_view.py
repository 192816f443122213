"""The part of the comparison that says what the scenario does to pooled power: the
sentences on top, the alliances' aggregate shares and the actors' allied capability,
each baseline | scenario | change, with the glossary's words on hover."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from explorer.analysis.glossary import MEASURE_BY_KEY
from explorer.analysis.narrative import comparison_summary
from explorer.analysis.whatif import Comparison, changes_outside
from explorer.model.vocab import METRIC_LABELS
from explorer.ui.whatif.table_parts import (
    DELTA_TIP,
    delta_item,
    fit_table,
    format_delta,
    format_value,
    make_item,
    make_table,
)

#: Rows shown in each table: the largest changes (the rest are unchanged or tiny).
TOP_ROWS = 8


def _moved(row: dict) -> bool:
    """Whether a baseline | scenario row changed by more than rounding (or appeared/went)."""
    d = row.get("delta")
    if d is None:
        return row.get("baseline") is not None or row.get("scenario") is not None
    return abs(d) >= 5e-5


def glossary_tip(key: str) -> str:
    """The glossary's text for a measure, with which way is better, for a tooltip."""
    m = MEASURE_BY_KEY.get(key)
    if m is None:
        return ""
    better = {"higher": "Higher is better.", "lower": "Lower is better."}.get(m.better, "")
    return f"{m.label}: {m.text} {better}".strip()


class PowerView:
    """Sentences, alliance aggregates and allied capability of one comparison.

    Not a widget of its own: the comparison tab places the sentences on top and the
    tables under its figures.
    """

    def __init__(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("whatif_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setStyleSheet(
            "QLabel#whatif_summary { background: #f4f6fa; border: 1px solid #d5dbe5;"
            " border-radius: 3px; padding: 6px; }"
        )
        self.alliances_title = QLabel("<b>Alliances</b> (share of world capability in view)")
        self.alliances_title.setToolTip(glossary_tip("alliance_share"))
        self.alliances_table = make_table(["Alliance", "Baseline", "Scenario", "Change"])
        self.allied_title = QLabel("<b>Allied capability</b> (own + allies, by obligation)")
        self.allied_title.setToolTip(glossary_tip("allied_capability"))
        self.allied_table = make_table(["Actor", "Baseline", "Scenario", "Change"])
        self.unchanged = QLabel()
        self.unchanged.setWordWrap(True)
        self.sentences: list[str] = []

    def table_widgets(self) -> list[QWidget]:
        """The widgets that go under the comparison's figures, in order."""
        return [self.alliances_title, self.alliances_table, self.allied_title,
                self.allied_table, self.unchanged]

    def clear(self) -> None:
        self.sentences = []
        self.summary.setText("")
        self.summary.setVisible(False)
        for table in (self.alliances_table, self.allied_table):
            table.setRowCount(0)
            fit_table(table)
        self.unchanged.setText("")

    def show_comparison(self, c: Comparison) -> None:
        """Fill the sentences and both tables from ``c``."""
        self.sentences = comparison_summary(c, changes_outside(c.baseline.data, c.changes))
        self.summary.setText(
            "<br>".join(f"• {escape(s)}" for s in self.sentences) or "No change to report."
        )
        self.summary.setVisible(True)
        names = {**{k: a.name for k, a in c.scenario.data.actors.items()},
                 **{k: a.name for k, a in c.baseline.data.actors.items()}}
        self._fill(self.alliances_table, c.alliances, self._alliance_tip,
                   lambda k, row: row.get("name", k))
        self._fill(self.allied_table, c.allied, lambda k, row: self._allied_tip(row),
                   lambda k, row: names.get(k, k))
        moved_alliances = sum(1 for r in c.alliances.values() if _moved(r))
        moved_allied = sum(1 for r in c.allied.values() if _moved(r))
        if not moved_alliances and not moved_allied:
            text = ("No alliance's aggregate and no actor's allied capability changes: the "
                    "sentences above say why.")
        else:
            more_al = max(moved_alliances - TOP_ROWS, 0)
            more_ac = max(moved_allied - TOP_ROWS, 0)
            text = (f"Unchanged: {len(c.alliances) - moved_alliances} alliances, "
                    f"{len(c.allied) - moved_allied} actors' allied capability."
                    + (f" Not listed: {more_al} more alliances and {more_ac} more actors "
                       "that moved (see report)." if more_al or more_ac else ""))
        self.unchanged.setText(f"<span style='color:#5d6d7e'>{escape(text)}</span>")

    def _fill(self, table, rows: dict[str, dict], tip, name_of) -> None:
        # only what moved: a column of "= 0" under a change would read as an effect
        shown = [(k, r) for k, r in rows.items() if _moved(r)][:TOP_ROWS]
        table.setRowCount(len(shown))
        for r, (key, row) in enumerate(shown):
            name = make_item(name_of(key, row), key)
            name.setToolTip(tip(key, row))
            table.setItem(r, 0, name)
            table.setItem(r, 1, make_item(format_value(row["baseline"], "pct"), row["baseline"],
                                          True))
            table.setItem(r, 2, make_item(format_value(row["scenario"], "pct"), row["scenario"],
                                          True))
            table.setItem(r, 3, delta_item(row["delta"], format_delta(row["delta"], "pct")))
        table.setToolTip(DELTA_TIP)
        table.setVisible(bool(shown))
        title = self.alliances_title if table is self.alliances_table else self.allied_title
        title.setVisible(bool(shown))
        fit_table(table)

    @staticmethod
    def _alliance_tip(key: str, row: dict) -> str:
        lines = [f"{row.get('name', key)} ({key})"]
        mb, ms = row.get("members_baseline"), row.get("members_scenario")
        lines.append(f"Members in view: {mb if mb is not None else '–'} → "
                     f"{ms if ms is not None else '–'}")
        if row.get("lost"):
            lines.append("Loses: " + ", ".join(row["lost"]))
        for metric, fig in (row.get("figures") or {}).items():
            if fig["delta"]:
                label = METRIC_LABELS.get(metric, metric)
                lines.append(f"{label}: {format_value(fig['baseline'], 'float')} → "
                             f"{format_value(fig['scenario'], 'float')}")
        return "\n".join(lines)

    @staticmethod
    def _allied_tip(row: dict) -> str:
        own_b, own_s = row.get("own_baseline"), row.get("own_scenario")
        al_b, al_s = row.get("allies_baseline"), row.get("allies_scenario")
        return (f"Own share {format_value(own_b, 'pct')} → {format_value(own_s, 'pct')}; "
                f"allies {al_b if al_b is not None else '–'} → "
                f"{al_s if al_s is not None else '–'}")

    def rows(self, which: str) -> list[tuple]:
        """(key, baseline, scenario, change) as shown in "alliances" or "allied" (tests)."""
        table = self.alliances_table if which == "alliances" else self.allied_table
        role = Qt.ItemDataRole.UserRole
        return [tuple(table.item(r, c).data(role) for c in range(4))
                for r in range(table.rowCount())]
