"""Reading and writing entities as rows: the one place that knows both the schema and the model."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import groupby

from explorer.model.bulk import gc_paused
from explorer.model.entities import (
    Actor,
    Alliance,
    Bloc,
    Capability,
    Change,
    Document,
    Membership,
    Place,
    Region,
    Scenario,
    Source,
    Tie,
)
from explorer.store.extras_rows import read_extras, write_extras

_INSERT_SERIES = (
    'INSERT INTO figure_series (actor, position, metric, source, derived, years, "values")'
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def _run_key(cap: Capability) -> tuple[str, str, bool]:
    return cap.metric, cap.source, bool(cap.derived)


def _series_rows(actor: Actor) -> list[tuple]:
    """``actor``'s figures as ``figure_series`` rows: runs of consecutive figures with the
    same metric, source and flag, so the stored order is exactly the actor's order."""
    out = []
    runs = groupby(actor.capabilities, key=_run_key)
    for position, ((metric, source, derived), run) in enumerate(runs):
        figures = list(run)
        years = [None if c.year is None else int(c.year) for c in figures]
        out.append((
            actor.id, position, metric, source, int(derived),
            json.dumps(years), json.dumps([float(c.value) for c in figures]),
        ))
    return out


def write_actor(conn: sqlite3.Connection, actor: Actor, figures: bool = True) -> None:
    """Insert or update ``actor``; ``figures=False`` leaves its figures to the caller."""
    conn.execute(
        "INSERT INTO actors (id, name, kind, notes, source, aliases, start, \"end\")"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET name=excluded.name, kind=excluded.kind,"
        " notes=excluded.notes, source=excluded.source, aliases=excluded.aliases,"
        " start=excluded.start, \"end\"=excluded.\"end\"",
        (actor.id, actor.name, actor.kind, actor.notes, actor.source,
         "; ".join(actor.aliases), actor.start, actor.end),
    )
    write_place(conn, actor.id, actor.place)
    conn.execute("DELETE FROM actor_regions WHERE actor = ?", (actor.id,))
    conn.executemany(
        "INSERT INTO actor_regions (actor, region, position) VALUES (?, ?, ?)",
        [(actor.id, region, i) for i, region in enumerate(actor.regions)],
    )
    if figures:
        conn.execute("DELETE FROM figure_series WHERE actor = ?", (actor.id,))
        conn.executemany(_INSERT_SERIES, _series_rows(actor))


def write_place(conn: sqlite3.Connection, actor_id: str, place: Place | None) -> None:
    """Store (or, with None, remove) where the map draws ``actor_id``."""
    if place is None:
        conn.execute("DELETE FROM actor_places WHERE actor = ?", (actor_id,))
        return
    conn.execute(
        "INSERT OR REPLACE INTO actor_places (actor, lat, lon, kind, name, source)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (actor_id, float(place.lat), float(place.lon), place.kind, place.name, place.source),
    )


def read_places(conn: sqlite3.Connection) -> dict[str, Place]:
    """Every stored place; a row whose coordinates are not on the globe is left out."""
    out: dict[str, Place] = {}
    for actor, lat, lon, kind, name, source in conn.execute(
        "SELECT actor, lat, lon, kind, name, source FROM actor_places"
    ):
        if (isinstance(lat, (int, float)) and isinstance(lon, (int, float))
                and -90 <= lat <= 90 and -180 <= lon <= 180):
            out[actor] = Place(float(lat), float(lon), kind or "capital", name or "",
                               source or "")
    return out


def write_alliance(conn: sqlite3.Connection, alliance: Alliance) -> None:
    conn.execute(
        "INSERT INTO alliances (id, name, kind, obligation, formal, founded, ended,"
        " source, notes, short_name, signed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET name=excluded.name, kind=excluded.kind,"
        " obligation=excluded.obligation, formal=excluded.formal, founded=excluded.founded,"
        " ended=excluded.ended, source=excluded.source, notes=excluded.notes,"
        " short_name=excluded.short_name, signed=excluded.signed",
        (
            alliance.id, alliance.name, alliance.kind, alliance.obligation,
            int(alliance.formal), alliance.founded, alliance.ended, alliance.source,
            alliance.notes, alliance.short_name, alliance.signed,
        ),
    )


