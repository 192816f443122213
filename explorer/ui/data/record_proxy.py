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


class RecordProxyModel(QSortFilterProxyModel):
    """Sorts by each column's sort value and filters rows by words of any column."""

    def __init__(self, source: RecordTableModel, parent=None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
        self._query = ""

    def setFilterFixedString(self, pattern: str) -> None:  # noqa: N802 - Qt override
        self._query = pattern
        # the base call re-runs the filter (filterAcceptsRow below reads _query)
        super().setFilterFixedString(pattern)

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 - Qt override
        if not self._query.strip():
            return True
        model = self.sourceModel()
        text = " ".join(
            str(model.index(row, c, parent).data(Qt.ItemDataRole.DisplayRole) or "")
            for c in range(model.columnCount(parent))
        )
        return words_match(self._query, text)
