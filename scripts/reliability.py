"""Reliability harness for the project file (issue "Reliability harness").

    .venv/bin/python scripts/reliability.py kill [--kills 200] [--seed N]
    .venv/bin/python scripts/reliability.py fuzz [--examples 2000] [--seed N]
    .venv/bin/python scripts/reliability.py soak [--edits 10000] [--bound-mb 50]
    .venv/bin/python scripts/reliability.py fuzz-import [--examples 1000] [--seed N]
    .venv/bin/python scripts/reliability.py kill-import [--kills 100] [--nodes 5000]
    .venv/bin/python scripts/reliability.py hostile | extreme   (see reliability_more.py)
    .venv/bin/python scripts/reliability.py all      # each of the above, in turn

kill  A child process (tests/reliability/edit_child.py) applies a stream of edits through
      the CommandStack, with Save As now and then, printing "COMMITTED n" after each
      committed sequence edit. The parent SIGKILLs it at a random moment, then checks the
      file the child was working on: it opens the way the program opens it
      (check_project_file, then Project.open), PRAGMA integrity_check is ok, and every
      edit the child reported as committed is there. The file the last Save As left
      behind must be intact too. Exits 1 on any corrupt file, unopenable file, lost edit
      or child error.
fuzz  Hypothesis-generated files (random bytes, truncations, byte flips, damaged header
      fields, smashed pages, appended garbage, built from real project files) are opened
      with Project.open: only ProjectFileError may escape, and the file must be left
      byte-identical with no journal beside it. Exits 1 on the first counterexample.
fuzz-import  Damaged copies of real GEXF/GraphML/JSON/CSV/COW/ATOP files through every
      importer (scripts/fuzz_imports.py): only ImportFormatError may escape, the file is
      unchanged, peak memory stays under a bound.
all   kill, fuzz, fuzz-import and soak with their defaults; exits 1 if any failed.
soak  Random edits (add/update/delete actors, memberships, ties, layout moves, undo,
      redo) through the CommandStack, with the process's RSS (VmRSS) before and after.
      The undo history is kept, so some growth is expected (each command keeps the old
      and new entity); the bound is generous for that and fails on a real leak.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import random
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explorer.commands import (  # noqa: E402
    CommandStack,
    DeleteActor,
    MoveNodes,
    PutActor,
    PutMembership,
    PutTie,
)
from explorer.model import (  # noqa: E402
    Actor,
    Alliance,
    Bloc,
    Capability,
    Change,
    Document,
    Membership,
    Region,
    Scenario,
    Tie,
    ValidationError,
)
from explorer.store import SCHEMA_VERSION, Project, ProjectFileError  # noqa: E402
from explorer.store.probe import check_project_file  # noqa: E402
from explorer.store.temp_files import remove_stale_temps  # noqa: E402

CHILD = ROOT / "tests" / "reliability" / "edit_child.py"


def sample_document(actors: int = 40) -> Document:
    """A synthetic project with every entity kind (independent of the bundled dataset)."""
    rng = random.Random(7)
    doc = Document(title="Reliability sample")
    doc.regions["world"] = Region("world", "World")
    doc.regions["north"] = Region("north", "North", "world")
    for i in range(actors):
        actor_id = f"A{chr(65 + i // 26)}{chr(65 + i % 26)}"
        doc.actors[actor_id] = Actor(
            actor_id, f"Actor {i} — Ünïcode", "state", ("north",) if i % 2 else ("world",),
            (Capability("milex_usd_bn", rng.uniform(0, 900), 2023, "src"),
             Capability("population_m", rng.uniform(0, 1400), 2023)),
            notes="x" * rng.randint(0, 300),
        )
    ids = sorted(doc.actors)
    for k in range(5):
        doc.alliances[f"al{k}"] = Alliance(f"al{k}", f"Alliance {k}", "collective_defence",
                                           "defence", True, "1990-01-01")
    number = 0
    for actor_id in ids:
        for k in rng.sample(range(5), 2):
            number += 1
            doc.memberships[number] = Membership(f"al{k}", actor_id, "member", "2000-01-01",
                                                 id=number)
    for number in range(1, 31):
        a, b = rng.sample(ids, 2)
        doc.ties[number] = Tie(a, b, rng.choice([1, -1]), id=number)
    doc.blocs["b1"] = Bloc("b1", "Bloc one", "#112233", members=tuple(ids[:10]))
    doc.scenarios["s"] = Scenario("s", (Change("dissolve_alliance", alliance="al0"),))
    return doc


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    return [f"{path}{s}" for s in ("-journal", "-wal", "-shm") if Path(f"{path}{s}").exists()]


# ----- kill ------------------------------------------------------------------------------


class ChildOutput:
    """Reads the child's stdout lines in a thread, so the parent can wait and kill."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._thread.start()

    def _read(self, process: subprocess.Popen) -> None:
        for line in process.stdout:
            self.lines.append(line.strip())
            if line.startswith("READY"):
                self.ready.set()
        self.ready.set()

    def join(self) -> None:
        self._thread.join(timeout=30)


