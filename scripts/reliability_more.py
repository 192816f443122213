"""Reliability checks of issue #20, run by scripts/reliability.py:

kill-import  SIGKILL ``balance-explorer import BIG.gexf -o out.sbx`` at random moments;
      after each kill the destination is either absent or a project that opens, and the
      next run that writes in the folder (another import) leaves no temporary file,
      journal or lock behind. Prints kills, half-made projects and files left over.
hostile  Project files carrying triggers, views, virtual tables, unknown tables, junk rows
      or huge values: each is refused with a one-line reason and left unchanged.
extreme  Positions, sizes, weights and figures of 1e300, inf and nan stored straight into
      a project: it opens, the layout settles, and PNG/SVG/PDF exports are written.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _big_gexf(path: Path, nodes: int) -> None:
    from explorer.io import export_graph
    from explorer.synthetic import synthetic_document

    export_graph(synthetic_document(nodes, max(5, nodes // 20), 3, n_ties=2 * nodes), path,
                 "gexf")


def _env() -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _import(source: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "explorer", "import", str(source), "-o",
                             str(out)], env=_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def _litter(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".")
                  and (".tmp" in p.name or p.name.endswith(".lock")))


def cmd_kill_import(args: argparse.Namespace) -> int:
    from explorer.store import Project, ProjectFileError
    from explorer.store.probe import check_project_file

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="sbx-kill-import-") as tmp:
        folder = Path(tmp)
        source = folder / "big.gexf"
        _big_gexf(source, args.nodes)
        t0 = time.perf_counter()
        probe = _import(source, folder / "probe.sbx")
        probe.wait()
        duration = time.perf_counter() - t0
        (folder / "probe.sbx").unlink()
        print(f"kill-import: {args.nodes:,}-node GEXF ({source.stat().st_size / 1e6:.1f} MB), "
              f"a whole import takes {duration:.2f} s")
        half_made = finished = 0
        left_over: list[str] = []
        for n in range(args.kills):
            out = folder / f"out{n}.sbx"
            child = _import(source, out)
            time.sleep(rng.uniform(0.02, duration * 1.05))
            child.send_signal(signal.SIGKILL)
            child.wait()
            if out.exists():
                try:
                    check_project_file(out)
                    Project.open(out).close()
                    finished += 1
                except ProjectFileError:
                    half_made += 1
                out.unlink(missing_ok=True)
            # the next run that writes in this folder cleans up after the dead one
            nxt = folder / "next.sbx"
            Project.create(nxt, None).close()
            nxt.unlink()
            left_over += _litter(folder)
        print(f"kill-import: {args.kills} kills ({finished} after the import had finished), "
              f"{half_made} half-made projects, {len(left_over)} files left after the next "
              "run" + (f": {left_over[:5]}" if left_over else ""))
        return 1 if half_made or left_over else 0


def cmd_hostile(_args: argparse.Namespace) -> int:
    from explorer.model.entities import Actor, Document
    from explorer.store import Project, ProjectFileError

    cases = {
        "trigger": "CREATE TRIGGER t AFTER UPDATE ON actors BEGIN DELETE FROM actors; END",
        "view": "CREATE VIEW v AS SELECT * FROM actors",
        "virtual table": "CREATE VIRTUAL TABLE hidden USING fts5(body)",
        "unknown table": "CREATE TABLE payload (x BLOB)",
        "junk rows": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
                     "i < 5000001) INSERT INTO settings SELECT 'k' || i, '1' FROM n",
        "huge value": "UPDATE actors SET notes = hex(zeroblob(9000000))",
    }
    failures = 0
    with tempfile.TemporaryDirectory(prefix="sbx-hostile-") as tmp:
        for name, sql in cases.items():
            path = Path(tmp) / f"{name}.sbx"
            doc = Document(title=name)
            doc.actors["TUR"] = Actor("TUR", "Türkiye")
            Project.create(path, doc).close()
            conn = sqlite3.connect(path)
            conn.executescript(sql)
            conn.commit()
            conn.close()
            before = hashlib.sha256(path.read_bytes()).hexdigest()
            try:
                Project.open(path).close()
                outcome = "OPENED (not refused)"
                failures += 1
            except ProjectFileError as exc:
                outcome = f"refused: {exc.reason}"
            if hashlib.sha256(path.read_bytes()).hexdigest() != before:
                outcome += " — FILE CHANGED"
                failures += 1
            print(f"hostile {name}: {outcome}")
    print(f"hostile: {len(cases)} files, {len(cases) - failures} refused cleanly")
    return 1 if failures else 0


def cmd_extreme(_args: argparse.Namespace) -> int:
    from explorer.dataset import load_dataset
    from explorer.services import export_image
    from explorer.store import Project
    from explorer.ui.export.renderer import render_page

    values = (1e300, -1e300, float("inf"), float("-inf"), float("nan"), 1e-300)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="sbx-extreme-") as tmp:
        for n, value in enumerate(values):
            path = Path(tmp) / f"x{n}.sbx"
            Project.create(path, load_dataset()).close()
            conn = sqlite3.connect(path)
            at = value if value == value else float("inf")  # SQLite stores NaN as NULL
            conn.execute("INSERT OR REPLACE INTO positions (node, x, y, pinned) VALUES "
                         "('actor:TUR', ?, ?, 1), ('actor:USA', 1, ?, 0)", (at, at, at))
            conn.execute("INSERT OR REPLACE INTO node_styles (node, color, size) VALUES "
                         "('actor:FRA', '#ff0000', ?)", (value,))
            conn.execute("INSERT OR REPLACE INTO edge_props (edge, weight, directed) VALUES "
                         "('tie:1', ?, 0)", (value,))
            stored = f"[{value!r}]".replace("inf", "Infinity").replace("nan", "NaN")
            conn.execute('UPDATE figure_series SET "values" = ? WHERE actor = ? AND '
                         "position = 0", (stored, "TUR"))
            conn.commit()
            conn.close()
            try:
                with Project.open(path) as project:
                    for fmt in ("png", "svg", "pdf"):
                        export_image(project, Path(tmp) / f"x{n}.{fmt}", fmt, None, render_page)
                print(f"extreme {value!r}: opened, exported PNG, SVG, PDF")
            except Exception as exc:  # any exception is a failure of this check
                failures += 1
                print(f"extreme {value!r}: FAILED {type(exc).__name__}: {exc}")
    return 1 if failures else 0
