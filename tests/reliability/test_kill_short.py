"""Short CI runs of the reliability harness (scripts/reliability.py); full runs are manual."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "scripts" / "reliability.py"


def harness(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=300,
    )


def test_kill_harness_short():
    result = harness("kill", "--kills", "20", "--seed", "20", "--max-wait", "0.4")
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert "corrupt files: 0, unopenable files: 0, lost edits: 0, child errors: 0" in summary
    assert "kill: 20 kills" in result.stdout


def test_fuzz_harness_short():
    result = harness("fuzz", "--examples", "300", "--seed", "1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "refused with ProjectFileError" in result.stdout


def test_soak_harness_short():
    result = harness("soak", "--edits", "500", "--bound-mb", "50")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "RSS before" in result.stdout


def test_import_fuzz_harness_short():
    result = harness("fuzz-import", "--examples", "40", "--seed", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    # 7 interop files, 3 of our exports, the COW and ATOP samples: 40 damaged files each
    assert "480 damaged files through 12 importer cases" in result.stdout
    assert ", 0 failures" in result.stdout
