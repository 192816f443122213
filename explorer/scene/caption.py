"""The words under an exported image: title, date, filters, scenario and data sources.

Pure Python (no Qt): :func:`caption_lines` turns a document, a view filter and the
active scenario into the lines the image export prints in its caption block.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from explorer.analysis.view import ViewFilter, filtered
from explorer.model.describe import describe_change
from explorer.model.entities import Document
from explorer.model.vocab import label

#: How the three display modes of a what-if read in a caption.
MODE_WORDS = {
    "baseline": "baseline shown (scenario not applied)",
    "scenario": "scenario applied",
    "both": "baseline with the scenario's removals ghosted",
    "split": "baseline and scenario side by side, the scenario's removals dashed red",
}

#: Publisher short forms: (pattern, short name). First match wins; case-insensitive.
_PUBLISHER_RULES: tuple[tuple[str, str], ...] = (
    (r"stockholm international peace research institute|\bsipri\b", "SIPRI"),
    (r"international institute for strategic studies|\biiss\b", "IISS"),
    (r"world bank", "World Bank"),
    (r"international monetary fund|\bimf\b", "IMF"),
    (r"\bnato\b|north atlantic treaty", "NATO"),
    (r"collective security treaty", "CSTO"),
    (r"shanghai cooperation", "SCO"),
    (r"gulf cooperation council", "GCC"),
    (r"turkic", "OTS"),
    (r"eurasian economic union", "EAEU"),
    (r"\bbrics?\b", "BRICS"),
    (r"united nations|\bun\b", "UN"),
    (r"european (union|council|commission)|council of the european union|eur-lex", "EU"),
    (r"\bu\.?s\.? |white house|united states|director of national intelligence", "US government"),
    (r"^uk |uk prime minister|united kingdom", "UK government"),
    (r"kremlin|russian federation|president of russia", "Russian government"),
    (r"people's republic of china|national people's congress", "Chinese government"),
    (r"\bg7\b", "G7"),
    (r"^governments? of|^ministry of|^president of|^prime minister|^federal government"
     r"|^republic of|government$|^office of|^verkhovna rada|^government", "national governments"),
)


def short_publisher(publisher: str) -> str:
    """A short, recognisable name of a publisher ("SIPRI", "NATO", "UN" ...)."""
    text = publisher.strip()
    low = text.casefold()
    for pattern, short in _PUBLISHER_RULES:
        if re.search(pattern, low):
            return short
    match = re.search(r"\(([A-Z][A-Za-z0-9]{1,9})\)", text)
    if match:
        return match.group(1)
    return text.split(",")[0].strip()


def vintage_words(doc: Document) -> str:
    """"Nov 2025" for a project whose data is as of 2025-11 ("" when unknown)."""
    text = getattr(doc, "vintage", "") or ""
    try:
        year, month = int(text[:4]), int(text[5:7])
        return f"{calendar.month_abbr[month]} {year}"
    except (ValueError, IndexError):
        return text


def vintage_text(doc: Document) -> str:
    """"Data as of Nov 2025" ("" when the project does not say how recent it is)."""
    words = vintage_words(doc)
    return f"Data as of {words}" if words else ""


def latest_text(doc: Document) -> str:
    """What the as-of control and captions call the open end: "Latest data (Nov 2025)"."""
    words = vintage_words(doc)
    return f"Latest data ({words})" if words else "Latest data (no end date)"


def _split_ids(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def cited_sources(doc: Document, view: ViewFilter, keys: Iterable[str] | None = None) -> Counter:
    """How often each source id is cited by the actors, figures, alliances, memberships
    and ties drawn under ``view`` (restricted to the node ``keys`` when given)."""
    data = filtered(doc, view)
    drawn = set(keys) if keys is not None else None

    def shown(kind: str, ident: str) -> bool:
        return drawn is None or f"{kind}:{ident}" in drawn

    count: Counter = Counter()
    for actor in data.actors.values():
        if not shown("actor", actor.id):
            continue
        count.update(_split_ids(actor.source))
        for cap in actor.capabilities:
            count.update(_split_ids(cap.source))
    for alliance in data.alliances.values():
        if shown("alliance", alliance.id):
            count.update(_split_ids(alliance.source))
    for m in data.memberships:
        if shown("actor", m.actor) and shown("alliance", m.alliance):
            count.update(_split_ids(m.source))
    for t in data.ties:
        if shown("actor", t.a) and shown("actor", t.b):
            count.update(_split_ids(t.source))
    return count


def sources_line(
    doc: Document, view: ViewFilter, keys: Iterable[str] | None = None, limit: int = 8
) -> str:
    """"Data: SIPRI, NATO, UN, … — as of Nov 2025": the publishers of the sources cited
    by what is drawn, most cited first, shortened, and the data's age (never a path)."""
    cited = cited_sources(doc, view, keys)
    publishers: Counter = Counter()
    for source_id, n in cited.items():
        source = doc.sources.get(source_id)
        if source is None:
            continue
        names = [p for p in (source.publisher or source.title).split(";") if p.strip()]
        for name in names:
            publishers[short_publisher(name)] += n
    if not publishers:
        if not doc.sources:
            return "Data: no sources recorded in the project"
        return "Data: see the project's list of sources"
    ordered = [name for name, _ in publishers.most_common()]
    shown = ", ".join(ordered[:limit])
    more = len(ordered) - limit
    if more > 0:
        shown += f" and {more} other publisher{'s' if more > 1 else ''}"
    words = vintage_words(doc)
    tail = f" \N{EM DASH} as of {words}" if words else ""
    return f"Data: {shown}{tail} (sources listed in the project)"


