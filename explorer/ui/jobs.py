"""Run analysis jobs off the GUI thread, keeping only the newest result of each kind.

A job is a plain callable over immutable inputs (a :class:`~explorer.model.entities.Document`
snapshot, a :class:`~explorer.analysis.view.ViewFilter`, a scenario): it never touches
the project's SQLite connection. :class:`JobRunner` numbers every request of a kind (a
generation counter); a result that arrives after a newer request of the same kind was
made is stale and is dropped, so fast edits never show an old answer.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _JobSignals(QObject):
    #: (kind, generation, result)
    done = Signal(str, int, object)
    #: (kind, generation, message)
    failed = Signal(str, int, str)


class _Job(QRunnable):
    def __init__(self, kind: str, generation: int, fn: Callable[[], Any], signals: _JobSignals):
        super().__init__()
        self.kind, self.generation, self.fn, self.signals = kind, generation, fn, signals
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        try:
            result = self.fn()
        except Exception as exc:  # reported to the GUI thread, never raised in the pool
            message = f"{type(exc).__name__}: {exc}"
            detail = traceback.format_exc(limit=3)
            self.signals.failed.emit(self.kind, self.generation, f"{message}\n{detail}")
            return
        self.signals.done.emit(self.kind, self.generation, result)


class JobRunner(QObject):
    """Run callables on a private thread pool; report the newest result per kind.

    ``started(kind)`` fires when a job is submitted, ``finished(kind, result)`` for the
    newest job of a kind, ``error(kind, message)`` when it raised. ``busy`` is True while
    a current (not stale) job of any kind runs.
    """

    started = Signal(str)
    finished = Signal(str, object)
    error = Signal(str, str)
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._signals = _JobSignals(self)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._generation: dict[str, int] = {}
        self._running: set[str] = set()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def generation(self, kind: str) -> int:
        return self._generation.get(kind, 0)

    def invalidate(self, kind: str) -> int:
        """Make every running job of ``kind`` stale (e.g. a synchronous compute won)."""
        self._generation[kind] = self.generation(kind) + 1
        self._set_running(kind, False)
        return self._generation[kind]

    def submit(self, kind: str, fn: Callable[[], Any]) -> int:
        generation = self.invalidate(kind)
        self._set_running(kind, True)
        self.started.emit(kind)
        self._pool.start(_Job(kind, generation, fn, self._signals))
        return generation

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (tests, shutdown); queued results still follow."""
        return self._pool.waitForDone(msecs)

    def _set_running(self, kind: str, running: bool) -> None:
        was = self.busy
        if running:
            self._running.add(kind)
        else:
            self._running.discard(kind)
        if was != self.busy:
            self.busyChanged.emit(self.busy)

    def _on_done(self, kind: str, generation: int, result: object) -> None:
        if generation != self.generation(kind):
            return  # stale: a newer request of this kind exists
        self._set_running(kind, False)
        self.finished.emit(kind, result)

    def _on_failed(self, kind: str, generation: int, message: str) -> None:
        if generation != self.generation(kind):
            return
        self._set_running(kind, False)
        self.error.emit(kind, message)
