"""Resolve what users type (an id or a name, any case) to ids, with helpful errors.

Used by the CLI (``--remove ACTOR@ALLIANCE``) and by dialogs; an unknown name raises
:class:`~explorer.analysis.errors.UnknownName` whose message lists close matches
(``difflib.get_close_matches`` over ids and names, case-insensitive).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from explorer.analysis.errors import UnknownName
from explorer.model.entities import Change, Document

#: The kinds of name :func:`resolve_names` understands.
NAME_KINDS = ("actor", "alliance", "bloc", "scenario", "region")


def _candidates(doc: Document, kind: str) -> dict[str, str]:
    """Map id -> display name for every entity of ``kind``."""
    if kind == "actor":
        return {k: v.name for k, v in doc.actors.items()}
    if kind == "alliance":
        return {k: v.name for k, v in doc.alliances.items()}
    if kind == "bloc":
        return {k: v.name for k, v in doc.blocs.items()}
    if kind == "region":
        return {k: v.name for k, v in doc.regions.items()}
    if kind == "scenario":
        return {k: v.name for k, v in doc.scenarios.items()}
    raise ValueError(f"Unknown kind of name '{kind}'; expected one of {', '.join(NAME_KINDS)}.")


def resolve_name(doc: Document, name: str, kind: str) -> str:
    """The id of the ``kind`` entity called ``name`` (its id or its name, any case).

    An exact id wins, then a case-insensitive id, then a case-insensitive name. Raises
    UnknownName, listing close matches, when nothing (or more than one name) matches.
    """
    table = _candidates(doc, kind)
    if name in table:
        return name
    key = name.strip().casefold()
    by_id = [i for i in table if i.casefold() == key]
    if len(by_id) == 1:
        return by_id[0]
    by_name = [i for i, n in table.items() if n.casefold() == key]
    if len(by_name) == 1:
        return by_name[0]
    if len(by_name) > 1:
        raise UnknownName(name, kind, [f"{i} ({table[i]})" for i in sorted(by_name)])
    raise UnknownName(name, kind, _close_matches(key, table))


def _close_matches(key: str, table: dict[str, str], n: int = 5) -> list[str]:
    folded: dict[str, str] = {}
    for ident, label in table.items():
        folded.setdefault(ident.casefold(), ident)
        folded.setdefault(label.casefold(), ident)
    hits = difflib.get_close_matches(key, list(folded), n=n * 2, cutoff=0.6)
    out: list[str] = []
    for hit in hits:
        ident = folded[hit]
        label = ident if table[ident] == ident else f"{ident} ({table[ident]})"
        if label not in out:
            out.append(label)
    return out[:n]


def resolve_names(doc: Document, names: Iterable[str], kind: str) -> list[str]:
    """Resolve each of ``names`` with :func:`resolve_name`, keeping the order."""
    return [resolve_name(doc, name, kind) for name in names]


def changes_from_cli(doc: Document, removes: list[str], dissolves: list[str]) -> list[Change]:
    """What-if changes from the CLI's ``--remove`` and ``--dissolve`` options.

    ``--remove ACTOR`` removes an actor; ``--remove ACTOR@ALLIANCE`` removes only that
    actor's membership of the alliance; ``--dissolve ALLIANCE`` dissolves an alliance.
    Names may be ids or names in any case; unknown ones raise UnknownName.
    """
    changes: list[Change] = []
    for item in removes:
        if "@" in item:
            actor, alliance = item.rsplit("@", 1)
            changes.append(
                Change(
                    "remove_membership",
                    actor=resolve_name(doc, actor, "actor"),
                    alliance=resolve_name(doc, alliance, "alliance"),
                )
            )
        else:
            changes.append(Change("remove_actor", actor=resolve_name(doc, item, "actor")))
    for item in dissolves:
        changes.append(Change("dissolve_alliance", alliance=resolve_name(doc, item, "alliance")))
    return changes