def write_membership(conn: sqlite3.Connection, m: Membership) -> int:
    cursor = conn.execute(
        'INSERT OR REPLACE INTO memberships (id, alliance, actor, role, joined, "left", source,'
        " notes, signed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (m.id, m.alliance, m.actor, m.role, m.joined, m.left, m.source, m.notes, m.signed),
    )
    return m.id if m.id is not None else int(cursor.lastrowid)


def write_tie(conn: sqlite3.Connection, t: Tie) -> int:
    cursor = conn.execute(
        'INSERT OR REPLACE INTO ties (id, a, b, sign, kind, start, "end", source, notes,'
        " signed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (t.id, t.a, t.b, t.sign, t.kind, t.start, t.end, t.source, t.notes, t.signed),
    )
    return t.id if t.id is not None else int(cursor.lastrowid)


def write_bloc(conn: sqlite3.Connection, bloc: Bloc) -> None:
    conn.execute(
        "INSERT INTO blocs (id, name, color, description) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET name=excluded.name, color=excluded.color,"
        " description=excluded.description",
        (bloc.id, bloc.name, bloc.color, bloc.description),
    )
    conn.execute("DELETE FROM bloc_members WHERE bloc = ?", (bloc.id,))
    when = {a: (j, left) for a, j, left in bloc.periods}
    conn.executemany(
        'INSERT INTO bloc_members (bloc, actor, position, joined, "left") VALUES (?, ?, ?, ?, ?)',
        [(bloc.id, actor, i, *when.get(actor, (None, None)))
         for i, actor in enumerate(bloc.members)],
    )


def write_scenario(conn: sqlite3.Connection, scenario: Scenario) -> None:
    conn.execute(
        "INSERT INTO scenarios (name, notes) VALUES (?, ?)"
        " ON CONFLICT(name) DO UPDATE SET notes=excluded.notes",
        (scenario.name, scenario.notes),
    )
    conn.execute("DELETE FROM scenario_changes WHERE scenario = ?", (scenario.name,))
    conn.executemany(
        "INSERT INTO scenario_changes (scenario, position, kind, actor, alliance, bloc)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (scenario.name, i, c.kind, c.actor, c.alliance, c.bloc)
            for i, c in enumerate(scenario.changes)
        ],
    )


def write_region(conn: sqlite3.Connection, region: Region) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO regions (id, name, parent) VALUES (?, ?, ?)",
        (region.id, region.name, region.parent),
    )


def write_source(conn: sqlite3.Connection, s: Source) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO sources (id, title, publisher, url, published, accessed)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (s.id, s.title, s.publisher, s.url, s.published, s.accessed),
    )


def write_document(conn: sqlite3.Connection, doc: Document) -> None:
    """Insert every entity of ``doc`` (into an empty project), parents before children."""
    with gc_paused():
        _write_document(conn, doc)


def _write_document(conn: sqlite3.Connection, doc: Document) -> None:
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('title', ?)", (doc.title,))
    if doc.vintage:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('vintage', ?)",
                     (doc.vintage,))
    for region in doc.regions.values():
        write_region(conn, region)
    for source in doc.sources.values():
        write_source(conn, source)
    # one statement per table, not per record: a 100,000-node import writes in seconds
    actors = list(doc.actors.values())
    conn.executemany(
        'INSERT OR REPLACE INTO actors (id, name, kind, notes, source, aliases, start, "end")'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(a.id, a.name, a.kind, a.notes, a.source, "; ".join(a.aliases), a.start, a.end)
         for a in actors])
    conn.executemany(
        "INSERT OR REPLACE INTO actor_regions (actor, region, position) VALUES (?, ?, ?)",
        [(a.id, region, i) for a in actors for i, region in enumerate(a.regions)])
    conn.executemany(
        "INSERT OR REPLACE INTO actor_places (actor, lat, lon, kind, name, source)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(a.id, float(a.place.lat), float(a.place.lon), a.place.kind, a.place.name,
          a.place.source) for a in actors if a.place is not None])
    # One statement for every series (~540 in the default dataset), into an empty table.
    conn.executemany(_INSERT_SERIES, (row for a in doc.actors.values() for row in _series_rows(a)))
    for alliance in doc.alliances.values():
        write_alliance(conn, alliance)
    conn.executemany(
        'INSERT OR REPLACE INTO memberships (id, alliance, actor, role, joined, "left", source,'
        " notes, signed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(m.id, m.alliance, m.actor, m.role, m.joined, m.left, m.source, m.notes, m.signed)
         for m in doc.memberships.values()])
    conn.executemany(
        'INSERT OR REPLACE INTO ties (id, a, b, sign, kind, start, "end", source, notes,'
        " signed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(t.id, t.a, t.b, t.sign, t.kind, t.start, t.end, t.source, t.notes, t.signed)
         for t in doc.ties.values()])
    for bloc in doc.blocs.values():
        write_bloc(conn, bloc)
    for scenario in doc.scenarios.values():
        write_scenario(conn, scenario)
    if not doc.extras.is_empty():
        write_extras(conn, doc.extras)


