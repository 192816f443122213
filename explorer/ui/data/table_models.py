"""Table models over the project's document: actors, alliances, memberships, ties
(blocs are in :mod:`explorer.ui.data.bloc_table`, built on the same base).

Each model keeps a snapshot of its rows taken from ``project.document()`` (itself cached
by the project until the next change), so painting never rebuilds the document. On
``documentChanged`` a refresh is scheduled for the next turn of the event loop: many
events from one command (a delete with its memberships) cost one refresh. A refresh
that keeps the same rows emits ``dataChanged`` for the rows that differ; otherwise the
model resets. Edits in place become commands pushed through the session.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from explorer.commands import Command, PutActor, PutAlliance, PutMembership, PutTie
from explorer.model.entities import Actor, Alliance, Document, Membership, Tie
from explorer.model.node_key import actor_key, alliance_key
from explorer.ui.data.table_columns import (  # noqa: F401 - re-exported
    MISSING_NUMBER,
    SIGNED_TIP,
    SIGNS,
    Column,
    actor_columns,
    alliance_columns,
    membership_columns,
    text_column,
    tie_columns,
)
from explorer.ui.editing.common import push_with_reason
from explorer.ui.session import ProjectSession

Role = Qt.ItemDataRole
SORT_ROLE = Role.UserRole + 1
#: list of (value, label) a cell may take; the delegate offers them in a combo box.
CHOICES_ROLE = Role.UserRole + 2
#: the record's key in its table (actor id, membership id ...).
KEY_ROLE = Role.UserRole + 3
#: the record's node key (``actor:TUR``) or None for memberships and ties.
NODE_KEY_ROLE = Role.UserRole + 4

DOCUMENT_TABLES = ("actors", "alliances", "memberships", "ties", "blocs", "reloaded")


class RecordTableModel(QAbstractTableModel):
    """Rows of one document table; subclasses say which records, columns and command."""

    #: (reason, source row, column) after an edit in place was refused.
    editRefused = Signal(str, int, int)
    #: the model refreshed from the document (after a reset or dataChanged).
    refreshed = Signal()

    kind = ""

    def __init__(self, session: ProjectSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.columns: list[Column] = self.make_columns()
        self._doc: Document = session.project.document()
        self._keys: list = []
        self._rows: list = []
        self._signatures: list[tuple] | None = None
        self._index: dict = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        session.documentChanged.connect(self._on_document_changed)
        self._load(self._doc, reset=False)

    # ----- subclass hooks -------------------------------------------------------------

    def make_columns(self) -> list[Column]:
        raise NotImplementedError

    def records(self, doc: Document) -> dict:
        raise NotImplementedError

    def command(self, record) -> Command:
        raise NotImplementedError

    def node_key(self, key) -> str | None:
        return None

    def prepare(self, doc: Document) -> None:
        """Precompute what columns need from the whole document (e.g. counts)."""

    # ----- refreshing -----------------------------------------------------------------

    def _on_document_changed(self, table: str, key: object) -> None:
        if table in DOCUMENT_TABLES and not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        """Bring the rows up to date with the document now."""
        self._timer.stop()
        doc = self.session.project.document()
        if doc is self._doc:
            return
        self._load(doc, reset=True)

    def _signature(self, doc: Document, record) -> tuple:
        return (record, tuple(column.text(doc, record) for column in self.columns))

    def _load(self, doc: Document, reset: bool) -> None:
        if reset and self._signatures is None:
            # what each row showed: computed when first needed, not when the table
            # opens (seconds at 50,000 rows); prepare() first, as the columns read it
            self.prepare(self._doc)
            self._signatures = [self._signature(self._doc, r) for r in self._rows]
        self.prepare(doc)
        items = list(self.records(doc).items())
        keys = [k for k, _ in items]
        rows = [r for _, r in items]
        if reset and keys == self._keys:
            old = self._signatures
            signatures = [self._signature(doc, r) for r in rows]
            self._doc, self._rows = doc, rows
            self._signatures = signatures
            start = None
            for i, (a, b) in enumerate(zip(old, signatures, strict=True)):
                if a != b and start is None:
                    start = i
                elif a == b and start is not None:
                    self._emit_changed(start, i - 1)
                    start = None
            if start is not None:
                self._emit_changed(start, len(rows) - 1)
            self.refreshed.emit()
            return
        if reset:
            self.beginResetModel()
        self._doc, self._keys, self._rows, self._signatures = doc, keys, rows, None
        self._index = {k: i for i, k in enumerate(keys)}
        if reset:
            self.endResetModel()
            self.refreshed.emit()

    def _emit_changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    # ----- lookups --------------------------------------------------------------------

    @property
    def document(self) -> Document:
        return self._doc

    def key_at(self, row: int):
        return self._keys[row]

    def row_of(self, key) -> int | None:
        return self._index.get(key)

    def record_at(self, row: int):
        return self._rows[row]

    # ----- Qt model API ---------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role=Role.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Role.DisplayRole:
            return column.title
        if role == Role.ToolTipRole:
            return column.tip or None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex):
        base = super().flags(index)
        if not index.isValid():
            return base
        column = self.columns[index.column()]
        if column.check is not None:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column.edit is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Role.DisplayRole):
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Role.DisplayRole:
            return "" if column.check is not None else column.text(self._doc, record)
        if role == Role.EditRole:
            return column.raw(record) if column.raw else column.text(self._doc, record)
        if role == SORT_ROLE:
            if column.sort is not None:
                return column.sort(self._doc, record)
            return column.text(self._doc, record).lower()
        if role == Role.CheckStateRole and column.check is not None:
            return Qt.CheckState.Checked if column.check(record) else Qt.CheckState.Unchecked
        if role == CHOICES_ROLE:
            return list(column.choices) if column.choices else None
        if role == Role.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Role.ToolTipRole:
            text = column.text(self._doc, record)
            return text if len(text) > 30 else None
        if role == KEY_ROLE:
            return self._keys[index.row()]
        if role == NODE_KEY_ROLE:
            return self.node_key(self._keys[index.row()])
        return None

    def setData(self, index, value, role=Role.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        if role == Role.CheckStateRole and column.check is not None:
            value = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        elif role != Role.EditRole or column.edit is None:
            return False
        key = self._keys[index.row()]
        doc = self.session.project.document()
        current = self.records(doc).get(key)
        if current is None:
            self._refuse("That row no longer exists.", index)
            return False
        try:
            new = column.edit(doc, current, value)
        except ValueError as exc:
            self._refuse(str(exc), index)
            return False
        if new == current:
            return False
        reason = push_with_reason(self.session, self.command(new))
        if reason is not None:
            self._refuse(reason, index)
            return False
        return True

    def _refuse(self, reason: str, index) -> None:
        self.editRefused.emit(reason, index.row(), index.column())


class ActorsModel(RecordTableModel):
    kind = "actor"

    def make_columns(self) -> list[Column]:
        from explorer.ui.data.extras_columns import attribute_columns

        return actor_columns() + attribute_columns(self.session.project.document(), "actor")

    def records(self, doc: Document) -> dict:
        return doc.actors

    def command(self, record: Actor) -> Command:
        return PutActor(record)

    def node_key(self, key) -> str:
        return actor_key(key)


class AlliancesModel(RecordTableModel):
    kind = "alliance"

    def __init__(self, session: ProjectSession, parent=None) -> None:
        self._counts: Counter = Counter()
        super().__init__(session, parent)

    def make_columns(self) -> list[Column]:
        return alliance_columns(lambda: self._counts)

    def prepare(self, doc: Document) -> None:
        self._counts = Counter(m.alliance for m in doc.memberships.values())

    def records(self, doc: Document) -> dict:
        return doc.alliances

    def command(self, record: Alliance) -> Command:
        return PutAlliance(record)

    def node_key(self, key) -> str:
        return alliance_key(key)


class MembershipsModel(RecordTableModel):
    """All memberships, or only those of one alliance (the inspector's member list)."""

    kind = "membership"

    def __init__(self, session: ProjectSession, parent=None, alliance: str | None = None) -> None:
        self.alliance = alliance
        super().__init__(session, parent)

    def set_alliance(self, alliance: str | None) -> None:
        if alliance != self.alliance:
            self.alliance = alliance
            self.beginResetModel()
            self._doc = self.session.project.document()
            self._load(self._doc, reset=False)
            self.endResetModel()

    def make_columns(self) -> list[Column]:
        return membership_columns()

    def records(self, doc: Document) -> dict:
        if self.alliance is None:
            return doc.memberships
        return {k: m for k, m in doc.memberships.items() if m.alliance == self.alliance}

    def command(self, record: Membership) -> Command:
        return PutMembership(record)


class TiesModel(RecordTableModel):
    kind = "tie"

    def make_columns(self) -> list[Column]:
        from explorer.ui.data.extras_columns import attribute_columns, edge_columns

        doc = self.session.project.document()
        return tie_columns() + edge_columns(doc) + attribute_columns(doc, "tie")

    def records(self, doc: Document) -> dict:
        return doc.ties

    def command(self, record: Tie) -> Command:
        return PutTie(record)

