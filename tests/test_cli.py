"""The command line: version, help, info, new, JSON export round trip, bad files."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explorer import __version__
from explorer.cli import main
from explorer.io.json_document import document_from_dict, document_to_json
from explorer.store import SCHEMA_VERSION, Project

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def _helpers():
    spec = importlib.util.spec_from_file_location(
        "sbx_helpers", ROOT / "tests" / "store" / "sbx_helpers.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


helpers = _helpers()


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd, timeout=120,
    )


@pytest.fixture
def v1(tmp_path) -> Path:
    copy = tmp_path / "v1.sbx"
    shutil.copyfile(DATA / "project_v1.sbx", copy)
    return copy


@pytest.fixture
def small(tmp_path) -> Path:
    path = tmp_path / "small.sbx"
    Project.create(path, helpers.make_document()).close()
    return path


# ----- subprocess: the real entry point -------------------------------------------------


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"balance-explorer {__version__}"


def test_help_lists_every_command():
    result = run("--help")
    assert result.returncode == 0
    for command in ("info", "new", "export", "report", "import", "gui"):
        assert command in result.stdout
    assert result.stderr == ""


def test_info_on_a_project(v1):
    result = run("info", str(v1))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Project:        Back-compat project v1"
    assert "Actors:         4" in lines
    assert "Memberships:    3" in lines
    assert "Figures:        4" in lines
    assert result.stderr == ""


def test_new_then_info(tmp_path):
    target = tmp_path / "X.sbx"
    result = run("new", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Created {target}"
    info = run("info", str(target))
    assert info.returncode == 0, info.stderr
    assert "Actors:" in info.stdout and f"Schema version: {SCHEMA_VERSION}" in info.stdout
    actors = int(next(ln for ln in info.stdout.splitlines() if ln.startswith("Actors:")).split()[1])
    assert actors > 0
    again = run("new", "-o", str(target))
    assert again.returncode == 2 and "already exists" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1


def test_new_empty_with_title(tmp_path):
    target = tmp_path / "empty.sbx"
    result = run("new", "--empty", "--title", "Blank slate", "-o", str(target))
    assert result.returncode == 0, result.stderr
    with Project.open(target) as project:
        assert project.title == "Blank slate"
        assert sum(project.counts().values()) == 0


def round_trip_json(path: Path, tmp_path: Path) -> None:
    first = run("export", str(path), "--format", "json", "-o", "-")
    assert first.returncode == 0, first.stderr
    data = json.loads(first.stdout)
    assert data["format"] == "strategic-balance-explorer"
    rebuilt = tmp_path / "rebuilt.sbx"
    Project.create(rebuilt, document_from_dict(data)).close()
    second = run("export", str(rebuilt), "--format", "json", "-o", "-")
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout


def test_export_json_round_trip(small, tmp_path):
    round_trip_json(small, tmp_path)


def test_export_json_round_trip_of_the_v1_project(v1, tmp_path):
    round_trip_json(v1, tmp_path)


def test_export_json_round_trip_of_the_dataset(tmp_path):
    target = tmp_path / "world.sbx"
    assert run("new", "-o", str(target)).returncode == 0
    round_trip_json(target, tmp_path)


def test_import_of_our_json_export_rebuilds_the_same_project(tmp_path):
    exported = tmp_path / "world.json"
    assert run("export", "--format", "json", "-o", str(exported)).returncode == 0
    rebuilt = tmp_path / "rebuilt.sbx"
    result = run("import", str(exported), "-o", str(rebuilt))
    assert result.returncode == 0, result.stderr
    from explorer.dataset import load_dataset

    doc = load_dataset()
    counts = (f"{len(doc.actors)} actors, {len(doc.alliances)} alliances, "
              f"{len(doc.memberships)} memberships")
    assert counts in result.stdout
    again = run("export", str(rebuilt), "--format", "json", "-o", "-")
    assert again.stdout == exported.read_text(encoding="utf-8")


def test_import_of_an_invalid_json_export_names_the_problem_and_writes_nothing(
    small, tmp_path
):
    exported = tmp_path / "small.json"
    assert run("export", str(small), "--format", "json", "-o", str(exported)).returncode == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["memberships"][0]["actor"] = "ZZZ"
    exported.write_text(json.dumps(data, indent=2), encoding="utf-8")
    before = exported.read_bytes()
    target = tmp_path / "never.sbx"
    result = run("import", str(exported), "-o", str(target))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "small.json" in result.stderr and "ZZZ" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not target.exists()
    assert exported.read_bytes() == before


def test_export_json_to_a_file(small, tmp_path):
    out = tmp_path / "out.json"
    result = run("export", str(small), "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    with Project.open(small) as project:
        assert out.read_text(encoding="utf-8") == document_to_json(project.document(), SCHEMA_VERSION)


BAD_KINDS = sorted(helpers.BAD_FILE_WORDS)


@pytest.mark.parametrize(
    ("command", "kind"),
    [("info", kind) for kind in BAD_KINDS]
    + [("export", kind) for kind in ("text", "other_sqlite", "newer", "corrupt", "missing")],
)
def test_bad_file_gives_one_line_and_changes_nothing(tmp_path, small, kind, command):
    path = helpers.bad_files(tmp_path, small)[kind]
    before = helpers.sha256(path) if path.is_file() else None
    args = [command, str(path)]
    if command == "export":
        args += ["--format", "json", "-o", "-"]
    result = run(*args)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("balance-explorer: Cannot open")
    assert helpers.BAD_FILE_WORDS[kind] in lines[0]
    assert result.stdout == ""
    if before is not None:
        assert helpers.sha256(path) == before
    assert not helpers.side_files(path)


# ----- in process: quicker checks of main() ------------------------------------------------


def test_main_info(v1, capsys):
    assert main(["info", str(v1)]) == 0
    out = capsys.readouterr().out
    assert "Back-compat project v1" in out and "Alliances:      2" in out


def test_main_export_json(small, capsys):
    assert main(["export", str(small), "--format", "json", "-o", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {a["id"] for a in data["actors"]} == set(helpers.make_document().actors)
    assert data["schema"] == SCHEMA_VERSION


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_main_bad_file(tmp_path, small, capsys, kind):
    path = helpers.bad_files(tmp_path, small)[kind]
    assert main(["info", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert helpers.BAD_FILE_WORDS[kind] in captured.err


def test_main_new_refuses_an_existing_file(small, capsys):
    before = helpers.sha256(small)
    assert main(["new", "--empty", "-o", str(small)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert helpers.sha256(small) == before


def test_main_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["export"])  # --format and -o are required
    assert info.value.code == 2
    assert "required" in capsys.readouterr().err


def _shares(capsys) -> dict[str, float]:
    report = json.loads(capsys.readouterr().out)
    return {row["actor"]: row["share"] for row in report["capability"]["top"]}


def test_report_weights_change_the_capability_index(small, capsys):
    # personnel is weighted 0 by default (no open source); Finland has only personnel
    assert main(["report", str(small), "--format", "json"]) == 0
    assert _shares(capsys) == pytest.approx({"SWE": 1.0})
    assert main(["report", str(small), "--weight", "personnel_k=1", "--format", "json"]) == 0
    assert _shares(capsys) == pytest.approx({"SWE": 0.5, "FIN": 0.5})
    assert main(["report", str(small), "--weight", "milex_usd_bn=3"]) == 0
    assert (
        "Weights: milex_usd_bn 3, personnel_k 0, population_m 1, urban_population_m 1,"
        " energy_mtoe 1, gdp_usd_bn 0, gdp_ppp_bn 0"
    ) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("height=2", "'height' is not an index metric"),
        ("milex_usd_bn", "write METRIC=NUMBER"),
        ("milex_usd_bn=-1", "must be 0 or more"),
    ],
)
def test_report_refuses_a_bad_weight_in_one_line(small, capsys, item, message):
    assert main(["report", str(small), "--weight", item]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_report_names_changes_outside_the_view(capsys):
    args = ["report", "--region", "central_asia", "--region", "south_caucasus",
            "--as-of", "2022-06-30", "--remove", "TUR@nato", "--remove", "ARM@csto"]
    assert main(args) == 0
    assert "Outside the view, so without effect here: TUR leaves nato\n" in (
        capsys.readouterr().out
    )
    assert main([*args, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["comparison"]["outside_view"] == ["TUR leaves nato"]


def test_report_blocs_and_glossary_options(small, capsys):
    args = ["report", str(small), "--remove", "TUR@nato"]
    assert main([*args, "--blocs", "detected", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["blocs"]["headline"] == "detected"
    assert report["comparison"]["headline"] == "detected"
    assert report["summary"][0].startswith("NATO loses Türkiye")
    assert main([*args, "--glossary"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Strategic balance report") and "\nSummary\n" in out
    assert "Alliance aggregate [alliance_share]" in out
    with pytest.raises(SystemExit) as info:
        main([*args, "--blocs", "nonsense"])
    assert info.value.code == 2