def _names(table: dict, ids: Iterable[str], limit: int = 8) -> str:
    names = sorted((getattr(table.get(i), "name", None) or i) for i in ids)
    text = ", ".join(names[:limit])
    if len(names) > limit:
        text += f" and {len(names) - limit} more"
    return text


def filter_words(doc: Document, view: ViewFilter) -> str:
    """The view filter in words: "Regions: South Caucasus, Central Asia · Alliance kinds: …"."""
    parts: list[str] = []
    if view.regions:
        text = f"Regions: {_names(doc.regions, view.regions)}"
        if view.keep_partners:
            text += " (with their partners)"
        parts.append(text)
    else:
        parts.append("All regions")
    if view.alliances is not None:
        parts.append(f"Alliances: {_names(doc.alliances, view.alliances) or 'none'}")
    if view.alliance_kinds:
        parts.append("Alliance kinds: " + ", ".join(sorted(label(k) for k in view.alliance_kinds)))
    if view.alliances is None and not view.alliance_kinds:
        parts.append("all alliances")
    if view.actor_kinds:
        parts.append("Actor kinds: " + ", ".join(sorted(label(k) for k in view.actor_kinds)))
    if view.min_capability > 0:
        parts.append(f"capability index \N{GREATER-THAN OR EQUAL TO} {view.min_capability:g}")
    return " \N{MIDDLE DOT} ".join(parts)


@dataclass(frozen=True)
class CaptionLine:
    text: str
    role: str  # "title" or "body" or "note"


def caption_lines(
    doc: Document,
    view: ViewFilter,
    scenario: str | None = None,
    mode: str | None = None,
    keys: Iterable[str] | None = None,
    comparison: bool = False,
) -> list[CaptionLine]:
    """The caption block of an exported image, line by line."""
    lines = [CaptionLine(doc.title or "Untitled", "title")]
    when = (f"As of {view.as_of}" if view.as_of
            else f"{latest_text(doc)}: agreements in force then")
    lines.append(CaptionLine(f"{when} \N{MIDDLE DOT} {filter_words(doc, view)}", "body"))
    if scenario:
        sc = doc.scenarios.get(scenario)
        changes = "; ".join(describe_change(doc, c) for c in sc.changes) if sc is not None else ""
        if comparison:
            text = f"What-if scenario \u201c{scenario}\u201d: baseline (left) and scenario (right)"
        else:
            text = f"What-if scenario \u201c{scenario}\u201d: {MODE_WORDS.get(mode or '', mode)}"
        if changes:
            text += f" \N{EM DASH} {changes}"
        lines.append(CaptionLine(text, "body"))
    lines.append(CaptionLine(sources_line(doc, view, keys), "note"))
    return lines
