"""Names and small rules the drawing shares: hub labels, top-level regions, obligation
weight of an alliance's edges."""

from __future__ import annotations

from explorer.analysis.graphs import OBLIGATION_WEIGHT
from explorer.model.entities import Document


def region_roots(doc: Document) -> dict[str, str]:
    """The top-level region above each region the document names (itself at the top);
    computed once per pass, since actors by the thousand share a few dozen regions."""
    named = set(doc.regions)
    for actor in doc.actors.values():
        named.update(actor.regions)
    return {reg: doc.region_ancestors(reg)[-1] for reg in named}


def root_regions(doc: Document, roots_of: dict[str, str] | None = None) -> list[str]:
    """Top-level regions in a stable order (their sector and palette index follow it)."""
    roots_of = region_roots(doc) if roots_of is None else roots_of
    roots = [r.id for r in doc.regions.values() if not r.parent or r.parent not in doc.regions]
    used = {roots_of[reg] for a in doc.actors.values() for reg in a.regions}
    return sorted(set(roots) | used)


def actor_roots(doc: Document, regions: tuple[str, ...],
                roots_of: dict[str, str] | None = None) -> list[str]:
    """The top-level regions of an actor's regions, in order, each once."""
    out: list[str] = []
    for reg in regions:
        root = roots_of[reg] if roots_of is not None else doc.region_ancestors(reg)[-1]
        if root not in out:
            out.append(root)
    return out


def region_name(doc: Document, region_id: str) -> str:
    """A region's display name (its id when unknown)."""
    region = doc.regions.get(region_id)
    return region.name if region else region_id


def short_label(alliance_id: str, name: str, limit: int = 26) -> str:
    """A hub label short enough to sit on the canvas: NATO, not the treaty's full title.

    Short alphabetic ids are acronyms (``nato`` -> ``NATO``); long names lose their
    parenthetical, then get cut with an ellipsis. The tooltip keeps the full name.
    """
    if len(alliance_id) <= 5 and alliance_id.isalpha():
        return "Quad" if alliance_id == "quad" else alliance_id.upper()
    if len(name) <= limit:
        return name
    head = name.split("(")[0].strip()
    if 0 < len(head) <= limit:
        return head
    return head[: limit - 1].rstrip() + "…"


_COUNTRY_SHORT = {"the United States": "US", "the Republic of Korea": "ROK",
                  "the United Kingdom": "UK", "the Philippines": "Philippines"}


def distinct_labels(labels: list[str], names: list[str]) -> list[str]:
    """``labels`` with identical ones told apart: "Mutual Defense Treaty bet…" twice
    becomes "US–ROK treaty" and "US–Philippines treaty" (the parties after "between"),
    else the full name is cut later so the two differ."""
    seen: dict[str, int] = {}
    for text in labels:
        seen[text] = seen.get(text, 0) + 1
    out = []
    for text, name in zip(labels, names, strict=True):
        if seen[text] < 2:
            out.append(text)
            continue
        head, sep, parties = name.partition(" between ")
        if sep and " and " in parties:
            a, _, b = parties.partition(" and ")
            a, b = (_COUNTRY_SHORT.get(p.strip(), p.strip().removeprefix("the "))
                    for p in (a, b))
            kind = "treaty" if "treaty" in head.lower() else head.split()[-1].lower()
            out.append(f"{a}\N{EN DASH}{b} {kind}")
        else:
            out.append(name if len(name) <= 40 else name[:39] + "\N{HORIZONTAL ELLIPSIS}")
    return out


def obligation_weight(obligation: str) -> float:
    """How strongly an alliance binds (and its edges pull in the layout): the analysis's
    one table, ``analysis.graphs.OBLIGATION_WEIGHT`` (defence 1.0 … none 0.2)."""
    return OBLIGATION_WEIGHT.get(obligation, min(OBLIGATION_WEIGHT.values()))
