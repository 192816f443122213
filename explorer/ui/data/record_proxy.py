"""Sorting and word filtering of the data tables' rows."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QSortFilterProxyModel, Qt

from explorer.ui.data.table_models import SORT_ROLE, RecordTableModel


def _fold(text: str) -> str:
    """Lower case without accents: "Türkiye" -> "turkiye"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_WORD = re.compile(r"\w+")
#: Query words this long also match the start of a longer word ("Azer" → Azerbaijan);
#: shorter ones, typically ids ("TUR"), match whole words only (not "Turkic", "signature").
PREFIX_FROM = 4


def words_match(query: str, text: str) -> bool:
    """Whether every word of ``query`` is a word of ``text`` (or starts one, from 4 letters)."""
    wanted = _WORD.findall(_fold(query))
    have = set(_WORD.findall(_fold(text)))
    return all(
        w in have or (len(w) >= PREFIX_FROM and any(h.startswith(w) for h in have))
        for w in wanted
    )


_COLUMN_TERM = re.compile(r"(\w+):(\"[^\"]*\"|\S+)")


def split_query(query: str) -> tuple[str, list[tuple[str, str]]]:
    """``'role:observer nato'`` -> ``('nato', [('role', 'observer')])``: words for any
    column, and (column, words) terms for one column ("name:\"South Korea\"" quotes)."""
    terms = [(_fold(c), v.strip('"')) for c, v in _COLUMN_TERM.findall(query)]
    rest = " ".join(_COLUMN_TERM.sub(" ", query).split())
    return rest, terms


class RecordProxyModel(QSortFilterProxyModel):
    """Sorts by each column's sort value and filters rows by words of any column, by
    ``column:words`` terms, and (optionally) to the records the canvas shows."""

    def __init__(self, source: RecordTableModel, parent=None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
        self._query = ""
        self._allowed: frozenset | None = None
        # keys given while the tab is out of sight: refiltering 10,000 rows in Python
        # costs 50 ms, so a hidden tab takes them when it is shown (no rowCount override:
        # views call it thousands of times, and each call would enter Python)
        self._pending: tuple[frozenset | None] | None = None

    def set_allowed(self, keys: frozenset | None, now: bool = True) -> None:
        """Show only the records with these keys (None: every record); with ``now``
        False, from the next time :meth:`apply_pending` runs."""
        if not now:
            self._pending = (keys,)
            return
        self._pending = None
        if keys != self._allowed:
            self.beginFilterChange()
            self._allowed = keys
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def apply_pending(self) -> None:
        """Apply the keys set while hidden, if any."""
        if self._pending is not None:
            (keys,) = self._pending
            self.set_allowed(keys)


    def setFilterFixedString(self, pattern: str) -> None:  # noqa: N802 - Qt override
        self._query = pattern
        # the base call re-runs the filter (filterAcceptsRow below reads _query)
        super().setFilterFixedString(pattern)

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 - Qt override
        model = self.sourceModel()
        if self._allowed is not None and model.key_at(row) not in self._allowed:
            return False
        if not self._query.strip():
            return True
        rest, terms = split_query(self._query)

        def cell(c: int) -> str:
            return str(model.index(row, c, parent).data(Qt.ItemDataRole.DisplayRole) or "")

        titles = [_fold(col.title) for col in model.columns]
        for column, words in terms:
            hits = [i for i, t in enumerate(titles) if t == column or t.startswith(column)]
            if not hits or not any(words_match(words, cell(i)) for i in hits):
                return False
        if not rest.strip():
            return True
        return words_match(rest, " ".join(cell(c) for c in range(model.columnCount(parent))))
