"""Building many small objects at once (the ~26 000 figures of the default project)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bulk build runs.

    Every ~700 allocations the collector scans young objects, and now and then every
    object of the program: building the default project's figures triggered ~120 scans,
    35-70 ms of the load. Figures hold no reference cycles, so nothing is lost.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
