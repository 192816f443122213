"""Kernel backend selection and background JIT warm-up.

numba is optional.  Its first compile takes seconds, so the app starts on the numpy
kernels, calls :func:`warm_up_in_background` once, and ``backend="auto"`` layouts switch to
numba as soon as :func:`numba_ready` turns True (positions simply carry over).
"""

from __future__ import annotations

import importlib.util
import threading
import time
from collections.abc import Callable
from types import ModuleType

from . import kernels_numpy

_lock = threading.Lock()
_ready = threading.Event()
_thread: threading.Thread | None = None
_failure: BaseException | None = None
_compile_seconds: float | None = None


def numba_installed() -> bool:
    """True if numba can be imported (without importing it, which is slow)."""
    return importlib.util.find_spec("numba") is not None


def numba_ready() -> bool:
    """True once the numba kernels are compiled and safe to call without a pause."""
    return _ready.is_set()


def compile_seconds() -> float | None:
    """Wall time the last warm-up took (import + compile or cache load), if it ran."""
    return _compile_seconds


def _warm_up() -> None:
    global _failure, _compile_seconds
    start = time.perf_counter()
    try:
        from . import kernels_fused, kernels_numba

        kernels_numba.warm_up()
        kernels_fused.warm_up()
    except Exception as exc:  # a broken numba install must not take the app down
        _failure = exc
        return
    _compile_seconds = time.perf_counter() - start
    _ready.set()


def warm_up_in_background() -> threading.Thread | None:
    """Start compiling the numba kernels in a daemon thread; idempotent.

    Returns the thread (join it to wait) or None if numba is not installed.
    """
    global _thread
    if not numba_installed():
        return None
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_warm_up, name="layout-jit-warm-up", daemon=True)
            _thread.start()
        return _thread


def warm_up_blocking() -> bool:
    """Compile the numba kernels now (or wait for the background warm-up); True on success."""
    thread = warm_up_in_background()
    if thread is None:
        return False
    thread.join()
    return _ready.is_set()


def wait_for_warm_up(check: Callable[[], None], poll_seconds: float = 0.1) -> bool:
    """:func:`warm_up_blocking`, calling ``check()`` every ``poll_seconds`` while the
    kernels compile (a second or more on a cold cache); ``check`` may raise to stop
    waiting, the compile goes on in its thread. True once the kernels are ready."""
    thread = warm_up_in_background()
    if thread is None:
        return False
    while thread.is_alive():
        thread.join(poll_seconds)
        check()
    return _ready.is_set()


def resolve(requested: str) -> str:
    """Map a requested backend ("auto", "numba", "numpy") to the one to use right now."""
    if requested == "numpy":
        return "numpy"
    if requested == "numba":
        if not warm_up_blocking():
            raise RuntimeError(f"numba backend unavailable: {_failure or 'numba not installed'}")
        return "numba"
    if requested == "auto":
        return "numba" if _ready.is_set() else "numpy"
    raise ValueError(f"unknown backend {requested!r}; expected 'auto', 'numba' or 'numpy'")


def kernels(name: str) -> ModuleType:
    """The kernel module for a resolved backend name."""
    if name == "numba":
        from . import kernels_numba

        return kernels_numba
    return kernels_numpy
