"""Stage progress of a long command on stderr, for the command line only.

A step is named only once it has run longer than ``delay`` seconds, so a quick report
prints nothing and a large one says what it is doing: ``Computing report… stage 5 of 9
(betweenness)``. On a terminal this is one line rewritten with ``\\r`` and wiped at the
end; otherwise (a log, a pipe) one plain line per slow stage. stdout is never touched.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Sequence
from typing import TextIO


class StageProgress:
    """A ``progress(done, total)`` callback naming ``stages[done]`` when it runs long.

    Use it as a context manager: leaving (normally, on an error or on Ctrl+C) stops the
    pending timer and wipes the terminal line, so nothing prints after the command ends.
    """

    def __init__(self, label: str, stages: Sequence[str], stream: TextIO | None = None,
                 delay: float = 0.5) -> None:
        self.label = label
        self.stages = tuple(stages)
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._shown = 0  # length of the line on the terminal (0: none)
        self._closed = False

    def __call__(self, done: int, total: int) -> None:
        with self._lock:
            self._cancel()
            if self._closed or done >= total:
                return
            # a daemon timer: a stage still running after `delay` gets its line, and a
            # Ctrl+C never waits for it
            self._timer = threading.Timer(self.delay, self._show, (done, total))
            self._timer.daemon = True
            self._timer.start()

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _show(self, done: int, total: int) -> None:
        with self._lock:
            if self._closed:
                return
            name = self.stages[done] if done < len(self.stages) else ""
            line = f"{self.label}… stage {done + 1} of {total}" + (f" ({name})" if name else "")
            if self.tty:
                pad = " " * max(0, self._shown - len(line))
                self.stream.write(f"\r{line}{pad}")
                self._shown = len(line)
            else:
                self.stream.write(line + "\n")
            self.stream.flush()

    def close(self) -> None:
        """Stop the timer and wipe the terminal line (idempotent)."""
        with self._lock:
            self._cancel()
            self._closed = True
            if self.tty and self._shown:
                self.stream.write("\r" + " " * self._shown + "\r")
                self.stream.flush()
                self._shown = 0

    def __enter__(self) -> StageProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class StderrProgress:
    """A progress callback that shows ``Importing big.gexf… 45 %`` on stderr once the
    work has run for DELAY seconds: one line rewritten with ``\r`` on a terminal, a
    plain line every tenth otherwise (logs stay short). stdout is left alone."""

    DELAY = 0.5

    def __init__(self, label: str) -> None:
        self.label = label
        self.tty = sys.stderr.isatty()
        self.shown = -1  # the last percentage printed
        self.start = time.monotonic()

    def __enter__(self) -> StderrProgress:
        return self

    def __exit__(self, kind: object, *_rest: object) -> None:
        if self.shown >= 0 and self.tty:
            sys.stderr.write("\n")  # end the rewritten line
            sys.stderr.flush()

    def __call__(self, done: int, total: int) -> None:
        if time.monotonic() - self.start < self.DELAY:
            return
        percent = min(100, 100 * done // total) if total > 0 else 0
        step = 1 if self.tty else 10
        if self.shown >= 0 and percent // step <= self.shown // step:
            return
        self.shown = percent
        line = f"{self.label}… {percent} %"
        sys.stderr.write(f"\r{line}" if self.tty else f"{line}\n")
        sys.stderr.flush()
