"""The report's stage progress: counted in order by the services, printed on stderr by
the command line only when a stage runs long, never on stdout."""

from __future__ import annotations

import io
import signal

import pytest

from explorer.cli_progress import StageProgress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _calls(request=None):
    from explorer.dataset import load_dataset
    from explorer.services.reports import make_report, make_report_stages

    seen: list[tuple[int, int]] = []

    class _Doc:  # a Project stand-in: make_report only asks for the document
        def document(self):
            return load_dataset()

    text = make_report(_Doc(), request, progress=lambda d, t: seen.append((d, t)))
    assert text == make_report(_Doc(), request)  # progress changes nothing in the text
    return seen, make_report_stages(request)


def test_report_progress_counts_every_stage_in_order():
    seen, stages = _calls()
    total = len(stages)
    assert [d for d, _ in seen] == list(range(total + 1))
    assert {t for _, t in seen} == {total}
    assert "betweenness" in stages and "detected blocs" in stages


def test_what_if_report_progress_has_its_own_stages():
    from explorer.services import ViewRequest

    seen, stages = _calls(ViewRequest(removes=("TUR",)))
    assert "what-if comparison" in stages
    assert [d for d, _ in seen] == list(range(len(stages) + 1))


def test_a_long_stage_is_named_on_plain_lines():
    out = io.StringIO()
    with StageProgress("Computing report", ("load", "betweenness"), out, delay=0.0) as p:
        p(0, 2)
        p._timer.join()
        p(1, 2)
        p._timer.join()
        p(2, 2)
    assert out.getvalue() == ("Computing report… stage 1 of 2 (load)\n"
                              "Computing report… stage 2 of 2 (betweenness)\n")


def test_on_a_terminal_one_line_is_rewritten_then_wiped():
    out = _Tty()
    with StageProgress("Computing report", ("reading the project", "x"), out, delay=0.0) as p:
        p(0, 2)
        p._timer.join()
        p(1, 2)
        p._timer.join()
    text = out.getvalue()
    assert "\n" not in text
    assert text.startswith("\rComputing report… stage 1 of 2 (reading the project)")
    assert "\rComputing report… stage 2 of 2 (x)" in text
    assert text.endswith("\r")  # wiped: the report that follows starts on a clean line


@pytest.mark.parametrize("stream", [io.StringIO, _Tty])
def test_quick_stages_print_nothing(stream):
    out = stream()
    with StageProgress("Computing report", ("a", "b"), out, delay=30.0) as p:
        p(0, 2)
        p(1, 2)
        p(2, 2)
    assert out.getvalue() == ""


def test_cli_report_stdout_is_the_report(capsys):
    from explorer.cli import main
    from explorer.project_files import open_project
    from explorer.services.reports import make_report

    assert main(["report"]) == 0
    out = capsys.readouterr().out
    with open_project(None) as project:
        assert out == make_report(project)


def test_a_long_report_names_its_stages_and_ctrl_c_exits_130(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    from explorer.store import Project
    from explorer.synthetic import synthetic_document

    root = Path(__file__).resolve().parents[1]
    path = tmp_path / "big.sbx"
    # large enough that a report runs for seconds, stage after stage
    Project.create(path, synthetic_document(15000, 600, 3, n_ties=30000)).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "xdg"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    child = subprocess.Popen([sys.executable, "-m", "explorer", "report", str(path)],
                             preexec_fn=_as_from_a_shell,
                             cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    first = child.stderr.readline()  # a stage ran over half a second: named, plain line
    while first.startswith(b"Reading "):  # the project's read, before the report
        first = child.stderr.readline()
    assert first.startswith("Computing report… stage ".encode()) and b" of 9 (" in first
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 130, err
    assert out == b"" and b"Traceback" not in err


def _as_from_a_shell() -> None:
    """Run in the child before it starts: Ctrl+C as a terminal delivers it. A process
    inherits ignored or blocked signals, and the test runner's may carry either."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    signal.signal(signal.SIGINT, signal.SIG_DFL)
