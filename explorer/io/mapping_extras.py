"""The part of an import the alliance model has no field for, kept as graph extras
(:mod:`explorer.model.graph_extras`): node colours, sizes and shapes, edge weights,
direction and numeric spells, and every other attribute with its type."""

from __future__ import annotations

from typing import Any

from explorer.io.common import to_float
from explorer.model.entities import Document
from explorer.model.graph_extras import EdgeProps, NodeStyle, attribute_type

#: Node attributes that are drawing or identity, not data (kept as style or dropped).
NODE_VISUAL = {"label", "Label", "name", "x", "y", "z", "r", "g", "b", "color", "colour",
               "Color", "fill", "size", "spells", "shape"}
#: Edge attributes the model or the edge properties hold already.
EDGE_MODEL = {"weight", "Weight", "sign", "kind", "start", "end", "notes", "label", "Label",
              "joined", "left", "role", "id", "type", "Type"}


def _hub_types() -> tuple[dict, dict]:
    from explorer.io.hub import EDGE_TYPES, NODE_TYPES  # hub imports mapping: import late

    return NODE_TYPES, EDGE_TYPES


def node_extras(doc: Document, owner: str, attrs: dict[str, Any], color: str | None,
                size: float | None, ours: bool) -> None:
    """Keep a node's style and its attributes the model does not hold."""
    shape = attrs.get("shape")
    if color or size is not None or shape:
        doc.extras.styles[owner] = NodeStyle(color, size, str(shape) if shape else None)
    kept = {}
    for name, value in attrs.items():
        if name in NODE_VISUAL or value is None or value == "":
            continue
        if ours and name in _hub_types()[0]:
            continue  # our own columns, already mapped to the model
        kept[name] = value
    if kept:
        doc.extras.attributes[owner] = kept


def edge_extras(doc: Document, owner: str, attrs: dict[str, Any], directed: bool,
                spells: tuple[tuple[str | None, str | None], ...] = (),
                ours: bool = False) -> None:
    """Keep an edge's weight, direction, numeric spells and other attributes."""
    weight = to_float(attrs.get("weight", attrs.get("Weight")))
    if weight is not None or directed or spells:
        doc.extras.edges[owner] = EdgeProps(weight, directed, spells)
    kept = {}
    for name, value in attrs.items():
        if name in EDGE_MODEL or value is None or value == "":
            continue
        if ours and name in _hub_types()[1]:
            continue
        kept[name] = value
    if kept:
        doc.extras.attributes[owner] = kept


def finish_types(doc: Document) -> None:
    """Give every attribute name one type, the narrowest its values allow (a file's
    declared types were applied when it was read)."""
    values: dict[str, list[Any]] = {}
    for owned in doc.extras.attributes.values():
        for name, value in owned.items():
            values.setdefault(name, []).append(value)
    for name, seen in values.items():
        kind = attribute_type(seen)
        doc.extras.types[name] = kind
        if kind == "string":
            for owned in doc.extras.attributes.values():
                if name in owned and not isinstance(owned[name], str):
                    owned[name] = str(owned[name])
        elif kind == "double":
            for owned in doc.extras.attributes.values():
                if name in owned and not isinstance(owned[name], bool):
                    owned[name] = float(owned[name])


def numeric_spells(spells: list[tuple[Any, Any]]) -> tuple[tuple[str | None, str | None], ...]:
    """Spells whose bounds are numbers (GEXF ``timeformat="double"``), as text; () when
    any bound is a date (those become the tie's own dates)."""
    out = []
    for start, end in spells:
        for bound in (start, end):
            if bound is not None and bound != "" and to_float(bound) is None:
                return ()
        out.append((None if start in (None, "") else str(start),
                    None if end in (None, "") else str(end)))
    if all(s is None and e is None for s, e in out):
        return ()
    return tuple(out)
