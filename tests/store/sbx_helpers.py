"""Helpers of the store and CLI tests: a small document with every entity kind, a file
fingerprint, and the kinds of bad file a user may try to open as a project."""

from __future__ import annotations

import hashlib
import sqlite3
import struct
from pathlib import Path

from explorer.model import (
    Actor,
    Alliance,
    Bloc,
    Capability,
    Change,
    Document,
    Membership,
    Region,
    Scenario,
    Source,
    Tie,
)


def make_document() -> Document:
    doc = Document(title="Store test — Nordic accession")
    for region in (
        Region("europe", "Europe"),
        Region("europe_northern", "Northern Europe", "europe"),
        Region("middle_east", "Middle East"),
        Region("north_america", "North America"),
    ):
        doc.regions[region.id] = region
    doc.sources["sipri"] = Source(
        "sipri", "SIPRI Military Expenditure Database", "SIPRI",
        "https://www.sipri.org/databases/milex", "2024-04-22", "2024-05-01",
    )
    for actor in (
        Actor(
            "SWE", "Sweden", "state", ("europe_northern",),
            (Capability("milex_usd_bn", 8.5, 2023, "sipri"), Capability("population_m", 10.5, 2023)),
            notes="Joined NATO in 2024.", source="sipri",
        ),
        Actor("FIN", "Finland", "state", ("europe_northern",), (Capability("personnel_k", 24.0),)),
        Actor("TUR", "Türkiye", "state", ("europe", "middle_east")),
        Actor("USA", "United States", "state", ("north_america",),
              (Capability("warheads", 3708, 2024),)),
        Actor("RUS", "Russia", "state", ("europe",)),
        Actor("hezbollah", "Hezbollah", "non_state", ("middle_east",)),
    ):
        doc.actors[actor.id] = actor
    doc.alliances["nato"] = Alliance(
        "nato", "NATO", "collective_defence", "defence", True, "1949-04-04", None, "treaty"
    )
    doc.alliances["axis"] = Alliance(
        "axis", "Axis of Resistance", "proxy_network", "none", False, notes="informal"
    )
    for m in (
        Membership("nato", "USA", "founder", "1949-08-24", id=1),
        Membership("nato", "TUR", "member", "1952-02-18", id=2),
        Membership("nato", "FIN", "member", "2023-04-04", id=3),
        Membership("nato", "SWE", "member", "2024-03-07", source="nato.int", notes="32nd", id=4),
        Membership("axis", "hezbollah", "member", id=5),
    ):
        doc.memberships[m.id] = m
    doc.ties[1] = Tie("RUS", "USA", -1, "rivalry", "2014-03-18", id=1)
    doc.ties[2] = Tie("SWE", "FIN", 1, "partnership", notes="close", id=2)
    doc.blocs["west"] = Bloc("west", "Western-aligned", "#1f77b4", "NATO and partners",
                             ("USA", "SWE", "FIN", "TUR"))
    doc.blocs["east"] = Bloc("east", "Russia and friends", "#d62728", members=("RUS",))
    doc.scenarios["Türkiye leaves"] = Scenario(
        "Türkiye leaves",
        (Change("remove_membership", actor="TUR", alliance="nato"),
         Change("move_to_bloc", actor="TUR", bloc="east")),
        notes="what if",
    )
    doc.scenarios["No NATO"] = Scenario("No NATO", (Change("dissolve_alliance", alliance="nato"),))
    return doc


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[Path]:
    """SQLite's journal/WAL files beside ``path`` (none may be left by a refused open)."""
    return [
        Path(f"{path}{suffix}")
        for suffix in ("-journal", "-wal", "-shm")
        if Path(f"{path}{suffix}").exists()
    ]


PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def corrupt_btree_page(
    path: Path, table: str = "memberships", offset: int = 0, length: int | None = None
) -> None:
    """Overwrite part of a table's root b-tree page (default: its first half) with 0xff."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size + offset)
        handle.write(b"\xff" * (length if length is not None else page_size // 2))


def bad_files(tmp_path: Path, project_path: Path) -> dict[str, Path]:
    """One file (or folder, or missing path) for every kind of thing that is not a project."""
    out: dict[str, Path] = {}
    text = tmp_path / "notes.sbx"
    text.write_text("These are my notes about NATO, not a project.\n", encoding="utf-8")
    out["text"] = text
    empty = tmp_path / "empty.sbx"
    empty.write_bytes(b"")
    out["empty"] = empty
    png = tmp_path / "picture.sbx"
    png.write_bytes(PNG_BYTES)
    out["png"] = png
    other = tmp_path / "other-app.sbx"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.commit()
    conn.close()
    out["other_sqlite"] = other
    newer = tmp_path / "newer.sbx"
    data = bytearray(project_path.read_bytes())
    data[60:64] = struct.pack(">i", 99)
    newer.write_bytes(bytes(data))
    out["newer"] = newer
    truncated = tmp_path / "truncated.sbx"
    whole = project_path.read_bytes()
    truncated.write_bytes(whole[: len(whole) // 2])
    out["truncated"] = truncated
    corrupt = tmp_path / "corrupt.sbx"
    corrupt.write_bytes(whole)
    corrupt_btree_page(corrupt)
    out["corrupt"] = corrupt
    # Damaged cell pointers: quick_check answers with a multi-line report, not an error.
    report = tmp_path / "corrupt-report.sbx"
    report.write_bytes(whole)
    corrupt_btree_page(report, "meta", offset=8, length=64)
    out["corrupt_report"] = report
    folder = tmp_path / "folder.sbx"
    folder.mkdir()
    out["folder"] = folder
    out["missing"] = tmp_path / "missing.sbx"
    return out


#: Words the message for each kind of bad file must contain.
BAD_FILE_WORDS = {
    "text": "not a SQLite database",
    "empty": "empty",
    "png": "not a SQLite database",
    "other_sqlite": "another program",
    "newer": "newer version",
    "truncated": "truncated",
    "corrupt": "corrupt",
    "corrupt_report": "corrupt",
    "folder": "folder",
    "missing": "does not exist",
}
