"""The comparison tab of the What-if dock.

:class:`ComparisonView` shows a baseline-vs-scenario :class:`ComparisonResult` (bloc-share
chart, figures, top brokers, newly isolated actors). It computes nothing:
:class:`~explorer.ui.whatif.panel.WhatIfPanel` runs the job and hands it the result. The
removal-impact tab is :class:`~explorer.ui.whatif.impact_view.ImpactView`.
"""

from __future__ import annotations

import dataclasses
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.analysis.capability import capability_coverage, coverage_text
from explorer.analysis.view import ViewFilter
from explorer.analysis.whatif import (
    Comparison,
    changes_outside,
)
from explorer.model.entities import Document, Scenario
from explorer.ui.session import ProjectSession
from explorer.ui.whatif.chart import BarGroup, BlocShareChart
from explorer.ui.whatif.dialogs import fill_combo
from explorer.ui.whatif.power_view import PowerView, glossary_tip
from explorer.ui.whatif.scenarios import describe_change
from explorer.ui.whatif.table_parts import (  # noqa: F401 - re-exported
    DELTA_TIP,
    busy_bar,
    delta_item,
    fit_table,
    format_delta,
    format_value,
    make_item,
    make_table,
)

#: The bloc views the chart can show, and where the choice is kept in the project.
BLOC_VIEW_LABELS = {
    "alliance": "Alliance-derived (defence pacts)",
    "user": "User blocs",
    "detected": "Detected (Louvain)",
}
BLOC_VIEW_SETTING = "whatif.bloc_view"

#: (figure key, label, format) of the comparison table; "ratio" is the chosen bloc pair.
FIGURE_ROWS = (
    ("ratio", "Balance ratio", "ratio"),
    ("con_actors", "CON over actors", "float"),
    ("con_user_blocs", "CON over blocs", "float"),
    ("con_detected_blocs", "CON over detected blocs", "float"),
    ("con_alliance_blocs", "CON over alliance blocs", "float"),
    ("modularity", "Modularity (Louvain)", "float"),
    ("components", "Components", "int"),
    ("largest_component_share", "Largest component share", "pct"),
    ("isolated", "Isolated actors", "int"),
    ("articulation_points", "Articulation points", "int"),
    ("efficiency", "Global efficiency", "float"),
    ("balanced_share", "Balanced triangles (share)", "pct"),
)



@dataclasses.dataclass(frozen=True)
class ComparisonResult:
    """What the worker hands back: the inputs it used and the comparison."""

    scenario: Scenario
    view: ViewFilter
    comparison: Comparison


# ----- the comparison tab -----------------------------------------------------------------


