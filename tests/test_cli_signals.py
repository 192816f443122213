"""Pipes and signals: every command that prints exits quietly when its reader leaves
(``| head -1``), and Ctrl+C stops an import with status 130 and nothing left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _env(tmp: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp / "xdg"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


@pytest.mark.parametrize("args", [
    ("info",),
    ("report",),
    ("report", "--format", "json"),
    ("export", "--format", "json", "-o", "-"),
    ("--help",),
])
def test_closed_stdout_is_quiet(tmp_path, args):
    child = subprocess.Popen([sys.executable, "-m", "explorer", *args], cwd=tmp_path,
                             env=_env(tmp_path), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    child.stdout.readline()  # like `| head -1`: read one line, then leave
    child.stdout.close()
    _, err = child.communicate(timeout=120)
    assert child.returncode in (0, 141), err
    assert b"Traceback" not in err and b"BrokenPipe" not in err


def test_ctrl_c_during_an_import_leaves_nothing(tmp_path):
    from explorer.io import export_graph
    from explorer.synthetic import synthetic_document

    source = tmp_path / "big.gexf"
    # large enough that the import (seconds) is still running when Ctrl+C comes
    export_graph(synthetic_document(15000, 600, 3, n_ties=30000), source, "gexf")
    out = tmp_path / "out.sbx"
    child = subprocess.Popen([sys.executable, "-m", "explorer", "import", str(source), "-o",
                              str(out)], cwd=tmp_path, env=_env(tmp_path),
                             preexec_fn=_as_from_a_shell,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # into the import: its first progress line comes once it has run half a second
    assert child.stderr.readline().startswith("Importing big.gexf… ".encode())
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=120)
    assert child.returncode == 130, err
    assert b"Traceback" not in err
    left = [p.name for p in tmp_path.iterdir() if p.name not in ("big.gexf", "xdg")]
    assert left == []


def _as_from_a_shell() -> None:
    """Run in the child before it starts: Ctrl+C as a terminal delivers it. A process
    inherits ignored or blocked signals, and the test runner's may carry either."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    signal.signal(signal.SIGINT, signal.SIG_DFL)
