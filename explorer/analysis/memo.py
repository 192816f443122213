"""The last few results of an expensive analysis pass, by the identities of what it read.

One change of date asks the canvas, the tables, the filter panel, the race chart and the
what-if panel for the same filtered data and capability index; at 10,000 actors each
pass costs tens of milliseconds. Records are immutable, so the same objects give the
same answer; the objects are kept with the key, so no id in it can be reused meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

_ALL: list[Recent] = []


class Recent(Generic[T]):
    """A small most-recently-used memo: ``get(key, kept, compute)``.

    ``per_document``: what it holds depends on a document only, never on the view (the
    region tree's roots), so :func:`forget_all` keeps it, as it keeps the document.
    """

    def __init__(self, size: int = 4, per_document: bool = False) -> None:
        self.size = size
        self._entries: list[tuple[tuple, object, T]] = []
        if not per_document:
            _ALL.append(self)

    def get(self, key: tuple, kept: object, compute: Callable[[], T]) -> T:
        for i, (known, _kept, result) in enumerate(self._entries):
            if known == key:
                self._entries.insert(0, self._entries.pop(i))
                return result
        result = compute()
        self._entries.insert(0, (key, kept, result))
        del self._entries[self.size:]
        return result

    def clear(self) -> None:
        self._entries.clear()


def forget_all() -> None:
    """Empty every memo of view results (benchmarks timing a change of view from
    scratch); what depends on the document alone stays, as the document does."""
    for memo in _ALL:
        memo.clear()
