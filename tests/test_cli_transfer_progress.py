"""Progress of long commands on stderr (import, export), and Ctrl+C during an image
export leaving no file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.cli_progress import StderrProgress
from explorer.store import Project
from explorer.synthetic import synthetic_document

ROOT = Path(__file__).resolve().parents[1]


def _gexf(path: Path, n: int = 300) -> Path:
    nodes = "".join(f'<node id="n{i}"/>' for i in range(n))
    edges = "".join(f'<edge source="n{i}" target="n{i + 1}"/>' for i in range(n - 1))
    path.write_text('<gexf xmlns="http://gexf.net/1.3"><graph><nodes>' + nodes +
                    "</nodes><edges>" + edges + "</edges></graph></gexf>")
    return path


@pytest.fixture
def slow(monkeypatch):
    """Every step counts as slow: progress shows at once."""
    monkeypatch.setattr(StderrProgress, "DELAY", 0.0)


def test_import_shows_progress_on_stderr_and_keeps_stdout(tmp_path, capsys, slow):
    assert main(["import", str(_gexf(tmp_path / "g.gexf")), "-o", str(tmp_path / "g.sbx")]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Imported 300 actors") and "%" not in out
    lines = [line for line in err.splitlines() if line.startswith("Importing g.gexf… ")]
    assert lines and lines[-1] == "Importing g.gexf… 100 %"
    percents = [int(line.split("… ")[1].rstrip(" %")) for line in lines]
    assert percents == sorted(percents)
    assert "\r" not in err  # not a terminal: plain lines


def test_a_fast_import_prints_no_progress(tmp_path, capsys):
    assert main(["import", str(_gexf(tmp_path / "g.gexf", 5)), "-o", str(tmp_path / "g.sbx")]) == 0
    assert "Importing" not in capsys.readouterr().err


def test_on_a_terminal_one_line_is_rewritten(capsys, monkeypatch, slow):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with StderrProgress("Exporting x.png") as progress:
        for done in range(0, 11):
            progress(done, 10)
    err = capsys.readouterr().err
    assert err.startswith("\rExporting x.png… 0 %") and err.endswith("\rExporting x.png… 100 %\n")
    assert err.count("\n") == 1


@pytest.mark.parametrize("fmt", ["gexf", "png"])
def test_export_shows_progress(tmp_path, capsys, slow, fmt):
    project = tmp_path / "p.sbx"
    Project.create(project, synthetic_document(30, 3, seed=2)).close()
    out = tmp_path / f"p.{fmt}"
    assert main(["export", str(project), "--format", fmt, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"Exporting p.{fmt}… 100 %" in err
    assert out.exists()


def test_ctrl_c_during_an_image_export_leaves_nothing(tmp_path):
    project = tmp_path / "big.sbx"
    Project.create(project, synthetic_document(15000, 300, 3, n_ties=30000)).close()
    out = tmp_path / "big.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "xdg"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    child = subprocess.Popen([sys.executable, "-m", "explorer", "export", str(project),
                              "--format", "png", "-o",
                              str(out)], cwd=tmp_path, env=env, preexec_fn=_as_from_a_shell,
                             stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    # into the export: its first line comes once it has run half a second (the project's
    # read, before it, has lines of its own)
    line = child.stderr.readline()
    while line.startswith(b"Reading "):
        line = child.stderr.readline()
    assert line.startswith("Exporting big.png… ".encode()), line
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=120)
    assert child.returncode == 130, err
    assert b"Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "xdg") == ["big.sbx"]


def test_every_command_shows_its_reading_of_a_project(tmp_path, capsys, slow):
    from explorer.dataset import load_dataset

    path = tmp_path / "p.sbx"
    Project.create(path, load_dataset()).close()
    assert main(["info", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Project:") and "%" not in out
    lines = [line for line in err.splitlines() if line.startswith("Reading p.sbx… ")]
    assert lines and lines[-1] == "Reading p.sbx… 100 %"


def _as_from_a_shell() -> None:
    """Run in the child before it starts: Ctrl+C as a terminal delivers it. A process
    inherits ignored or blocked signals, and the test runner's may carry either."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_caught_inside_compiled_code_still_exits_130(tmp_path, capsys, monkeypatch):
    """An interrupt that lands while numba loads or compiles a kernel reaches Python as a
    SystemError caused by the KeyboardInterrupt; the command line treats it as Ctrl+C."""
    from explorer import services

    project = tmp_path / "p.sbx"
    Project.create(project, synthetic_document(30, 3, seed=2)).close()

    def interrupted_in_a_kernel(*_args, **_kwargs):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as interrupt:
            raise SystemError("CPUDispatcher(<function build_tree>) returned a result "
                              "with an exception set") from interrupt

    monkeypatch.setattr(services, "export_graph_file", interrupted_in_a_kernel)
    assert main(["export", str(project), "--format", "gexf", "-o",
                 str(tmp_path / "p.gexf")]) == 130
    assert "Traceback" not in capsys.readouterr().err

    def a_real_bug(*_args, **_kwargs):
        raise SystemError("not an interrupt")

    monkeypatch.setattr(services, "export_graph_file", a_real_bug)
    with pytest.raises(SystemError):
        main(["export", str(project), "--format", "gexf", "-o", str(tmp_path / "q.gexf")])
