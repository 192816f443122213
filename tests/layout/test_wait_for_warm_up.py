"""Waiting for the compiled layout kernels hears the caller's check (an opening's Cancel)."""

from __future__ import annotations

import threading

import pytest

from explorer.layout import backends


class _Stop(Exception):
    pass


def test_the_check_is_called_while_the_kernels_compile_and_may_stop_the_wait(monkeypatch):
    release = threading.Event()
    slow = threading.Thread(target=release.wait, daemon=True)
    slow.start()
    monkeypatch.setattr(backends, "warm_up_in_background", lambda: slow)
    calls: list[int] = []

    def check() -> None:
        calls.append(1)
        if len(calls) == 3:
            raise _Stop

    with pytest.raises(_Stop):
        backends.wait_for_warm_up(check, poll_seconds=0.01)
    assert len(calls) == 3  # heard every poll, and stopped at the first raise
    release.set()
    slow.join()
    calls.clear()
    backends.wait_for_warm_up(check, poll_seconds=0.01)  # done: nothing to wait for
    assert calls == []


def test_without_numba_there_is_nothing_to_wait_for(monkeypatch):
    monkeypatch.setattr(backends, "warm_up_in_background", lambda: None)
    assert backends.wait_for_warm_up(lambda: pytest.fail("no wait, no check")) is False
