"""The graph extras (styles, edge properties, typed attributes) as rows of their own three
tables, read and written in one place."""

from __future__ import annotations

import json
import math
import sqlite3
from typing import Any

from explorer.model.graph_extras import EdgeProps, GraphExtras, NodeStyle


def _encode(value: Any, kind: str) -> str | None:
    if value is None:
        return None
    if kind == "boolean":
        return "true" if value else "false"
    return str(value) if kind != "string" else str(value)


def _decode(text: str | None, kind: str) -> Any:
    if text is None:
        return None
    try:
        if kind == "integer":
            return int(text)
        if kind == "double":
            return float(text)
        if kind == "boolean":
            return text == "true"
    except ValueError:
        return text
    return text


def write_extras(conn: sqlite3.Connection, extras: GraphExtras) -> None:
    """Replace the stored extras with ``extras``."""
    conn.execute("DELETE FROM node_styles")
    conn.execute("DELETE FROM edge_props")
    conn.execute("DELETE FROM graph_attributes")
    # rows in key order: these tables are kept in key order (WITHOUT ROWID), and
    # appending to a B-tree beats inserting 200,000 keys all over it
    conn.executemany(
        "INSERT INTO node_styles (node, color, size, shape) VALUES (?, ?, ?, ?)",
        sorted((k, s.color, s.size, s.shape) for k, s in extras.styles.items()),
    )
    conn.executemany(
        "INSERT INTO edge_props (edge, weight, directed, spells) VALUES (?, ?, ?, ?)",
        sorted((k, p.weight, int(p.directed), json.dumps(list(p.spells)) if p.spells else None)
               for k, p in extras.edges.items()),
    )
    order = {name: i for i, name in enumerate(extras.types)}
    conn.executemany(
        "INSERT INTO graph_attributes (owner, name, type, value, position)"
        " VALUES (?, ?, ?, ?, ?)",
        sorted((owner, name, extras.types.get(name, "string"),
                _encode(value, extras.types.get(name, "string")), order.get(name, len(order)))
               for owner, values in extras.attributes.items() for name, value in values.items()),
    )


def read_extras(conn: sqlite3.Connection) -> GraphExtras:
    extras = GraphExtras()
    for node, color, size, shape in conn.execute(
            "SELECT node, color, size, shape FROM node_styles"):
        extras.styles[node] = NodeStyle(color, size if _sane(size, 1e6) else None, shape)
    for edge, weight, directed, spells in conn.execute(
            "SELECT edge, weight, directed, spells FROM edge_props"):
        weight = weight if _sane(weight, 1e12) else None
        pairs = tuple(tuple(p) for p in json.loads(spells)) if spells else ()
        extras.edges[edge] = EdgeProps(weight, bool(directed), pairs)
    rows = conn.execute(
        "SELECT owner, name, type, value FROM graph_attributes ORDER BY position, name"
    ).fetchall()
    for owner, name, kind, value in rows:
        extras.types.setdefault(name, kind)
        extras.attributes.setdefault(owner, {})[name] = _decode(value, kind)
    return extras


def _sane(value: Any, bound: float) -> bool:
    """A finite number within ``bound`` (sizes and weights beyond are damage: dropped)."""
    return isinstance(value, (int, float)) and math.isfinite(value) and abs(value) <= bound


def delete_owner(conn: sqlite3.Connection, owner: str) -> None:
    """Forget a deleted record's extras."""
    conn.execute("DELETE FROM node_styles WHERE node = ?", (owner,))
    conn.execute("DELETE FROM edge_props WHERE edge = ?", (owner,))
    conn.execute("DELETE FROM graph_attributes WHERE owner = ?", (owner,))
