"""The project file's schema and its upward migrations.

All pending migrations run in one transaction together with the ``user_version`` bump,
so a failure leaves the file as it was. Extend by adding tables and columns,
never by changing what an existing column means.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

#: "SBXE" — identifies a Strategic Balance Explorer project in the SQLite header.
APPLICATION_ID = 0x53425845

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE regions (id TEXT PRIMARY KEY, name TEXT NOT NULL, parent TEXT);
CREATE TABLE sources (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT, url TEXT,
    published TEXT, accessed TEXT
);
CREATE TABLE actors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT ''
);
CREATE TABLE actor_regions (
    actor TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    region TEXT NOT NULL, position INTEGER NOT NULL,
    PRIMARY KEY (actor, region)
);
CREATE TABLE capabilities (
    actor TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    metric TEXT NOT NULL, value REAL NOT NULL, year INTEGER,
    source TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL,
    PRIMARY KEY (actor, metric)
);
CREATE TABLE alliances (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, obligation TEXT NOT NULL,
    formal INTEGER NOT NULL, founded TEXT, ended TEXT,
    source TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE memberships (
    id INTEGER PRIMARY KEY,
    alliance TEXT NOT NULL REFERENCES alliances(id),
    actor TEXT NOT NULL REFERENCES actors(id),
    role TEXT NOT NULL, joined TEXT, "left" TEXT,
    source TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX memberships_actor ON memberships(actor);
CREATE INDEX memberships_alliance ON memberships(alliance);
CREATE TABLE ties (
    id INTEGER PRIMARY KEY,
    a TEXT NOT NULL REFERENCES actors(id), b TEXT NOT NULL REFERENCES actors(id),
    sign INTEGER NOT NULL, kind TEXT NOT NULL DEFAULT '', start TEXT, "end" TEXT,
    source TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ties_a ON ties(a);
CREATE INDEX ties_b ON ties(b);
CREATE TABLE blocs (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, color TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE bloc_members (
    bloc TEXT NOT NULL REFERENCES blocs(id) ON DELETE CASCADE,
    actor TEXT NOT NULL REFERENCES actors(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (bloc, actor)
);
CREATE TABLE scenarios (name TEXT PRIMARY KEY, notes TEXT NOT NULL DEFAULT '');
CREATE TABLE scenario_changes (
    scenario TEXT NOT NULL REFERENCES scenarios(name) ON DELETE CASCADE ON UPDATE CASCADE,
    position INTEGER NOT NULL, kind TEXT NOT NULL,
    actor TEXT, alliance TEXT, bloc TEXT,
    PRIMARY KEY (scenario, position)
);
CREATE TABLE positions (
    node TEXT PRIMARY KEY, x REAL NOT NULL, y REAL NOT NULL,
    pinned INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    for statement in _V1.split(";"):
        if statement.strip():
            conn.execute(statement)


def _migrate_to_2(conn: sqlite3.Connection) -> None:
    """Figures become time series with a ``derived`` flag, in a new ``figure_series`` table.

    ``capabilities`` allowed one figure per actor and metric (its primary key), so it
    cannot hold a series. A ``figure_series`` row is a run of an actor's consecutive
    figures with the same metric, source and flag: ``years`` and ``values`` are JSON
    arrays of equal length (a year may be null: undated). The default dataset's ~26 000
    figures are ~540 runs, which writes three times faster than one row per figure
    (SQL can still list single figures with ``json_each``). The old rows move over
    unchanged, one run each, marked published (as every figure before schema 2 was), and
    the old table is dropped so that no stale copy remains. ``actor`` has no foreign key,
    like before the checks it would cost; ``Project.delete_actor`` deletes an actor's
    figures itself, and reading ignores runs of unknown actors.
    """
    conn.execute(
        """CREATE TABLE figure_series (
            actor TEXT NOT NULL,
            position INTEGER NOT NULL,
            metric TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            derived INTEGER NOT NULL DEFAULT 0,
            years TEXT NOT NULL,
            "values" TEXT NOT NULL,
            PRIMARY KEY (actor, position)
        ) WITHOUT ROWID"""
    )
    old = conn.execute(
        "SELECT actor, position, metric, source, year, value FROM capabilities"
    ).fetchall()
    conn.executemany(
        'INSERT INTO figure_series (actor, position, metric, source, derived, years, "values")'
        " VALUES (?, ?, ?, ?, 0, ?, ?)",
        [
            (actor, position, metric, source, json.dumps([year]), json.dumps([float(value)]))
            for actor, position, metric, source, year, value in old
        ],
    )
    conn.execute("DROP TABLE capabilities")


def _migrate_graph_extras(conn: sqlite3.Connection) -> None:
    """What imported graphs carry besides the alliance model, in three tables of their own
    (``explorer.model.graph_extras``): node styles, edge weight/direction/spells, and
    typed attributes. Owners are node keys (``actor:TUR``) and record keys (``tie:12``);
    an older file simply has none."""
    conn.execute(
        "CREATE TABLE node_styles (node TEXT PRIMARY KEY, color TEXT, size REAL, shape TEXT)"
        " WITHOUT ROWID")
    conn.execute(
        "CREATE TABLE edge_props (edge TEXT PRIMARY KEY, weight REAL,"
        " directed INTEGER NOT NULL DEFAULT 0, spells TEXT) WITHOUT ROWID")
    conn.execute(
        "CREATE TABLE graph_attributes (owner TEXT NOT NULL, name TEXT NOT NULL,"
        " type TEXT NOT NULL, value TEXT, position INTEGER NOT NULL DEFAULT 0,"
        " PRIMARY KEY (owner, name)) WITHOUT ROWID")


def _migrate_names(conn: sqlite3.Connection) -> None:
    """Actors' other names (``aliases``, "; "-separated, for Find and tooltips) and the
    dates they exist as such (``start``, ``end``), and alliances' short names (what the
    canvas labels show)."""
    conn.execute("ALTER TABLE actors ADD COLUMN aliases TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE alliances ADD COLUMN short_name TEXT NOT NULL DEFAULT ''")
    # when an actor exists as such (a state's independence, a group's founding)
    conn.execute("ALTER TABLE actors ADD COLUMN start TEXT")
    conn.execute('ALTER TABLE actors ADD COLUMN "end" TEXT')
    # when a member belongs to a bloc (empty: at every date)
    conn.execute("ALTER TABLE bloc_members ADD COLUMN joined TEXT")
    conn.execute('ALTER TABLE bloc_members ADD COLUMN "left" TEXT')


def _migrate_places_and_signatures(conn: sqlite3.Connection) -> None:
    """Where the map view draws each actor (``actor_places``: a capital, a base or a seat,
    with its source; an actor with no row sits in the map's margin), and the signature
    date of a treaty, accession or agreement where it differs from entry into force (the
    date the as-of logic uses: ``founded``, ``joined``, ``start``)."""
    conn.execute(
        "CREATE TABLE actor_places (actor TEXT PRIMARY KEY, lat REAL NOT NULL,"
        " lon REAL NOT NULL, kind TEXT NOT NULL DEFAULT 'capital',"
        " name TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '') WITHOUT ROWID")
    for table in ("alliances", "memberships", "ties"):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN signed TEXT")


#: MIGRATIONS[n] upgrades a file from version n - 1 to version n.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _migrate_to_1,
    2: _migrate_to_2,
    3: _migrate_graph_extras,
    4: _migrate_names,
    5: _migrate_places_and_signatures,
}
SCHEMA_VERSION = max(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to SCHEMA_VERSION in one transaction; return the version.

    All steps commit together, so a failure in any step leaves the file exactly as it
    was: never half-upgraded.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= SCHEMA_VERSION:
        return version
    conn.execute("BEGIN IMMEDIATE")
    try:
        for target in range(version + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[target](conn)
            conn.execute(f"PRAGMA user_version = {target}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return SCHEMA_VERSION
