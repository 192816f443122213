"""The "Regions & filters" dock: which part of the world, which date, which kinds.

Filters are a view, never an edit: every change builds a new
:class:`~explorer.analysis.view.ViewFilter` and hands it to
``session.set_view_filter``, which stores it in the project file and tells the canvas,
the what-if panel and every other view to redraw. On construction (and whenever the view
changes elsewhere) the widgets are set from ``session.view_filter``.

In every group of tick boxes, *nothing ticked means no restriction*, as in the view
filter itself: no region ticked shows the whole world, no kind ticked shows every kind.
The individual alliances are the exception: each is ticked when shown, so one can be
hidden by unticking it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QListWidgetItem,
    QScrollArea,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.analysis.view import ViewFilter, filtered
from explorer.model.entities import Document
from explorer.model.vocab import label
from explorer.scene.caption import latest_text, vintage_words
from explorer.scene.dates import MonthScale, dataset_start
from explorer.ui.filters.panel_widgets import DEBOUNCE_MS, FilterWidgets
from explorer.ui.session import ProjectSession

CHECKED = Qt.CheckState.Checked
UNCHECKED = Qt.CheckState.Unchecked
PARTIAL = Qt.CheckState.PartiallyChecked
ID_ROLE = Qt.ItemDataRole.UserRole


class FiltersPanel(FilterWidgets, QWidget):
    """Region tree, date slider, alliance and actor filters for one session."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._restoring = False
        self._as_of: str | None = None
        #: the filter the widgets show while no edit of theirs is pending (None: read them):
        #: a change of date from elsewhere then leaves the 500 alliance boxes of a large
        #: project alone instead of reading and comparing every one of them
        self._described: ViewFilter | None = None
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.timeout.connect(self.apply_now)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self.update_count)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(area)
        body = QWidget()
        area.setWidget(body)
        v = QVBoxLayout(body)
        v.setContentsMargins(4, 4, 4, 4)
        v.addWidget(self._build_summary())
        v.addWidget(self._build_date())
        v.addWidget(self._build_regions(), 2)
        v.addWidget(self._build_alliances(), 2)
        v.addWidget(self._build_actors())

        self._rebuild_from_document()
        self._restore(session.view_filter)
        session.viewChanged.connect(self._on_view_changed)
        session.documentChanged.connect(self._on_document_changed)

    # ----- filling from the document ------------------------------------------------------

    @property
    def doc(self) -> Document:
        return self.session.project.document()

    def _rebuild_from_document(self) -> None:
        doc = self.doc
        self._described = None
        self._restoring = True
        try:
            self.scale = MonthScale(dataset_start(doc))
            self.date_slider.setRange(0, self.scale.today_position)
            self.date_slider.setTickInterval(120)
            first = self.scale.month(0)
            self.date_first.setText(str(first[0]))
            words = vintage_words(doc)
            self.date_last.setText(f"Latest ({words})" if words else "Latest")

            self.region_tree.clear()
            self._region_items: dict[str, QTreeWidgetItem] = {}
            children: dict[str | None, list] = {}
            for region in doc.regions.values():
                parent = region.parent if region.parent in doc.regions else None
                children.setdefault(parent, []).append(region)

            def add(parent_item, parent_id, seen):
                for region in sorted(children.get(parent_id, []), key=lambda r: r.name.casefold()):
                    if region.id in seen:
                        continue
                    item = QTreeWidgetItem([region.name])
                    item.setData(0, ID_ROLE, region.id)
                    flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                    if children.get(region.id):
                        flags |= Qt.ItemFlag.ItemIsAutoTristate
                    item.setFlags(flags)
                    item.setCheckState(0, UNCHECKED)
                    if parent_item is None:
                        self.region_tree.addTopLevelItem(item)
                    else:
                        parent_item.addChild(item)
                    self._region_items[region.id] = item
                    add(item, region.id, seen | {region.id})

            add(None, None, frozenset())
            self.region_tree.expandAll()

            self.alliance_list.clear()
            for alliance in sorted(doc.alliances.values(), key=lambda a: a.name.casefold()):
                item = QListWidgetItem(alliance.name)
                item.setData(ID_ROLE, alliance.id)
                item.setToolTip(f"{alliance.name}\n{alliance.id} · {label(alliance.kind)}")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(CHECKED)
                self.alliance_list.addItem(item)
            self._filter_alliance_rows(self.alliance_search.text())
        finally:
            self._restoring = False

    def _restore(self, view: ViewFilter) -> None:
        """Set every widget from ``view`` without emitting a new filter."""
        shown_now = self._described
        self._restoring = True
        try:
            self._as_of = view.as_of
            self.date_slider.setValue(self.scale.position(view.as_of))
            self.date_label.setText(self._date_words(view.as_of))
            # only the boxes that change: each change signals, and there are hundreds
            if shown_now is None or shown_now.regions != view.regions:
                for i in range(self.region_tree.topLevelItemCount()):
                    top = self.region_tree.topLevelItem(i)
                    if top.checkState(0) != UNCHECKED:
                        top.setCheckState(0, UNCHECKED)
                for region in sorted(view.regions):
                    if region in self._region_items:
                        self._region_items[region].setCheckState(0, CHECKED)
            self.keep_partners.setChecked(view.keep_partners)
            for kind, check in self.alliance_kind_boxes.items():
                check.setChecked(kind in view.alliance_kinds)
            if shown_now is None or shown_now.alliances != view.alliances:
                for row in range(self.alliance_list.count()):
                    item = self.alliance_list.item(row)
                    shown = view.alliances is None or item.data(ID_ROLE) in view.alliances
                    if item.checkState() != (CHECKED if shown else UNCHECKED):
                        item.setCheckState(CHECKED if shown else UNCHECKED)
            for kind, check in self.actor_kind_boxes.items():
                check.setChecked(kind in view.actor_kinds)
            self.min_capability.setValue(view.min_capability)
        finally:
            self._restoring = False
        self._described = view
        self.update_count()

    # ----- reading the widgets ------------------------------------------------------------

    def _checked_regions(self, item: QTreeWidgetItem) -> set[str]:
        state = item.checkState(0)
        if state == CHECKED:
            return {item.data(0, ID_ROLE)}
        if state == PARTIAL:
            out: set[str] = set()
            for i in range(item.childCount()):
                out |= self._checked_regions(item.child(i))
            return out
        return set()

    def current_view(self) -> ViewFilter:
        """The filter the widgets describe now."""
        regions: set[str] = set()
        for i in range(self.region_tree.topLevelItemCount()):
            regions |= self._checked_regions(self.region_tree.topLevelItem(i))
        alliance_ids = [
            self.alliance_list.item(r).data(ID_ROLE) for r in range(self.alliance_list.count())
        ]
        shown = {
            self.alliance_list.item(r).data(ID_ROLE)
            for r in range(self.alliance_list.count())
            if self.alliance_list.item(r).checkState() == CHECKED
        }
        previous = self.session.view_filter.alliances
        if len(shown) == len(alliance_ids):
            # every listed alliance ticked: no restriction, unless the saved filter names
            # alliances the list does not hold (kept as they were)
            alliances = None
            if previous is not None and previous - set(alliance_ids):
                alliances = frozenset(shown | (previous - set(alliance_ids)))
        else:
            alliances = frozenset(shown)
        return ViewFilter(
            as_of=self._as_of,
            regions=frozenset(regions),
            keep_partners=self.keep_partners.isChecked(),
            alliance_kinds=frozenset(k for k, c in self.alliance_kind_boxes.items() if c.isChecked()),
            alliances=alliances,
            actor_kinds=frozenset(k for k, c in self.actor_kind_boxes.items() if c.isChecked()),
            min_capability=round(float(self.min_capability.value()), 6),
        )

    # ----- reacting -----------------------------------------------------------------------

    def _changed(self, delay: int = 0) -> None:
        if self._restoring:
            return
        self._described = None
        self._apply_timer.start(delay)

    def apply_now(self) -> None:
        """Hand the widgets' filter to the session now (skipping any pending debounce)."""
        self._apply_timer.stop()
        view = self.current_view()
        self._described = view
        self.session.set_view_filter(view)
        self.update_count()

    def _on_slider(self, position: int) -> None:
        if self._restoring:
            return
        self._as_of = self.scale.date(position)
        self.date_label.setText(self._date_words(self._as_of))
        self._changed(DEBOUNCE_MS)

    def set_as_of(self, date: str | None) -> None:
        """Move the slider to ``date``'s month and use exactly ``date`` (None: today)."""
        self.date_slider.setValue(self.scale.position(date))
        self._as_of = date
        self.date_label.setText(self._date_words(date))
        self.apply_now()

    def _date_words(self, date: str | None) -> str:
        """The slider's date in words; its open end is the data's own date."""
        return MonthScale.label(date) if date else latest_text(self.doc)

    def _on_region_item(self, _item, _column=0) -> None:
        self._changed()  # a parent toggles its children: one apply after all of them

    def _check_all_alliances(self, checked: bool) -> None:
        self._restoring = True
        try:
            for row in range(self.alliance_list.count()):
                item = self.alliance_list.item(row)
                if not item.isHidden():
                    item.setCheckState(CHECKED if checked else UNCHECKED)
        finally:
            self._restoring = False
        self._changed()

    def _filter_alliance_rows(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.alliance_list.count()):
            item = self.alliance_list.item(row)
            hay = f"{item.text()} {item.data(ID_ROLE)}".casefold()
            item.setHidden(bool(needle) and needle not in hay)

    def reset(self) -> None:
        """Back to the default view: everything in force today."""
        self._apply_timer.stop()
        self.session.set_view_filter(ViewFilter())
        self._restore(ViewFilter())

    def _on_view_changed(self) -> None:
        if self._apply_timer.isActive():
            return  # our own newer edit is on its way
        described = self._described if self._described is not None else self.current_view()
        if self.session.view_filter != described:
            self._restore(self.session.view_filter)
        else:
            self.update_count()

    def _on_document_changed(self, kind: str, _key) -> None:
        if kind in ("settings", "positions"):
            return
        if kind in ("alliances", "memberships", "ties", "regions", "meta"):
            self._rebuild_from_document()
            self._restore(self.session.view_filter)
        self._count_timer.start()

    # ----- summary ------------------------------------------------------------------------

    def counts(self) -> tuple[int, int, int]:
        """(shown actors, all actors, context actors) under the session's view."""
        doc = self.doc
        data = filtered(doc, self.session.view_filter)
        return len(data.actors), len(doc.actors), len(data.context)

    def update_count(self) -> None:
        doc = self.doc
        data = filtered(doc, self.session.view_filter)
        text = f"Showing {len(data.actors)} of {len(doc.actors)} actors"
        if data.context:
            text += f" ({len(data.context)} as context)"
        text += f", {len(data.alliances)} of {len(doc.alliances)} alliances"
        self.count_label.setText(text)