def check_after_kill(path: Path, committed: set[int]) -> tuple[str | None, int]:
    """Open ``path`` as the program would; return (problem or None, number of lost edits)."""
    try:
        check_project_file(path)
    except ProjectFileError as exc:
        return f"unopenable: {exc}", 0
    try:
        with Project.open(path) as project:
            rows = project._conn.execute("PRAGMA integrity_check").fetchall()
            if rows != [("ok",)]:
                return f"corrupt: {rows[:3]}", 0
            present = {
                int(a[3:]) for a in project.document().actors if a.startswith("seq")
            }
    except ProjectFileError as exc:
        return f"unopenable: {exc}", 0
    lost = committed - present
    return (f"lost edits {sorted(lost)[:10]}" if lost else None), len(lost)


def cmd_kill(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="sbx-kill-"))
    current, other = work / "a.sbx", work / "b.sbx"
    Project.create(current, sample_document(20)).close()
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    committed: set[int] = set()
    kills = corrupt = unopenable = lost = child_errors = stale_temp = saves = 0
    uncleaned_temp = 0
    hot_journals = 0
    started = time.monotonic()
    try:
        for round_number in range(args.kills):
            child = subprocess.Popen(
                [sys.executable, str(CHILD), str(current), str(other), str(rng.randrange(2**31))],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=work,
            )
            output = ChildOutput(child)
            output.ready.wait(timeout=60)
            time.sleep(rng.uniform(0, args.max_wait))
            child.send_signal(signal.SIGKILL)
            child.wait()
            output.join()
            stderr = child.stderr.read()
            child.stderr.close()
            child.stdout.close()
            if child.returncode != -signal.SIGKILL:
                child_errors += 1
                print(f"round {round_number}: child exited with {child.returncode}: "
                      f"{stderr.strip()[-500:]}")
            else:
                kills += 1
            for line in output.lines:
                word, _, value = line.partition(" ")
                if word == "COMMITTED":
                    committed.add(int(value))
                elif word == "SAVED_AS":
                    saves += 1
                    if Path(value) != current:
                        current, other = Path(value), current
            if side_files(current):
                hot_journals += 1
            problem, missing = check_after_kill(current, committed)
            if problem:
                print(f"round {round_number}: {current.name}: {problem}")
                lost += missing
                if problem.startswith("corrupt"):
                    corrupt += 1
                elif problem.startswith("unopenable"):
                    unopenable += 1
            if other.exists():
                try:
                    check_project_file(other)
                except ProjectFileError as exc:
                    corrupt += 1
                    print(f"round {round_number}: the Save As copy {other.name} is damaged: {exc}")
            stale_temp += len(list(work.glob("*.tmp")))
            # The program's own clean-up (run by every save) must clear what a kill left.
            remove_stale_temps(other.absolute())
            remove_stale_temps(current.absolute())
            for leftover in work.glob("*.tmp"):
                uncleaned_temp += 1
                leftover.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.monotonic() - started
    print(
        f"kill: {kills} kills in {elapsed:.1f} s, {len(committed)} edits reported committed, "
        f"{saves} Save As completed, {hot_journals} kills left a journal file beside the project"
    )
    print(
        f"kill: corrupt files: {corrupt}, unopenable files: {unopenable}, lost edits: {lost}, "
        f"child errors: {child_errors}, "
        f"Save As temp files left by kills: {stale_temp} (not removed by the next save: "
        f"{uncleaned_temp})"
    )
    return 1 if (corrupt or unopenable or lost or child_errors or uncleaned_temp) else 0


# ----- fuzz ------------------------------------------------------------------------------