class ComparisonView(QWidget):
    """The "Comparison" tab: bloc-share chart, figures, top brokers, isolated actors."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._result: ComparisonResult | None = None
        self._pair_chosen = False  # the user picked the two blocs of the balance ratio
        v = QVBoxLayout(self)
        v.setContentsMargins(2, 4, 2, 4)
        self.busy = busy_bar()
        v.addWidget(self.busy)
        self.status = QLabel()
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        self.scope_label = QLabel()
        self.scope_label.setObjectName("scenario_scope")
        self.scope_label.setWordWrap(True)
        v.addWidget(self.scope_label)
        self.power = PowerView()
        v.addWidget(self.power.summary)
        blocs_row = QHBoxLayout()
        blocs_row.addWidget(QLabel("Blocs:"))
        self.bloc_view = QComboBox()
        for key, text in BLOC_VIEW_LABELS.items():
            self.bloc_view.addItem(text, key)
        self.bloc_view.setToolTip(
            "Which blocs the chart shows. Alliance-derived blocs follow the defence pacts in "
            "view, so a change of membership moves them; user blocs are your own lists; "
            "detected blocs are Louvain communities of the alliance web."
        )
        saved = self.session.project.setting(BLOC_VIEW_SETTING)
        self.bloc_view.setCurrentIndex(max(self.bloc_view.findData(saved), 0))
        self.bloc_view.currentIndexChanged.connect(self._on_bloc_view)
        blocs_row.addWidget(self.bloc_view, 1)
        v.addLayout(blocs_row)
        self.chart = BlocShareChart()
        v.addWidget(self.chart)
        self.coverage_label = QLabel()
        self.coverage_label.setObjectName("capability_coverage")
        self.coverage_label.setWordWrap(True)
        v.addWidget(self.coverage_label)

        ratio_row = QHBoxLayout()
        ratio_row.addWidget(QLabel("Balance ratio of"))
        self.bloc_a = QComboBox()
        self.bloc_b = QComboBox()
        for combo in (self.bloc_a, self.bloc_b):
            combo.setToolTip("The two blocs whose capability ratio the table shows")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self._show_result)
            combo.activated.connect(self._on_pair_chosen)
        ratio_row.addWidget(self.bloc_a, 1)
        ratio_row.addWidget(QLabel(":"))
        ratio_row.addWidget(self.bloc_b, 1)
        v.addLayout(ratio_row)

        self.figures_table = make_table(["Figure", "Baseline", "Scenario", "Change"])
        self.figures_table.setToolTip(DELTA_TIP)
        v.addWidget(self.figures_table)

        v.addWidget(QLabel("<b>Top brokers</b> (betweenness rank)"))
        self.brokers_table = make_table(["Actor", "Baseline", "Scenario", "Change"])
        self.brokers_table.setToolTip(DELTA_TIP)
        v.addWidget(self.brokers_table)
        for widget in self.power.table_widgets():
            v.addWidget(widget)

        self.isolated_label = QLabel()
        self.isolated_label.setWordWrap(True)
        self.isolated_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.isolated_label)
        self.save_csv = QPushButton("Save tables as CSV…")
        self.save_csv.setToolTip("Write the comparison's tables (figures, brokers, alliances, "
                                 "allied capability) to one CSV file for a spreadsheet")
        self.save_csv.setEnabled(False)
        self.save_csv.clicked.connect(self._save_csv)
        v.addWidget(self.save_csv)
        v.addStretch(1)

    @property
    def doc(self) -> Document:
        return self.session.project.document()

    def csv_sections(self) -> list[tuple[str, QTableWidget]]:
        """The tables the CSV file holds, with their titles."""
        return [("Figures", self.figures_table), ("Top brokers (betweenness rank)",
                                                  self.brokers_table),
                ("Alliances: share of world capability in view", self.power.alliances_table),
                ("Allied capability", self.power.allied_table)]

    def _save_csv(self) -> None:
        from pathlib import Path

        from explorer.ui.whatif.table_csv import save_tables_dialog

        name = self._result.scenario.name if self._result else "comparison"
        window = self.window()
        settings = getattr(window, "settings", None)
        start = Path(str(settings.value("last_dir", str(Path.home())))) if settings else Path.home()
        out = save_tables_dialog(self, f"What if: {name} (vs baseline)", f"{name} - tables",
                                 self.csv_sections(), start)
        if out is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(f"Saved {out}", 5000)

    @property
    def result(self) -> ComparisonResult | None:
        return self._result

    def set_result(self, result: ComparisonResult | None) -> None:
        self._result = result
        self.save_csv.setEnabled(result is not None)
        self.busy.setVisible(False)
        self._show_result()

    def show_failure(self, first_line: str) -> None:
        self.busy.setVisible(False)
        self.status.setText(f"<span style='color:#c0392b'>Could not compare: {first_line}</span>")

    def refresh_blocs(self, blocs) -> None:
        """Refill the two balance-ratio pickers, keeping their choice when it still exists."""
        for combo, fallback in ((self.bloc_a, 0), (self.bloc_b, 1)):
            keep = combo.currentData()
            fill_combo(combo, blocs, keep)
            if keep is None and len(blocs) > fallback:
                combo.setCurrentIndex(fallback)

    def _show_result(self) -> None:
        result = self._result
        self.figures_table.setRowCount(0)
        self.brokers_table.setRowCount(0)
        if result is None:
            self.status.setText(
                "Select or create a scenario to compare it with the baseline. Figures follow "
                "the filtered view (regions, date, kinds)."
            )
            self.chart.set_groups([], empty_text="No scenario selected")
            self.isolated_label.setText("")
            self.coverage_label.setText("")
            self.scope_label.setText("")
            self.power.clear()
            fit_table(self.figures_table)
            fit_table(self.brokers_table)
            return
        c = result.comparison
        view = result.view
        regions = self.doc.regions
        where = (
            ", ".join(sorted((regions[r].name if r in regions else r for r in view.regions),
                             key=str.casefold))
            if view.regions else "all regions"
        )
        from explorer.scene.caption import latest_text

        latest = latest_text(self.doc)
        when = f"as of {view.as_of}" if view.as_of else f"at the {latest[:1].lower()}{latest[1:]}"
        self.status.setText(
            f"<b>{result.scenario.name}</b> vs. {c.reference_name or 'baseline'} — {when}, {where}; "
            f"{len(c.baseline.data.actors)} → {len(c.scenario.data.actors)} actors in view."
        )
        self._show_scope(result)
        self._show_chart(result)
        self._show_coverage(c)
        self._default_pair(c)
        for combo in (self.bloc_a, self.bloc_b):
            # the dock is narrow and bloc names are long: the full name on hover
            combo.setToolTip(combo.currentText())
        self._show_figures(c)
        self._show_brokers(c)
        self._show_isolated(c)
        self.power.show_comparison(c)

    def _on_bloc_view(self) -> None:
        view = self.bloc_view.currentData()
        if view and self.session.project.setting(BLOC_VIEW_SETTING) != view:
            self.session.project.set_setting(BLOC_VIEW_SETTING, view)
        if self._result is not None:
            self._show_chart(self._result)

    def _show_chart(self, result: ComparisonResult) -> None:
        c = result.comparison
        view = self.bloc_view.currentData() or c.headline
        rows = c.bloc_views.get(view) if c.bloc_views else None
        if rows is None:  # an older comparison: the user blocs only
            rows = {k: {"name": k, **r} for k, r in c.bloc_shares.items()}
            names = {b.id: b.name for b in
                     (*c.baseline.user_blocs.blocs, *c.scenario.user_blocs.blocs)}
            rows = {k: {**r, "name": names.get(k, k)} for k, r in rows.items()}
            view = "user"
        groups = [BarGroup(key, row["name"], row["baseline"], row["scenario"])
                  for key, row in rows.items()]
        sets = {"user": (c.baseline.user_blocs, c.scenario.user_blocs),
                "detected": (c.baseline.detected_blocs, c.scenario.detected_blocs),
                "alliance": (getattr(c.baseline, "alliance_blocs", None),
                             getattr(c.scenario, "alliance_blocs", None))}[view]
        if groups and all(s is not None for s in sets):
            groups.append(BarGroup("unaligned", "Unaligned",
                                   sets[0].unaligned_share, sets[1].unaligned_share))
        label = result.scenario.name
        empty = "No blocs in this view" if not groups else ""
        self.chart.set_groups(groups, label if len(label) <= 28 else label[:27] + "…",
                              **({"empty_text": empty} if empty else {}))

    def _show_scope(self, result: ComparisonResult) -> None:
        # A scenario about actors filtered out of the view changes nothing in it; without
        # this line "= 0" everywhere reads as "no effect" rather than "not in view".
        changes = result.scenario.changes
        outside = changes_outside(result.comparison.baseline.data, changes)
        if not outside:
            self.scope_label.setText("")
            return
        named = "; ".join(describe_change(self.doc, ch) for ch in outside)
        if len(outside) == len(changes):
            text = (f"Nothing this scenario changes is in the current view ({named}): "
                    "widen the regions, date or kinds to see its effect.")
        else:
            text = f"Outside the current view, so without effect here: {named}."
        self.scope_label.setText(f"<span style='color:#b9770e'>{text}</span>")

    def _show_coverage(self, c: Comparison) -> None:
        # Shares computed from a few actors' figures look precise; say how few and which.
        with_data, total, _named = capability_coverage(c.baseline.capability, self.doc)
        if total == 0:
            self.coverage_label.setText("")
            return
        colour = "#b9770e" if with_data * 2 < total else "#5d6d7e"
        text = coverage_text(c.baseline.capability, self.doc)
        self.coverage_label.setText(f"<span style='color:{colour}'>{escape(text)}</span>")

    def _on_pair_chosen(self) -> None:
        self._pair_chosen = True

    def _default_pair(self, c: Comparison) -> None:
        """Until the user picks, compare the two strongest blocs of the baseline."""
        if self._pair_chosen:
            return
        strongest = sorted(c.baseline.user_blocs.blocs, key=lambda b: (-b.share, b.id))[:2]
        for combo, bloc in zip((self.bloc_a, self.bloc_b), strongest, strict=False):
            index = combo.findData(bloc.id)
            if index >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)

    def ratio_figure(self, c: Comparison) -> tuple[str, float | None, float | None]:
        """(label, baseline, scenario) of the balance ratio of the two chosen blocs."""
        a, b = self.bloc_a.currentData(), self.bloc_b.currentData()
        if a is None or b is None:
            return "Balance ratio", None, None

        def ratio(blocset):
            ids = {x.id for x in blocset.blocs}
            return blocset.ratio(a, b) if a in ids and b in ids else None

        return "Balance ratio (blocs above)", ratio(c.baseline.user_blocs), ratio(c.scenario.user_blocs)

    def _show_figures(self, c: Comparison) -> None:
        table = self.figures_table
        rows = []
        for key, label, style in FIGURE_ROWS:
            if key == "ratio":
                label, before, after = self.ratio_figure(c)
                delta = None if before is None or after is None else after - before
            else:
                fig = c.figures.get(key)
                if fig is None:
                    continue
                before, after, delta = fig["baseline"], fig["scenario"], fig["delta"]
            rows.append((key, label, style, before, after, delta))
        table.setRowCount(len(rows))
        for r, (key, label, style, before, after, delta) in enumerate(rows):
            name = make_item(label, key)
            name.setToolTip(glossary_tip("balance_ratio" if key == "ratio" else key) or label)
            table.setItem(r, 0, name)
            table.setItem(r, 1, make_item(format_value(before, style), before, True))
            table.setItem(r, 2, make_item(format_value(after, style), after, True))
            table.setItem(r, 3, delta_item(delta, format_delta(delta, style)))
        fit_table(table)

    def _show_brokers(self, c: Comparison) -> None:
        table = self.brokers_table
        names = {**{k: a.name for k, a in c.scenario.data.actors.items()},
                 **{k: a.name for k, a in c.baseline.data.actors.items()}}
        table.setRowCount(len(c.brokers))
        for r, row in enumerate(c.brokers):
            actor = row["actor"]
            name = make_item(names.get(actor, actor), actor)
            name.setToolTip(
                f"{actor}: betweenness {format_value(row['baseline'], 'float')} → "
                f"{format_value(row['scenario'], 'float')}"
            )
            table.setItem(r, 0, name)
            b, s, ch = row["baseline_rank"], row["scenario_rank"], row["rank_change"]
            table.setItem(r, 1, make_item("–" if b is None else f"#{b}", b, True))
            table.setItem(r, 2, make_item("–" if s is None else f"#{s}", s, True))
            if ch is None:
                text = "left view" if s is None else "new"
            elif ch == 0:
                text = "="
            else:
                text = f"{'▲' if ch > 0 else '▼'} {abs(ch)}"
            table.setItem(r, 3, delta_item(ch, text))
        fit_table(table)

    def _show_isolated(self, c: Comparison) -> None:
        names = {k: a.name for k, a in c.baseline.data.actors.items()}

        def listing(ids) -> str:
            return ", ".join(names.get(a, a) for a in ids) or "none"

        parts = [f"<b>Newly isolated:</b> {listing(c.newly_isolated)}"]
        if c.removed_actors:
            parts.append(f"<b>Removed from view:</b> {listing(c.removed_actors)}")
        if c.new_components:
            groups = "; ".join("{" + listing(g) + "}" for g in c.new_components)
            parts.append(f"<b>Split off:</b> {groups}")
        self.isolated_label.setText("<br>".join(parts))

    def figures(self) -> dict[str, tuple]:
        """(baseline, scenario, delta) per figure key as shown in the table (for tests)."""
        out = {}
        t = self.figures_table
        for r in range(t.rowCount()):
            role = Qt.ItemDataRole.UserRole
            out[t.item(r, 0).data(role)] = tuple(t.item(r, c).data(role) for c in (1, 2, 3))
        return out

    def broker_rows(self) -> list[tuple]:
        """(actor, baseline rank, scenario rank, change) per row as shown (for tests)."""
        t, role = self.brokers_table, Qt.ItemDataRole.UserRole
        return [tuple(t.item(r, c).data(role) for c in range(4)) for r in range(t.rowCount())]
