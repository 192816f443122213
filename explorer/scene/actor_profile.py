"""What an actor is in: its memberships, ties and blocs, its figures by year with their
sources, and its rank in the view — the rows of the inspector's "Belongs to" panel.

Every row names the record it comes from (kind and key), so the window can open it.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.analysis.capability import capability_index
from explorer.analysis.view import ViewFilter, filtered, view_year
from explorer.model.entities import Document
from explorer.model.vocab import METRIC_LABELS, label
from explorer.scene.caption import short_publisher

SECTIONS = ("Rank in view", "Memberships", "Ties", "Blocs", "Figures", "Sources",
            "From the imported file")


@dataclass(frozen=True)
class ProfileRow:
    """One line: its section, what it says, a detail column, and the record it opens."""

    section: str
    text: str
    detail: str = ""
    kind: str = ""  # "alliance", "membership", "tie", "actor", "bloc", "" (nothing to open)
    key: object = None
    in_view: bool = True


def _span(start: str | None, end: str | None) -> str:
    if not start and not end:
        return "dates not recorded"
    if not end:
        return f"since {start}"
    return f"{start or 'start not recorded'} – {end}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _source_names(doc: Document, field: str) -> str:
    names = []
    for part in (p.strip() for p in field.split(";")):
        if not part:
            continue
        source = doc.sources.get(part)
        if source is None:
            names.append(part)
            continue
        name = short_publisher(source.publisher or source.title)
        if source.published:
            name += f" {source.published[:4]}"
        if name not in names:
            names.append(name)
    return "; ".join(names)


def actor_profile(doc: Document, actor_id: str, view: ViewFilter | None = None,
                  weights=None) -> list[ProfileRow]:
    """The rows of ``actor_id``'s profile under ``view`` (in force that day: in_view)."""
    actor = doc.actors.get(actor_id)
    if actor is None:
        return []
    view = view or ViewFilter()
    rows: list[ProfileRow] = []
    rows += _rank_rows(doc, actor_id, view, weights)
    mine = [m for m in doc.memberships.values() if m.actor == actor_id]
    for m in sorted(mine, key=lambda m: (not m.in_force(view.as_of), m.joined or "",
                                         m.alliance)):
        alliance = doc.alliances.get(m.alliance)
        name = getattr(alliance, "label", None) or (alliance.name if alliance else m.alliance)
        obligation = label(alliance.obligation) if alliance and alliance.obligation != "none" else ""
        obligation = obligation.lower() and f"{obligation.lower()} obligation"
        rows.append(ProfileRow(
            "Memberships", f"{name} ({label(m.role).lower()})",
            "; ".join(filter(None, [_span(m.joined, m.left), obligation])),
            "membership", m.id, m.in_force(view.as_of)))
    ties = [t for t in doc.ties.values() if actor_id in (t.a, t.b)]
    for t in sorted(ties, key=lambda t: (t.sign, t.start or "")):
        other = t.b if t.a == actor_id else t.a
        other_name = doc.actors[other].name if other in doc.actors else other
        what = label(t.kind) if t.kind else ("partnership" if t.sign > 0 else "rivalry")
        rows.append(ProfileRow("Ties", f"{other_name}: {what.lower()}",
                               _span(t.start, t.end), "tie", t.id, t.in_force(view.as_of)))
    for bloc in doc.blocs.values():
        if actor_id in bloc.members:
            rows.append(ProfileRow("Blocs", bloc.name, "user bloc", "bloc", bloc.id))
    for metric in METRIC_LABELS:
        series = [c for c in actor.capabilities if c.metric == metric]
        if not series:
            continue
        latest = max(series, key=lambda c: (c.year or 0, not c.derived))
        years = sorted({c.year for c in series if c.year is not None})
        span = f"{years[0]}–{years[-1]}, {len(years)} years" if len(years) > 1 else (
            str(years[0]) if years else "year not recorded")
        how = "derived" if latest.derived else "published"
        rows.append(ProfileRow(
            "Figures",
            f"{METRIC_LABELS[metric]}: {latest.value:,.4g} ({latest.year or 'undated'}, {how})",
            f"{span}; {_source_names(doc, latest.source) or 'no source recorded'}",
            "actor", actor_id))
    rows += _source_rows(doc, actor_id)
    rows += _imported_rows(doc, actor_id)
    return rows


def _source_rows(doc: Document, actor_id: str) -> list[ProfileRow]:
    """The sources this actor's records cite, by title (most cited first)."""
    actor = doc.actors[actor_id]
    fields = [actor.source, *{c.source for c in actor.capabilities}]
    fields += [m.source for m in doc.memberships.values() if m.actor == actor_id]
    fields += [t.source for t in doc.ties.values() if actor_id in (t.a, t.b)]
    count: dict[str, int] = {}
    for field in fields:
        for part in (p.strip() for p in field.split(";")):
            if part:
                count[part] = count.get(part, 0) + 1
    rows = []
    for sid in sorted(count, key=lambda k: (-count[k], k)):
        source = doc.sources.get(sid)
        title = source.title if source is not None else sid
        detail = ", ".join(filter(None, [source.publisher if source else "",
                                         (source.published or "")[:4] if source else "",
                                         f"cited {count[sid]}×"]))
        rows.append(ProfileRow("Sources", title, detail))
    return rows


def _imported_rows(doc: Document, actor_id: str) -> list[ProfileRow]:
    owner = f"actor:{actor_id}"
    out = [ProfileRow("From the imported file", f"{name}: {value}",
                      doc.extras.types.get(name, "string"))
           for name, value in doc.extras.attributes.get(owner, {}).items()]
    style = doc.extras.styles.get(owner)
    if style is not None and (style.color or style.size is not None):
        parts = [p for p in (style.color and f"colour {style.color}",
                             style.size is not None and f"size {style.size:g}",
                             style.shape and f"shape {style.shape}") if p]
        out.append(ProfileRow("From the imported file", "Drawn with " + ", ".join(parts)))
    return out


def _rank_rows(doc: Document, actor_id: str, view: ViewFilter, weights) -> list[ProfileRow]:
    data = filtered(doc, view)
    if actor_id not in data.actors:
        why = "not in the view (filtered out, or not in existence at the view's date)"
        return [ProfileRow("Rank in view", "Not ranked", why)]
    core = [a for k, a in data.actors.items() if k not in data.context]
    index = capability_index(core, weights, view_year(view))
    if actor_id not in index.index or index.index[actor_id] <= 0:
        return [ProfileRow("Rank in view", "Capability: not ranked",
                           "no capability figures for the view's year")]
    rank = index.rank_of(actor_id)
    with_data = sum(1 for v in index.index.values() if v > 0)
    when = f"figures of {index.year} or before" if index.year else "latest figures"
    detail = (f"of {with_data} actors with figures; {100 * index.share[actor_id]:.1f} % of "
              f"their capability ({when})")
    return [ProfileRow("Rank in view", f"Capability: {_ordinal(rank)}", detail, "actor",
                       actor_id)]