def read_document(
    conn: sqlite3.Connection, figures: Mapping[str, Sequence[Capability]] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Document:
    """The whole project as a Document, every table in a canonical order.

    ``figures``: every actor's figures as :func:`read_figures` would return them (the
    project's cache), so that they need not be read again. ``progress(done, total)`` is
    told every few thousand records (it may raise to stop): a project of 50,000 actors
    and as many ties takes about a second here.
    """
    # 100,000 actors and 200,000 ties are as many new objects, none in a cycle: the
    # collector's rescans of all of them took a fifth of the read
    with gc_paused():
        return _read_document(conn, figures, _Ticker(conn, progress))


def _read_document(conn: sqlite3.Connection, figures: Mapping[str, Sequence[Capability]] | None,
                   tick: _Ticker) -> Document:
    title_row = conn.execute("SELECT value FROM meta WHERE key = 'title'").fetchone()
    doc = Document(title=title_row[0] if title_row else "Untitled")
    vintage = conn.execute("SELECT value FROM meta WHERE key = 'vintage'").fetchone()
    doc.vintage = vintage[0] if vintage and isinstance(vintage[0], str) else ""
    for id_, name, parent in conn.execute("SELECT id, name, parent FROM regions ORDER BY id"):
        doc.regions[id_] = Region(id_, name, parent)
    for row in conn.execute(
        "SELECT id, title, publisher, url, published, accessed FROM sources ORDER BY id"
    ):
        doc.sources[row[0]] = Source(*[value if value is not None else "" for value in row])
    regions: dict[str, list[str]] = {}
    for actor, region in conn.execute(
        "SELECT actor, region FROM actor_regions ORDER BY actor, position"
    ):
        regions.setdefault(actor, []).append(region)
    caps = read_figures(conn) if figures is None else figures
    places = read_places(conn)
    for id_, name, kind, notes, source, aliases, start, end in tick.rows(conn.execute(
        'SELECT id, name, kind, notes, source, aliases, start, "end" FROM actors ORDER BY id'
    )):
        doc.actors[id_] = Actor(
            id_, name, kind, tuple(regions.get(id_, ())), tuple(caps.get(id_, ())), notes,
            source, split_names(aliases), start, end, places.get(id_),
        )
    for row in conn.execute(
        "SELECT id, name, kind, obligation, formal, founded, ended, source, notes, short_name,"
        " signed FROM alliances ORDER BY id"
    ):
        doc.alliances[row[0]] = Alliance(
            row[0], row[1], row[2], row[3], bool(row[4]), row[5], row[6], row[7], row[8],
            row[9] or "", row[10],
        )
    for row in tick.rows(conn.execute(
        'SELECT id, alliance, actor, role, joined, "left", source, notes, signed'
        " FROM memberships ORDER BY id"
    )):
        doc.memberships[row[0]] = Membership(*row[1:8], id=row[0], signed=row[8])
    for row in tick.rows(conn.execute(
        'SELECT id, a, b, sign, kind, start, "end", source, notes, signed FROM ties ORDER BY id'
    )):
        doc.ties[row[0]] = Tie(*row[1:9], id=row[0], signed=row[9])
    members: dict[str, list[str]] = {}
    periods: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for bloc, actor, joined, left in conn.execute(
        'SELECT bloc, actor, joined, "left" FROM bloc_members ORDER BY bloc, position'
    ):
        members.setdefault(bloc, []).append(actor)
        if joined or left:
            periods.setdefault(bloc, []).append((actor, joined, left))
    for id_, name, color, description in conn.execute(
        "SELECT id, name, color, description FROM blocs ORDER BY id"
    ):
        doc.blocs[id_] = Bloc(id_, name, color, description, tuple(members.get(id_, ())),
                              tuple(periods.get(id_, ())))
    changes: dict[str, list[Change]] = {}
    for scenario, kind, actor, alliance, bloc in conn.execute(
        "SELECT scenario, kind, actor, alliance, bloc FROM scenario_changes"
        " ORDER BY scenario, position"
    ):
        changes.setdefault(scenario, []).append(Change(kind, actor, alliance, bloc))
    for name, notes in conn.execute("SELECT name, notes FROM scenarios ORDER BY name"):
        doc.scenarios[name] = Scenario(name, tuple(changes.get(name, ())), notes)
    tick.report()
    doc.extras = read_extras(conn)
    _drop_stale_extras(doc)
    return doc


class _Ticker:
    """Counts the records read and tells ``progress`` every REPORT_EVERY of them."""

    REPORT_EVERY = 5000

    def __init__(self, conn: sqlite3.Connection, progress: Callable[[int, int], None] | None,
                 ) -> None:
        self.progress = progress
        self.done = 0
        # the big tables (extras are read last, as about one more share of them)
        self.total = 1 if progress is None else sum(
            conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("actors", "memberships", "ties", "node_styles")) or 1

    def rows(self, cursor: Iterable[tuple]) -> Iterator[tuple]:
        if self.progress is None:
            yield from cursor
            return
        every = self.REPORT_EVERY
        for row in cursor:
            self.done += 1
            if self.done % every == 0:
                self.progress(min(self.done, self.total), self.total)
            yield row

    def report(self) -> None:
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def _drop_stale_extras(doc: Document) -> None:
    """Extras of deleted records stay stored (undo puts the record back with them) but
    are not part of the document."""
    live = {f"actor:{a}" for a in doc.actors} | {f"alliance:{a}" for a in doc.alliances}
    live |= {f"tie:{t}" for t in doc.ties} | {f"membership:{m}" for m in doc.memberships}
    extras = doc.extras
    for table in (extras.styles, extras.edges, extras.attributes):
        for owner in [k for k in table if k not in live]:
            del table[owner]


def split_names(text: str | None) -> tuple[str, ...]:
    """"Turkey; Republic of Türkiye" -> ("Turkey", "Republic of Türkiye")."""
    return tuple(p.strip() for p in (text or "").split(";") if p.strip())


def stored_figures(capabilities: Sequence[Capability]) -> tuple[Capability, ...]:
    """``capabilities`` as reading them back from the store gives them (float value, int
    or None year, bool derived), reusing the objects that already are."""
    if all(
        type(c.value) is float and type(c.derived) is bool and (c.year is None or type(c.year) is int)
        for c in capabilities
    ):
        return tuple(capabilities)
    return tuple(
        Capability(
            c.metric, float(c.value), None if c.year is None else int(c.year), c.source,
            bool(c.derived),
        )
        for c in capabilities
    )


def read_figures(conn: sqlite3.Connection,
                 progress: Callable[[int, int], None] | None = None,
                 ) -> dict[str, list[Capability]]:
    """Every actor's figures in their stored order, read in one pass over the series.

    A damaged run (bad JSON, arrays of different lengths) raises ValueError.
    ``progress(done, total)`` is told every few thousand series (it may raise to stop).
    """
    caps: dict[str, list[Capability]] = {}
    loads = json.loads
    total = (conn.execute("SELECT COUNT(*) FROM figure_series").fetchone()[0]
             if progress is not None else 0)
    with gc_paused():
        for done, (actor, metric, source, derived, years, values) in enumerate(conn.execute(
            'SELECT actor, metric, source, derived, years, "values" FROM figure_series'
            " ORDER BY actor, position"
        )):
            if progress is not None and done % 5000 == 0:
                progress(done, total)
            flag = bool(derived)
            bucket = caps.get(actor)
            if bucket is None:
                bucket = caps[actor] = []
            bucket.extend(
                Capability.many(
                    (metric, float(v), y, source, flag)
                    for y, v in zip(loads(years), loads(values), strict=True)
                    # a figure that is not a finite number is damage: left out
                    if isinstance(v, (int, float)) and math.isfinite(v) and abs(v) < 1e15
                )
            )
    return caps


def dump(conn: sqlite3.Connection) -> str:
    """Every row of every table, as canonical JSON: equal dumps mean equal documents."""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]
    out = {}
    for table in tables:
        rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
        out[table] = sorted(rows, key=repr)
    return json.dumps(out, sort_keys=True, default=str)