def cmd_fuzz(args: argparse.Namespace) -> int:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hypothesis_seed
    from hypothesis import strategies as st

    work = Path(tempfile.mkdtemp(prefix="sbx-fuzz-"))
    bases: list[bytes] = []
    small = work / "small.sbx"
    with Project.create(small, sample_document(40)) as project:
        project.set_positions({f"actor:{a}": (1.0, 2.0, True) for a in project.document().actors})
        project.set_setting("view", {"zoom": 2})
    bases.append(small.read_bytes())
    # The committed file of the current schema: an older one is migrated (so changed) on open.
    current = ROOT / "tests" / "data" / f"project_v{SCHEMA_VERSION}.sbx"
    if current.exists():
        bases.append(current.read_bytes())
    header_fields = [16, 18, 19, 20, 21, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64, 68, 92, 96]

    def mutate(draw_base, kind, data):
        base = bytearray(bases[draw_base % len(bases)])
        if kind == "random":
            return data.draw(st.one_of(st.binary(max_size=4096),
                                       st.binary(min_size=100, max_size=4096).map(
                                           lambda b: b"SQLite format 3\x00" + b[16:])))
        if kind == "truncate":
            return bytes(base[: data.draw(st.integers(0, len(base) - 1))])
        if kind == "flip":
            for _ in range(data.draw(st.integers(1, 16))):
                base[data.draw(st.integers(0, len(base) - 1))] = data.draw(st.integers(0, 255))
            return bytes(base)
        if kind == "header":
            offset = data.draw(st.sampled_from(header_fields))
            base[offset: offset + 4] = data.draw(st.binary(min_size=4, max_size=4))
            return bytes(base)
        if kind == "page":
            page_size = struct.unpack(">H", base[16:18])[0]
            pages = len(base) // page_size
            page = data.draw(st.integers(1, pages - 1))
            start = page * page_size + data.draw(st.integers(0, page_size - 1))
            chunk = data.draw(st.binary(min_size=1, max_size=512))
            base[start: start + len(chunk)] = chunk
            return bytes(base[: len(base)])
        return bytes(base) + data.draw(st.binary(min_size=1, max_size=8192))

    counts = {"cases": 0, "refused": 0, "opened": 0, "opened_unreadable": 0}
    unreadable: dict[str, int] = {}
    target = work / "fuzz.sbx"

    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(base=st.integers(0, 1), kind=st.sampled_from(
        ["random", "truncate", "flip", "header", "page", "append"]), data=st.data())
    def one_case(base, kind, data):
        counts["cases"] += 1
        for stale in work.glob("fuzz.sbx*"):
            stale.unlink()
        target.write_bytes(mutate(base, kind, data))
        before = sha256(target)
        try:
            project = Project.open(target)
        except ProjectFileError as exc:
            counts["refused"] += 1
            assert str(exc).startswith("Cannot open") and "\n" not in exc.reason.strip()
        else:
            counts["opened"] += 1
            try:
                project.document()
            except Exception as exc:  # damage inside records that quick_check cannot see
                counts["opened_unreadable"] += 1
                name = type(exc).__name__
                unreadable[name] = unreadable.get(name, 0) + 1
            project.close()
        assert sha256(target) == before, "the file was changed"
        assert not side_files(target), f"left behind: {side_files(target)}"

    if args.seed is not None:
        one_case = hypothesis_seed(args.seed)(one_case)
    started = time.monotonic()
    status = 0
    try:
        one_case()
    except BaseException as exc:  # hypothesis has printed the falsifying example
        if isinstance(exc, KeyboardInterrupt):
            raise
        traceback.print_exception(exc, limit=-3)
        print(f"fuzz: FAILED: {type(exc).__name__}: {exc}")
        status = 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"fuzz: {counts['cases']} cases in {time.monotonic() - started:.1f} s: "
        f"{counts['refused']} refused with ProjectFileError, {counts['opened']} opened "
        f"({counts['opened_unreadable']} of them unreadable afterwards: damage inside records "
        f"that the integrity check cannot see)"
    )
    if unreadable:
        kinds = ", ".join(f"{name} x{n}" for name, n in sorted(unreadable.items()))
        print(f"fuzz: Project.document() on opened-but-damaged files raised: {kinds}")
    return status


# ----- soak ------------------------------------------------------------------------------


def rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def cmd_soak(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    base = "/dev/shm" if Path("/dev/shm").is_dir() else None  # fsync-free: memory is measured
    work = Path(tempfile.mkdtemp(prefix="sbx-soak-", dir=base))
    project = Project.create(work / "soak.sbx", sample_document(40))
    project.put_alliance(Alliance("hub", "Hub", "technology"))
    stack = CommandStack(project)
    pool = [f"soak{i:03d}" for i in range(150)]
    counts = {"pushed": 0, "refused": 0, "undo": 0, "redo": 0}

    def edit() -> None:
        choice = rng.random()
        doc = project.document()
        if choice < 0.10 and stack.can_undo:
            stack.undo()
            counts["undo"] += 1
            return
        if choice < 0.15 and stack.can_redo:
            stack.redo()
            counts["redo"] += 1
            return
        actor_id = rng.choice(pool)
        if choice < 0.45:
            command = PutActor(Actor(actor_id, f"Soak {actor_id}", "non_state",
                                     capabilities=(Capability("personnel_k", rng.random()),),
                                     notes="n" * rng.randint(0, 200)))
        elif choice < 0.55:
            command = DeleteActor(actor_id)
        elif choice < 0.70:
            command = PutMembership(Membership("hub", actor_id, "member", "2024-01-01"))
        elif choice < 0.80:
            command = PutTie(Tie(actor_id, rng.choice(sorted(doc.actors)), rng.choice([1, -1])))
        else:
            nodes = rng.sample(sorted(doc.actors), min(20, len(doc.actors)))
            command = MoveNodes({f"actor:{a}": (rng.random(), rng.random(), rng.random() < 0.5)
                                 for a in nodes})
        try:
            stack.push(command)
            counts["pushed"] += 1
        except ValidationError:
            counts["refused"] += 1

    started = time.monotonic()
    try:
        for _ in range(200):  # warm-up: imports, caches and SQLite's page cache settle
            edit()
        gc.collect()
        before = rss_kb()
        for _ in range(args.edits):
            edit()
        gc.collect()
        after = rss_kb()
        history = len(stack)
    finally:
        project.close()
        shutil.rmtree(work, ignore_errors=True)
    growth_mb = (after - before) / 1024
    print(
        f"soak: {args.edits} edits in {time.monotonic() - started:.1f} s "
        f"({counts['pushed']} pushed, {counts['refused']} refused by validation, "
        f"{counts['undo']} undos, {counts['redo']} redos; undo history {history} commands)"
    )
    print(
        f"soak: RSS before {before / 1024:.1f} MB, after {after / 1024:.1f} MB, growth "
        f"{growth_mb:.1f} MB (bound {args.bound_mb} MB; includes the kept undo history)"
    )
    return 1 if growth_mb > args.bound_mb else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Reliability harness for project files.")
    sub = parser.add_subparsers(dest="command", required=True)
    kill = sub.add_parser("kill", help="SIGKILL an editing process and check the file")
    kill.add_argument("--kills", type=int, default=200)
    kill.add_argument("--seed", type=int, default=None)
    kill.add_argument("--max-wait", type=float, default=0.5,
                      help="longest time (s) the child edits before it is killed")
    fuzz = sub.add_parser("fuzz", help="open mutated project files")
    fuzz.add_argument("--examples", type=int, default=2000)
    fuzz.add_argument("--seed", type=int, default=None)
    soak = sub.add_parser("soak", help="many edits; RSS before and after")
    soak.add_argument("--edits", type=int, default=10_000)
    soak.add_argument("--bound-mb", type=float, default=50.0)
    soak.add_argument("--seed", type=int, default=1)
    fuzz_import = sub.add_parser("fuzz-import", help="import damaged real files")
    fuzz_import.add_argument("--examples", type=int, default=1000,
                             help="damaged files per importer case")
    fuzz_import.add_argument("--seed", type=int, default=None)
    fuzz_import.add_argument("--bound-mb", type=float, default=500.0)
    kill_import = sub.add_parser("kill-import", help="SIGKILL imports; no half-made project "
                                 "and no litter after the next run")
    kill_import.add_argument("--kills", type=int, default=100)
    kill_import.add_argument("--nodes", type=int, default=5_000)
    kill_import.add_argument("--seed", type=int, default=None)
    sub.add_parser("hostile", help="project files with triggers, views, junk: refused")
    sub.add_parser("extreme", help="inf, nan and 1e300 stored in a project: opens, exports")
    sub.add_parser("all", help="every check above with its defaults")
    args = parser.parse_args(argv)
    if args.command == "all":
        status = 0
        for name in ("kill", "fuzz", "fuzz-import", "soak", "kill-import", "hostile",
                     "extreme"):
            print(f"=== {name}", flush=True)
            status |= main([name])
        print("all: " + ("every check passed" if status == 0 else "SOME CHECK FAILED"))
        return status
    from reliability_more import cmd_extreme, cmd_hostile, cmd_kill_import

    return {"kill": cmd_kill, "fuzz": cmd_fuzz, "soak": cmd_soak,
            "fuzz-import": cmd_fuzz_import, "kill-import": cmd_kill_import,
            "hostile": cmd_hostile, "extreme": cmd_extreme}[args.command](args)


def cmd_fuzz_import(args: argparse.Namespace) -> int:
    from fuzz_imports import fuzz_imports  # scripts/ is on sys.path when run as a script

    return fuzz_imports(args.examples, args.seed, args.bound_mb)


if __name__ == "__main__":
    sys.exit(main())
