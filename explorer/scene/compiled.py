"""Optional numba kernels of the drawing code, compiled in a background thread.

numba is optional and its first compile takes seconds, so a drawing kernel is used only
once :meth:`Compiled.ready`; until then (or without numba) callers keep their numpy or
Qt path, and no frame waits for a compiler.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from types import ModuleType

from explorer.layout import numba_installed


class Compiled:
    """A module of numba kernels, imported and warmed up (``warm_up(module)``) off the
    GUI thread on the first :meth:`warm_up_in_background`."""

    def __init__(self, module: str, warm_up: Callable[[ModuleType], None]) -> None:
        self._name = module
        self._warm_up = warm_up
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._module: ModuleType | None = None

    def ready(self) -> bool:
        """True once the kernels can be called without a pause."""
        return self._ready.is_set()

    def module(self) -> ModuleType:
        """The kernels' module (imports numba: call when :meth:`ready`, or to warm up)."""
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return self._module

    def warm_up_in_background(self) -> threading.Thread | None:
        """Start compiling (or loading numba's cache) in a daemon thread; idempotent.
        None without numba."""
        if not numba_installed():
            return None
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True,
                                                name=f"jit-{self._name.rsplit('.', 1)[-1]}")
                self._thread.start()
        return self._thread

    def _run(self) -> None:
        try:
            self._warm_up(self.module())
        except Exception:  # a broken numba install must not take the drawing down
            return
        self._ready.set()
