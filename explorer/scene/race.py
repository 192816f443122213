"""The bar chart race: each bloc's and alliance's share of world capability on a date,
so playing history shows them grow, shrink, appear and vanish.

Shares are of the capability index of the actors in force on the date (the same measure
as the what-if panel), so a bar says what it rests on: ``note`` gives the year of the
figures, how many actors have any and which have none.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.analysis.alliance_power import alliance_power
from explorer.analysis.capability import capability_index
from explorer.analysis.view import ViewFilter, filtered, view_year
from explorer.model.entities import Document
from explorer.scene import styles
from explorer.scene.caption import latest_text

#: alliances shown: the largest by share
TOP_ALLIANCES = 10


@dataclass(frozen=True)
class RaceBar:
    key: str  # "bloc:ID" or "alliance:ID": the same key keeps its colour and its bar
    label: str
    share: float  # of the world's capability in view, 0..1
    color: str
    members: int
    #: how many of the members have a capability figure (the share rests on these)
    with_data: int = 0

    @property
    def value_text(self) -> str:
        """"37.7 %", with what it rests on when some members have no figures, and why a
        bar is empty."""
        if self.members == 0:
            return "no members on this date"
        text = f"{100 * self.share:.1f} %"
        if self.with_data < self.members:
            text += f" ({self.with_data} of {self.members} with figures)"
        return text


@dataclass(frozen=True)
class RaceFrame:
    """Bars of one date: the user blocs, then the largest alliances."""

    date: str | None  # None: the latest data
    title: str
    blocs: tuple[RaceBar, ...]
    alliances: tuple[RaceBar, ...]
    note: str
    #: why there are no bars, when there are none ("" otherwise)
    empty_reason: str = ""

    def bar(self, key: str) -> RaceBar | None:
        for b in (*self.blocs, *self.alliances):
            if b.key == key:
                return b
        return None


def alliance_color(alliance_id: str, doc: Document) -> str:
    """A colour an alliance keeps in every frame (its place in the id order)."""
    order = sorted(doc.alliances)
    i = order.index(alliance_id) if alliance_id in order else len(order)
    return styles.PALETTE[i % len(styles.PALETTE)]


def race_frame(doc: Document, view: ViewFilter | None = None, weights: dict | None = None,
               top: int = TOP_ALLIANCES) -> RaceFrame:
    """The bars of ``view``'s date (and regions)."""
    view = view or ViewFilter()
    data = filtered(doc, view)
    year = view_year(view)
    cap = capability_index(data.actors.values(), weights, year)
    missing = set(cap.no_data)
    blocs = []
    for bloc in sorted(doc.blocs.values(), key=lambda b: b.id):
        members = [m for m in bloc.members_on(view.as_of) if m in cap.share]
        blocs.append(RaceBar(f"bloc:{bloc.id}", bloc.name,
                             sum(cap.share[m] for m in members), bloc.color, len(members),
                             sum(1 for m in members if m not in missing)))
    blocs.sort(key=lambda b: (-b.share, b.key))
    pooled = alliance_power(data, cap, year)
    alliances = [
        RaceBar(f"alliance:{p.id}", doc.alliances[p.id].label, p.share,
                alliance_color(p.id, doc), len(p.members), p.with_data)
        for p in list(pooled.values())[:top] if p.share > 0
    ]
    with_data = len(cap.share) - len(cap.no_data)
    when = view.as_of or None
    figures_year = f"figures of {year} or the latest before" if year else "the latest figures"
    note = (f"Share of world capability (index of {with_data} of {len(cap.share)} actors in"
            f" force with figures; {figures_year}).")
    if cap.no_data:
        names = [doc.actors[a].name for a in cap.no_data[:4] if a in doc.actors]
        more = len(cap.no_data) - len(names)
        note += " No figures: " + ", ".join(names) + (f" and {more} more" if more > 0 else "") + "."
    title = str(int(when[:4])) if when else latest_text(doc)
    empty = ""
    if not with_data:
        empty = (f"No actor in force has a capability figure for {year} or before: no share"
                 " can be computed." if year else "No actor in view has a capability figure.")
    elif not alliances:
        empty = "No alliance in force has a member with a capability figure."
    return RaceFrame(when, title, tuple(blocs), tuple(alliances), note, empty)

