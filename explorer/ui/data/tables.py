"""The data tables dock: actors, alliances, memberships, ties and blocs, sortable and
editable.

Selection is kept in step with the session both ways: picking an actor or alliance row
selects its node, and a node selected elsewhere (canvas, Find) selects its row.
Membership, tie and bloc rows are not nodes; picking one shows it in the inspector
through the session's record channel.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from explorer.scene.table_scope import records_in_view
from explorer.ui.data.bloc_table import BlocsModel
from explorer.ui.data.record_proxy import RecordProxyModel
from explorer.ui.data.sources_table import SourcesModel
from explorer.ui.data.table_copy import install_copy
from explorer.ui.data.table_models import (
    CHOICES_ROLE,
    ActorsModel,
    AlliancesModel,
    MembershipsModel,
    RecordTableModel,
    TiesModel,
)
from explorer.ui.editing.common import ERROR_COLOR, channel
from explorer.ui.session import ProjectSession

#: Project setting: whether the tables follow the canvas's filters (default: yes).
FOLLOW_SETTING = "table.follow_view"


class ChoiceDelegate(QStyledItemDelegate):
    """Edits cells that offer choices (``CHOICES_ROLE``) with a combo box."""

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt override)
        choices = index.data(CHOICES_ROLE)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for value, text in choices:
            combo.addItem(text, value)
        return combo

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(found, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


def make_table_view(proxy: RecordProxyModel, parent: QWidget | None = None) -> QTableView:
    """A sortable, editable table view over ``proxy`` with the choice delegate."""
    view = QTableView(parent)
    view.setModel(proxy)
    # document order until a header click: with the indicator left on column 0, enabling
    # sorting sorted every table through Python once (a minute at 50,000 actors)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    view.setItemDelegate(ChoiceDelegate(view))
    install_copy(view)
    return view


#: kinds of project change that leave the records in view as they were
_NOT_RECORDS = ("settings", "positions", "meta", "scenarios")


class DataTables(QWidget):
    """Tabs Actors / Alliances / Memberships / Ties / Blocs over the session's project."""

    TABS = (("actors", "Actors"), ("alliances", "Alliances"),
            ("memberships", "Memberships"), ("ties", "Ties"), ("blocs", "Blocs"),
            ("sources", "Sources"))
    #: how long the view must rest before the tables follow it
    SCOPE_DELAY_MS = 150

    #: the constructor takes ``check`` (docks.build_docks): filling six tables of a
    #: 50,000-actor project takes a second, and an opening's Cancel is heard between them
    HEARS_CANCEL = True

    def __init__(self, session: ProjectSession, parent: QWidget | None = None,
                 check: Callable[[], None] = lambda: None) -> None:
        super().__init__(parent)
        try:
            self._build(session, check)
        except BaseException:  # Cancel pressed while it filled: nothing half-built stays
            self.setParent(None)
            self.deleteLater()
            raise

    def _build(self, session: ProjectSession, check: Callable[[], None]) -> None:
        self.session = session
        self._syncing = False
        self.models: dict[str, RecordTableModel] = {}
        for name, model_class in (("actors", ActorsModel), ("alliances", AlliancesModel),
                                  ("memberships", MembershipsModel), ("ties", TiesModel),
                                  ("blocs", BlocsModel), ("sources", SourcesModel)):
            self.models[name] = model_class(session, self)
            check()
        self.proxies: dict[str, RecordProxyModel] = {}
        self.views: dict[str, QTableView] = {}

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(
            "Filter rows: words of any column, or column:words (id:TUR, role:observer)…")
        self.filter_edit.setToolTip(
            "Words match whole words of any column (from four letters, word starts too); "
            "column:words matches one column, e.g. id:TUR, alliance:NATO, role:observer, "
            'name:"South Korea". Accents and case are ignored.')
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.set_filter)
        self.follow_view = QCheckBox("Follow the view's filters", self)
        self.follow_view.setObjectName("follow_view")
        self.follow_view.setToolTip(
            "On: the tables list only what the canvas shows (date, regions, kinds). "
            "Off: every record of the project.")
        self.follow_view.setChecked(session.project.setting(FOLLOW_SETTING) is not False)
        self.follow_view.toggled.connect(self._on_follow_toggled)
        self.count_label = QLabel(self)
        self.status = QLabel(self)
        self.status.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: 600;")
        self.status.setWordWrap(True)
        self.status.setVisible(False)

        self.tabs = QTabWidget(self)
        for name, title in self.TABS:
            model = self.models[name]
            proxy = RecordProxyModel(model, self)
            view = make_table_view(proxy, self)
            view.setObjectName(f"table_{name}")
            self.proxies[name], self.views[name] = proxy, view
            self.tabs.addTab(view, title)
            if name == "sources":
                view.doubleClicked.connect(self._open_source_url)
            view.selectionModel().selectionChanged.connect(
                lambda *_, n=name: self._on_rows_selected(n)
            )
            model.editRefused.connect(lambda reason, row, col, n=name: self._refused(n, reason, row, col))
            model.refreshed.connect(lambda n=name: self._after_refresh(n))
            proxy.rowsInserted.connect(self._update_count)
            proxy.rowsRemoved.connect(self._update_count)
            proxy.modelReset.connect(self._update_count)
            proxy.layoutChanged.connect(self._update_count)
        self._fit_columns()
        # a tab shown takes the view's records it was given while hidden (in the count)
        self.tabs.currentChanged.connect(lambda *_: self._update_count())

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.follow_view)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        session.selectionChanged.connect(self._on_session_selection)
        session.documentChanged.connect(lambda *_: self._clear_status())
        # a saved view setting (zoom, date, layout) or node position is no edit of the
        # records in view
        session.documentChanged.connect(
            lambda kind, *_: None if kind in _NOT_RECORDS else self._apply_scope())
        # the view's date and filters reach the table when they rest for a moment:
        # dragging the date or playing history rebuilds the canvas every step, and
        # refiltering 10,000 rows in Python each time would halve its frame rate
        self._scope_timer = QTimer(self)
        self._scope_timer.setSingleShot(True)
        self._scope_timer.setInterval(self.SCOPE_DELAY_MS)
        self._scope_timer.timeout.connect(self._apply_scope)
        # the rest is counted from the end of the canvas's redraw, which the same change
        # scheduled first, not from the gesture: a redraw longer than the delay would
        # otherwise have the tables refilter before the user sees the new picture
        self._rest_starts = QTimer(self)
        self._rest_starts.setSingleShot(True)
        self._rest_starts.setInterval(0)
        self._rest_starts.timeout.connect(self._scope_timer.start)
        session.viewChanged.connect(self._on_view_changed)
        check()
        self._apply_scope()
        self._on_session_selection(session.selection)
        self._update_count()

    # ----- public ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Apply pending document and view changes now (they are otherwise applied next
        turn, or when the view has rested for ``SCOPE_DELAY_MS``)."""
        for model in self.models.values():
            model.refresh()
        if self._scope_timer.isActive() or self._rest_starts.isActive():
            self._apply_scope()

    def set_filter(self, text: str) -> None:
        for proxy in self.proxies.values():
            proxy.setFilterFixedString(text)
        self._update_count()

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.views[name])

    def current_tab(self) -> str:
        return self.TABS[self.tabs.currentIndex()][0]

    def index_of(self, name: str, key, column: int = 0) -> QModelIndex:
        """The view index (through the proxy) of the record ``key`` in table ``name``."""
        row = self.models[name].row_of(key)
        if row is None:
            return QModelIndex()
        self.proxies[name].apply_pending()
        return self.proxies[name].mapFromSource(self.models[name].index(row, column))

    def selected_keys(self, name: str) -> list:
        self.proxies[name].apply_pending()
        view = self.views[name]
        rows = view.selectionModel().selectedRows()
        model = self.models[name]
        keys = [model.key_at(self.proxies[name].mapToSource(i).row()) for i in rows]
        return keys

    def _open_source_url(self, index) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        model = self.models["sources"]
        row = self.proxies["sources"].mapToSource(index).row()
        url = model.document.sources[model.key_at(row)].url
        if url:
            QDesktopServices.openUrl(QUrl(url))

    # ----- following the canvas -------------------------------------------------------

    def _on_follow_toggled(self, on: bool) -> None:
        self.session.project.set_setting(FOLLOW_SETTING, bool(on))
        self._apply_scope()

    def _on_view_changed(self, *_args) -> None:
        self._scope_timer.stop()
        self._rest_starts.start()

    def _apply_scope(self) -> None:
        self._scope_timer.stop()
        self._rest_starts.stop()
        if self.follow_view.isChecked():
            scope = records_in_view(self.session.project.document(), self.session.view_filter)
        else:
            scope = dict.fromkeys(self.proxies)
        # on screen, the tabs behind the current one wait until shown; off screen (a closed
        # panel, a test) every tab follows at once
        visible, shown = self.isVisible(), self.current_tab()
        for name, proxy in self.proxies.items():
            proxy.set_allowed(scope.get(name), now=not visible or name == shown)
        self._update_count()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.proxies[self.current_tab()].apply_pending()

    # ----- selection ------------------------------------------------------------------

    def _on_rows_selected(self, name: str) -> None:
        if self._syncing:
            return
        keys = self.selected_keys(name)
        if name in ("actors", "alliances"):
            model = self.models[name]
            nodes = [model.node_key(k) for k in keys]
            if nodes:
                self._syncing = True
                try:
                    self.session.select(nodes)
                finally:
                    self._syncing = False
        elif keys:
            current = self.views[name].currentIndex()
            if current.isValid():
                key = self.models[name].key_at(self.proxies[name].mapToSource(current).row())
                if key not in keys:
                    key = keys[0]
            else:
                key = keys[0]
            channel(self.session).recordChosen.emit(self.models[name].kind, key)

    def _on_session_selection(self, nodes: list) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            for name, prefix in (("actors", "actor:"), ("alliances", "alliance:")):
                keys = [n[len(prefix):] for n in nodes if n.startswith(prefix)]
                self._select_rows(name, keys)
        finally:
            self._syncing = False

    def _select_rows(self, name: str, keys: list) -> None:
        view = self.views[name]
        selection = QItemSelection()
        first = None
        for key in keys:
            index = self.index_of(name, key)
            if index.isValid():
                selection.select(index, index)
                if first is None:
                    first = index
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        view.selectionModel().select(selection, flags)
        if first is not None:
            view.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            view.scrollTo(first)

    def _after_refresh(self, name: str) -> None:
        # A reset forgets the view's selection: put the session's back.
        if name in ("actors", "alliances"):
            self._syncing = True
            try:
                prefix = "actor:" if name == "actors" else "alliance:"
                keys = [n[len(prefix):] for n in self.session.selection if n.startswith(prefix)]
                self._select_rows(name, keys)
            finally:
                self._syncing = False
        self._update_count()

    # ----- feedback -------------------------------------------------------------------

    def _refused(self, name: str, reason: str, row: int, column: int) -> None:
        self.status.setText(f"Not changed: {reason}")
        self.status.setVisible(True)
        view = self.views[name]
        index = self.proxies[name].mapFromSource(self.models[name].index(row, column))
        if index.isValid() and view.isVisible():
            rect = view.visualRect(index)
            QToolTip.showText(view.viewport().mapToGlobal(rect.bottomLeft()), reason, view)

    def _clear_status(self) -> None:
        if self.status.isVisible():
            self.status.clear()
            self.status.setVisible(False)

    def _update_count(self, *_) -> None:
        name = self.current_tab()
        self.proxies[name].apply_pending()
        shown = self.proxies[name].rowCount()
        total = self.models[name].rowCount()
        text = f"{shown} of {total}" if shown != total else f"{total} rows"
        if shown != total and self.follow_view.isChecked() and not self.filter_edit.text():
            text += " in view"
        self.count_label.setText(text)

    def _fit_columns(self) -> None:
        widths = {"ID": 70, "Name": 170, "Actor": 170, "Alliance": 170, "Actor A": 150,
                  "Actor B": 150, "Regions": 170, "Kind": 130, "Obligation": 110,
                  "Source": 120, "Sign": 110, "Role": 90, "Members": 70, "Formal": 60,
                  "Colour": 90, "Member names": 320}
        # bloc ids are slugs of their names, longer than ISO codes and alliance acronyms
        per_table = {"blocs": {"ID": 120},
                     "sources": {"Title": 340, "Publisher": 200, "URL": 240, "ID": 140}}
        for name, view in self.views.items():
            for i, column in enumerate(self.models[name].columns):
                width = per_table.get(name, {}).get(column.title, widths.get(column.title, 95))
                view.setColumnWidth(i, width)
