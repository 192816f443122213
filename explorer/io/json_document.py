"""The whole document as JSON: the CLI's ``export --format json`` and its inverse.

Top-level keys: ``format`` ("strategic-balance-explorer"), ``schema`` (the file schema
version), ``title``, ``regions``, ``sources``, ``actors``, ``alliances``, ``memberships``,
``ties``, ``blocs``, ``scenarios``. Lists are in a canonical order, so exporting, building
a project from the export and exporting again gives identical text.
``read_document_export`` reads such a file back for ``import``.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from explorer.io.common import Progress, load_json
from explorer.io.errors import ImportFormatError
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
from explorer.model.errors import ValidationError
from explorer.model.validation import validate_document

FORMAT_NAME = "strategic-balance-explorer"


def document_to_dict(doc: Document, schema: int | None = None) -> dict[str, Any]:
    def actor(a: Actor) -> dict[str, Any]:
        out = asdict(a)
        out["regions"] = list(a.regions)
        out["aliases"] = list(a.aliases)
        out["capabilities"] = [asdict(c) for c in a.capabilities]
        return out

    return {
        "format": FORMAT_NAME,
        "schema": schema,
        "title": doc.title,
        "vintage": doc.vintage,
        "regions": [asdict(r) for r in doc.regions.values()],
        "sources": [asdict(s) for s in doc.sources.values()],
        "actors": [actor(a) for a in doc.actors.values()],
        "alliances": [asdict(a) for a in doc.alliances.values()],
        "memberships": [asdict(m) for m in doc.memberships.values()],
        "ties": [asdict(t) for t in doc.ties.values()],
        "blocs": [dict(asdict(b), members=list(b.members)) for b in doc.blocs.values()],
        "scenarios": [
            {"name": s.name, "notes": s.notes, "changes": [asdict(c) for c in s.changes]}
            for s in doc.scenarios.values()
        ],
    }


def document_to_json(doc: Document, schema: int | None = None) -> str:
    return json.dumps(document_to_dict(doc, schema), ensure_ascii=False, indent=2) + "\n"


def document_from_dict(data: Any) -> Document:
    """Rebuild a Document from ``document_to_dict`` output; raises ValidationError on bad input."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ValidationError("This JSON is not a Strategic Balance Explorer document export.")
    try:
        doc = Document(title=str(data.get("title") or "Untitled"),
                       vintage=str(data.get("vintage") or ""))
        for r in data.get("regions", []):
            doc.regions[r["id"]] = Region(**r)
        for s in data.get("sources", []):
            doc.sources[s["id"]] = Source(**s)
        for a in data.get("actors", []):
            caps = tuple(Capability(**c) for c in a.get("capabilities", []))
            place = a.get("place")
            doc.actors[a["id"]] = Actor(
                **{**a, "regions": tuple(a.get("regions", [])), "capabilities": caps,
                   "aliases": tuple(a.get("aliases", [])),
                   "place": Place(**place) if isinstance(place, dict) else None}
            )
        for a in data.get("alliances", []):
            doc.alliances[a["id"]] = Alliance(**a)
        for number, m in enumerate(data.get("memberships", []), start=1):
            membership = Membership(**m)
            key = membership.id if membership.id is not None else number
            doc.memberships[key] = Membership(**{**m, "id": key})
        for number, t in enumerate(data.get("ties", []), start=1):
            tie = Tie(**t)
            key = tie.id if tie.id is not None else number
            doc.ties[key] = Tie(**{**t, "id": key})
        for b in data.get("blocs", []):
            doc.blocs[b["id"]] = Bloc(**{**b, "members": tuple(b.get("members", []))})
        for s in data.get("scenarios", []):
            changes = tuple(Change(**c) for c in s.get("changes", []))
            doc.scenarios[s["name"]] = Scenario(s["name"], changes, s.get("notes", ""))
    except (KeyError, TypeError) as exc:
        raise ValidationError(f"The JSON document is malformed ({exc}).") from None
    problems = validate_document(doc)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ValidationError(f"The JSON document is invalid: {problems[0]}{more}")
    return doc


def is_document_export(path: Path) -> bool:
    """Whether ``path`` starts like our own document export (not node-link JSON)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return f'"format": "{FORMAT_NAME}"'.encode() in head


def read_document_export(path: Path, progress: Progress | None = None) -> Document:
    """The Document in one of our JSON exports; ImportFormatError for anything wrong in it."""
    data = load_json(path, progress)
    try:
        return document_from_dict(data)
    except ValidationError as exc:
        raise ImportFormatError(str(exc), path) from None
