"""Progress reports of long work, shared by every layer: a callback ``(done, total)``.

A callback may raise to cancel (the window's Cancel button, Ctrl+C in the command line);
the work stops where it is and leaves nothing half-made behind.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]

#: The scale :func:`part` reports on: a whole job is 1000 steps.
SCALE = 1000


def part(progress: Progress | None, start: float, end: float,
         scale: int = SCALE) -> Progress | None:
    """A callback for one stage of a job that fills ``start``–``end`` (fractions of the
    whole) of ``progress``, so that one bar moves forward across all the stages; the
    whole is ``scale`` steps."""
    if progress is None:
        return None

    def report(done: int, total: int) -> None:
        share = min(max(done / total, 0.0), 1.0) if total > 0 else 0.0
        progress(round(scale * (start + (end - start) * share)), scale)

    return report
