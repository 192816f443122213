"""The widgets of the "Regions & filters" dock, built once: the summary, the date
slider with its playback bar, the region tree, the alliance kinds and list, the actor
kinds and the capability threshold; each tells the panel of a change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSlider,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.model.vocab import ACTOR_KINDS, ALLIANCE_KINDS, label

#: Debounce of the slider and the spin box, so dragging stays fluid.
DEBOUNCE_MS = 150

ACTOR_KIND_LABELS = {
    "state": "States",
    "non_state": "Non-state actors",
    "organisation": "Organisations",
    "other": "Other",
}


class FilterWidgets:
    """Mixin of :class:`~explorer.ui.filters.panel.FiltersPanel`: building its widgets."""

    def _build_summary(self) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(2, 0, 2, 0)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        v.addWidget(self.count_label)
        self.analysis_note = QLabel(
            "The analysis (capability shares, blocs, brokers, what-if) follows this filtered view."
        )
        self.analysis_note.setWordWrap(True)
        self.analysis_note.setStyleSheet("color: #555")
        v.addWidget(self.analysis_note)
        row = QHBoxLayout()
        row.addStretch(1)
        self.reset_button = QPushButton("Reset filters")
        self.reset_button.setToolTip("Show everything in force today")
        self.reset_button.clicked.connect(self.reset)
        row.addWidget(self.reset_button)
        v.addLayout(row)
        return box

    def _build_date(self) -> QGroupBox:
        box = QGroupBox("As of")
        v = QVBoxLayout(box)
        self.date_label = QLabel()
        font = self.date_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.date_label.setFont(font)
        self.date_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addWidget(self.date_label)
        self.date_slider = QSlider(Qt.Orientation.Horizontal)
        self.date_slider.setSingleStep(1)
        self.date_slider.setPageStep(12)
        self.date_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.date_slider.setToolTip(
            "Monthly steps; the right end is the latest data (whatever has no end date)."
        )
        self.date_slider.valueChanged.connect(self._on_slider)
        v.addWidget(self.date_slider)
        ends = QHBoxLayout()
        self.date_first = QLabel()
        self.date_last = QLabel("Today")
        for w in (self.date_first, self.date_last):
            w.setStyleSheet("color: #555")
        ends.addWidget(self.date_first)
        ends.addStretch(1)
        ends.addWidget(self.date_last)
        v.addLayout(ends)
        from explorer.ui.filters.playback import PlaybackBar

        self.playback = PlaybackBar(self)
        v.addWidget(self.playback)
        return box

    def _build_regions(self) -> QGroupBox:
        box = QGroupBox("Regions")
        v = QVBoxLayout(box)
        hint = QLabel("Nothing ticked: the whole world.")
        hint.setStyleSheet("color: #555")
        v.addWidget(hint)
        self.region_tree = QTreeWidget()
        self.region_tree.setHeaderHidden(True)
        self.region_tree.setMinimumHeight(150)
        self.region_tree.itemChanged.connect(self._on_region_item)
        v.addWidget(self.region_tree)
        self.keep_partners = QCheckBox("Keep outside partners as faded context")
        self.keep_partners.setToolTip(
            "Actors outside the ticked regions that share an alliance or a tie with an actor "
            "inside stay in the view, drawn faded."
        )
        self.keep_partners.toggled.connect(lambda *_: self._changed())
        v.addWidget(self.keep_partners)
        return box

    def _build_alliances(self) -> QGroupBox:
        box = QGroupBox("Alliances")
        v = QVBoxLayout(box)
        hint = QLabel("Kinds (nothing ticked: every kind)")
        hint.setStyleSheet("color: #555")
        v.addWidget(hint)
        grid = QGridLayout()
        self.alliance_kind_boxes: dict[str, QCheckBox] = {}
        for i, kind in enumerate(ALLIANCE_KINDS):
            check = QCheckBox(label(kind))
            check.setToolTip(f"Show only alliances of the kinds ticked ({label(kind).lower()} "
                             "among them); nothing ticked: every kind")
            check.toggled.connect(lambda *_: self._changed())
            grid.addWidget(check, i // 2, i % 2)
            self.alliance_kind_boxes[kind] = check
        v.addLayout(grid)
        row = QHBoxLayout()
        self.alliance_search = QLineEdit()
        self.alliance_search.setPlaceholderText("Filter alliances…")
        self.alliance_search.setClearButtonEnabled(True)
        self.alliance_search.setToolTip("Narrow the list below to alliances whose name "
                                        "contains these letters (does not change the view)")
        self.alliance_search.textChanged.connect(self._filter_alliance_rows)
        row.addWidget(self.alliance_search, 1)
        self.alliances_all = QPushButton("All")
        self.alliances_none = QPushButton("None")
        self.alliances_all.setToolTip("Tick every alliance in the list below")
        self.alliances_none.setToolTip("Untick every alliance in the list below")
        self.alliances_all.clicked.connect(lambda: self._check_all_alliances(True))
        self.alliances_none.clicked.connect(lambda: self._check_all_alliances(False))
        row.addWidget(self.alliances_all)
        row.addWidget(self.alliances_none)
        v.addLayout(row)
        self.alliance_list = QListWidget()
        self.alliance_list.setMinimumHeight(140)
        self.alliance_list.setToolTip("Untick an alliance to hide it.")
        self.alliance_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.alliance_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.alliance_list.itemChanged.connect(lambda *_: self._changed())
        v.addWidget(self.alliance_list)
        return box

    def _build_actors(self) -> QGroupBox:
        box = QGroupBox("Actors")
        form = QFormLayout(box)
        kinds = QGridLayout()
        self.actor_kind_boxes: dict[str, QCheckBox] = {}
        for i, kind in enumerate(ACTOR_KINDS):
            check = QCheckBox(ACTOR_KIND_LABELS.get(kind, label(kind)))
            check.setToolTip("Show only actors of the kinds ticked; nothing ticked: all kinds")
            check.toggled.connect(lambda *_: self._changed())
            kinds.addWidget(check, i // 2, i % 2)
            self.actor_kind_boxes[kind] = check
        form.addRow(QLabel("Kinds (nothing ticked: all)"))
        form.addRow(kinds)
        self.min_capability = QDoubleSpinBox()
        self.min_capability.setRange(0.0, 1.0)
        self.min_capability.setDecimals(4)
        self.min_capability.setSingleStep(0.001)
        self.min_capability.setSpecialValueText("none")
        self.min_capability.setToolTip(
            "Hide actors whose capability index (over all actors) is below this value.\n"
            "Actors without capability figures are hidden by any threshold above 0."
        )
        self.min_capability.valueChanged.connect(lambda *_: self._changed(DEBOUNCE_MS))
        form.addRow("Minimum capability", self.min_capability)
        return box
