"""Only explorer.ui may import Qt: every other module must import with Qt unavailable."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "explorer"
BLOCKED = ("PySide6", "pyqtgraph", "shiboken6")
#: Optional accelerators: when they are not installed their modules are skipped, not failed.
OPTIONAL = ("numba", "igraph")


def non_ui_modules() -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).with_suffix("")
        parts = list(relative.parts)
        if parts[:2] == ["explorer", "ui"] or "_bundled" in parts or parts[-1] == "__main__":
            continue  # __main__ runs the program when imported
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out.append(".".join(parts))
    return out


# Runs in a fresh interpreter: a meta-path finder refuses Qt and records which explorer
# module asked for it (the innermost explorer frame on the stack).
PROBE = r"""
import importlib, json, sys, traceback

BLOCKED = set(json.loads(sys.argv[1]))
OPTIONAL = set(json.loads(sys.argv[2]))
modules = json.loads(sys.argv[3])
attempts = []


class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] not in BLOCKED:
            return None
        importer = "?"
        frame = sys._getframe(1)
        while frame is not None:
            module = frame.f_globals.get("__name__", "")
            if module.startswith("explorer"):
                importer = f"{module} (line {frame.f_lineno})"
                break
            frame = frame.f_back
        attempts.append([name, importer])
        raise ImportError(f"{name} is blocked: only explorer.ui may import Qt", name=name)


sys.meta_path.insert(0, Blocker())
for name in list(sys.modules):
    if name.split(".")[0] in BLOCKED:
        del sys.modules[name]

failures, skipped = [], []
for module in modules:
    try:
        importlib.import_module(module)
    except ImportError as exc:
        root = (exc.name or "").split(".")[0]
        if root in OPTIONAL:
            skipped.append([module, root])
        else:
            failures.append([module, f"{type(exc).__name__}: {exc}"])
    except Exception as exc:
        failures.append([module, "".join(traceback.format_exception_only(exc)).strip()])
print(json.dumps({"attempts": attempts, "failures": failures, "skipped": skipped}))
"""


def run_probe(modules: list[str], extra_path: Path | None = None) -> dict:
    path = os.pathsep.join(str(p) for p in (ROOT, extra_path) if p is not None)
    env = dict(os.environ, PYTHONPATH=path, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(BLOCKED), json.dumps(OPTIONAL),
         json.dumps(modules)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_module_list_covers_the_layers():
    modules = non_ui_modules()
    for expected in ("explorer.model.entities", "explorer.store.project", "explorer.commands",
                     "explorer.cli"):
        assert expected in modules
    assert not any(m.startswith("explorer.ui") for m in modules)


def offenders(report: dict) -> list[str]:
    return sorted({f"{importer} imports {name}" for name, importer in report["attempts"]})


def test_no_non_ui_module_imports_qt():
    report = run_probe(non_ui_modules())
    found = offenders(report)
    assert not found, "Qt imported outside explorer.ui:\n  " + "\n  ".join(found)
    assert not report["failures"], "modules that failed to import without Qt:\n  " + "\n  ".join(
        f"{module}: {error}" for module, error in report["failures"]
    )


def test_the_probe_names_the_offender(tmp_path):
    """The probe itself works: a module that imports Qt (even lazily, and even when it
    swallows the ImportError) is caught and named with its line."""
    package = tmp_path / "explorer_layering_fixture"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "loud.py").write_text("from explorer.model import Actor\nimport pyqtgraph\n")
    (package / "quiet.py").write_text(
        "try:\n    from PySide6 import QtCore\nexcept ImportError:\n    QtCore = None\n"
    )
    modules = ["explorer_layering_fixture.loud", "explorer_layering_fixture.quiet"]
    report = run_probe(modules, extra_path=tmp_path)
    assert offenders(report) == [
        "explorer_layering_fixture.loud (line 2) imports pyqtgraph",
        "explorer_layering_fixture.quiet (line 2) imports PySide6",
    ]
    assert [module for module, _ in report["failures"]] == ["explorer_layering_fixture.loud"]


def lint_imports() -> str | None:
    candidate = Path(sys.executable).parent / "lint-imports"
    return str(candidate) if candidate.exists() else shutil.which("lint-imports")


def contract_as_ini(tmp_path: Path) -> Path:
    """The pyproject contract as an .importlinter file, with include_external_packages at
    the top level where import-linter reads it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "importlinter"
    ]
    lines = ["[importlinter]", f"root_package = {config['root_package']}",
             "include_external_packages = True", ""]
    for number, contract in enumerate(config["contracts"]):
        lines.append(f"[importlinter:contract:{number}]")
        for key, value in contract.items():
            if key == "include_external_packages":
                continue
            if isinstance(value, list):
                lines.append(f"{key} =")
                lines.extend(f"    {item}" for item in value)
            else:
                lines.append(f"{key} = {value}")
        lines.append("")
    path = tmp_path / ".importlinter"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_import_linter_contract_is_kept(tmp_path):
    assert lint_imports() is not None, "import-linter (the test extra) is not installed"
    config = contract_as_ini(tmp_path)
    result = subprocess.run(
        [lint_imports(), "--config", str(config), "--no-cache"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout and "KEPT" in result.stdout


def test_lint_imports_with_the_pyproject_config():
    assert lint_imports() is not None, "import-linter (the test extra) is not installed"
    result = subprocess.run(
        [lint_imports(), "--no-cache"], capture_output=True, text=True, cwd=ROOT, timeout=120,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert result.returncode == 0, result.stdout + result.stderr
