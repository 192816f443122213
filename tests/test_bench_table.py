"""scripts/bench_table.py: the README's benchmark table comes from a run's log only."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_emitted_lines_become_the_readme_table(tmp_path, capsys):
    results = _load(ROOT / "tests" / "benchmarks" / "results.py", "bench_results")
    results.emit("import | 100k", "16.7 s", "read_gexf 6.8 s", results.times(16.7, 6.8),
                 "≤ 1.5×", False)
    results.emit("pan", "34 fps", target="≥ 30 fps", met=True)
    log = "bench run: 2026-12-03 10:00 UTC, 2 cores\nnoise\n" + capsys.readouterr().out
    (tmp_path / "log.txt").write_text(log, encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text("intro\n<!-- bench-table:start -->\nold\n<!-- bench-table:end -->\nafter\n",
                      encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_table.py"),
                          str(tmp_path / "log.txt"), str(readme)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    text = readme.read_text(encoding="utf-8")
    assert "old" not in text and text.startswith("intro\n") and text.endswith("after\n")
    assert "2026-12-03 10:00 UTC" in text
    assert "| import / 100k | 16.7 s | read_gexf 6.8 s | 2.46× | ≤ 1.5× | **over** |" in text
    assert "| pan | 34 fps | — |  | ≥ 30 fps | met |" in text


def test_a_log_without_results_leaves_the_readme_alone(tmp_path):
    (tmp_path / "log.txt").write_text("=== bench_x.py\nTraceback …\n", encoding="utf-8")
    readme = tmp_path / "README.md"
    original = "<!-- bench-table:start -->\nkept\n<!-- bench-table:end -->\n"
    readme.write_text(original, encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_table.py"),
                          str(tmp_path / "log.txt"), str(readme)], capture_output=True, text=True)
    assert run.returncode == 1 and "no RESULT lines" in run.stderr
    assert readme.read_text(encoding="utf-8") == original
