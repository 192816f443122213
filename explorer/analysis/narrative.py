"""Two to four plain sentences from the numbers, for the top of a comparison or report.

:func:`comparison_summary` says what the first changes do to the alliances they touch,
to the allied capability of the actor concerned, and to the broker ranking; when nothing
moves it says why (the other alliances and ties that still bind the members). The last
sentence names the figures' basis when it is thin. :func:`analysis_summary` does the
same for a single analysis (the headline blocs, the strongest alliance, the top broker).
Every sentence is built from the figures passed in; nothing is looked up elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from explorer.analysis.pipeline import Analysis
from explorer.analysis.power_compare import PowerSide, bloc_sets
from explorer.model.entities import Change
from explorer.model.vocab import INDEX_METRICS

if TYPE_CHECKING:
    from explorer.analysis.whatif import Comparison

#: A change of a share below this (0.05 percentage points) reads as "no change".
STEADY = 5e-4
#: How much each metric's sum is called in a sentence, and its unit.
_FIGURE_WORDS = {
    "milex_usd_bn": ("US$ {:,.0f} bn", "expenditure"),
    "population_m": ("{:,.0f} M", "people"),
    "personnel_k": ("{:,.0f} k", "personnel"),
    "gdp_usd_bn": ("US$ {:,.0f} bn", "GDP"),
}
MINUS = "−"


def alliance_label(ident: str, name: str) -> str:
    """The acronym when the id spells the name's initials ('nato' for North Atlantic
    Treaty Organization -> 'NATO'), else the name without its parenthetical."""
    initials = "".join(w[0] for w in short(name).split() if w[:1].isupper())
    return ident.upper() if len(initials) > 1 and initials == ident.upper() else short(name)


def short(name: str) -> str:
    """A name without its trailing parenthetical: 'Five Eyes (UKUSA Agreement)' -> 'Five Eyes'."""
    return name[: name.index("(")].strip() if "(" in name and name.index("(") > 0 else name


def pct(share: float | None) -> str:
    return "–" if share is None else f"{100 * share:.1f} %"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def listing(items: list[str], limit: int = 3) -> str:
    """'A', 'A and B', 'A, B and C', 'A, B, C and 2 others'."""
    if not items:
        return "none"
    if len(items) > limit:
        items = [*items[:limit], f"{len(items) - limit} others"]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def moves(before: float | None, after: float | None) -> str:
    """'falls from 58.7 % to 57.6 %', 'rises …', or 'stays at 58.7 %'."""
    if before is None or after is None or abs(after - before) < STEADY:
        return f"stays at {pct(before if before is not None else after)}"
    verb = "falls" if after < before else "rises"
    return f"{verb} from {pct(before)} to {pct(after)}"


def _coverage(c: Comparison, alliance: str) -> str:
    """'2 of 5 remaining members have figures' when some remaining members have none."""
    p = c.scenario_power.power.get(alliance)
    if p is None or p.with_data == len(p.members):
        return ""
    return f"{p.with_data} of {len(p.members)} remaining members have figures"


def _figure_deltas(figures: dict[str, dict], coverage: str = "") -> str:
    parts = []
    # the sentence names expenditure and people; other index components stay in the tables
    for metric in INDEX_METRICS:
        if metric not in _FIGURE_WORDS:
            continue
        row = figures.get(metric)
        if not row or not row["baseline"]:
            continue
        delta = (row["scenario"] or 0.0) - row["baseline"]
        if abs(delta) < 0.5:
            continue
        amount, unit = _FIGURE_WORDS[metric]
        sign = MINUS if delta < 0 else "+"
        parts.append(f"{sign}{amount.format(abs(delta))} {unit}")
    text = ", ".join(parts)
    if parts and coverage:
        text += "; " + coverage
    return f" ({text})" if text else ""


class _Names:
    def __init__(self, *analyses: Analysis) -> None:
        self.actors: dict[str, str] = {}
        self.alliances: dict[str, str] = {}
        for an in analyses:
            self.actors |= {k: a.name for k, a in an.data.actors.items()}
            self.alliances |= {
                k: alliance_label(k, a.name) for k, a in an.data.alliances.items()
            }

    def actor(self, k: str) -> str:
        return self.actors.get(k, k)

    def alliance(self, k: str) -> str:
        return self.alliances.get(k, k)


def _alliance_sentence(c: Comparison, ch: Change, n: _Names) -> str | None:
    rows = c.alliances
    if ch.kind == "dissolve_alliance":
        row = rows.get(ch.alliance)
        if row is None:
            return None
        return (f"{n.alliance(ch.alliance)} is dissolved: its {row['members_baseline']} "
                f"members held {pct(row['baseline'])} of world capability together.")
    if ch.kind == "remove_membership":
        row = rows.get(ch.alliance)
        if row is None:
            return None
        tail = _figure_deltas(row["figures"], _coverage(c, ch.alliance))
        if abs(row["delta"] or 0.0) < STEADY and not tail:
            tail = f" ({n.actor(ch.actor)} has no capability figure in view)"
        return (f"{n.alliance(ch.alliance)} loses {n.actor(ch.actor)}: its share of world "
                f"capability {moves(row['baseline'], row['scenario'])}{tail}.")
    if ch.kind == "remove_actor":
        # Alliances that keep two or more members: a bilateral pact left with one says little.
        lost = sorted((k for k, r in rows.items() if ch.actor in r["lost"]),
                      key=lambda k: (-(rows[k]["baseline"] or 0.0), k))
        touched = sorted(((k, rows[k]) for k in lost if (rows[k]["members_scenario"] or 0) >= 2),
                         key=lambda kr: (-abs(kr[1]["delta"] or 0.0), kr[0]))
        if not lost:
            return f"{n.actor(ch.actor)} belongs to no alliance in view."
        if not touched:
            names = listing([n.alliance(k) for k in lost])
            return f"Without {n.actor(ch.actor)}, {names} keep one member or none."
        k, r = touched[0]  # the largest change
        gone = c.baseline.capability.share.get(ch.actor, 0.0)
        rest = (f"; every other share grows as {n.actor(ch.actor)}'s {pct(gone)} leaves the "
                "world total") if gone >= STEADY else ""
        return (f"Without {n.actor(ch.actor)}, {n.alliance(k)}'s share of world capability "
                f"{moves(r['baseline'], r['scenario'])}"
                f"{_figure_deltas(r['figures'], _coverage(c, k))}{rest}.")
    if ch.kind == "move_to_bloc":
        return _bloc_move_sentence(c, ch, n)
    return None


def _bloc_move_sentence(c: Comparison, ch: Change, n: _Names) -> str:
    blocs = c.scenario.data.blocs
    target = None if ch.bloc is None else next(
        (b for b in blocs.values() if ch.bloc in (b.id, b.name)), None)
    where = f"moves to {target.name}" if target else "leaves every user bloc"
    moved = [r for r in c.bloc_views.get("user", {}).values()
             if r["delta"] is not None and abs(r["delta"]) >= STEADY]
    shares = "; ".join(f"{r['name']} {moves(r['baseline'], r['scenario'])}" for r in moved[:2])
    what = shares if shares else "no user bloc share moves"
    return f"{n.actor(ch.actor)} {where}: {what}. Alliances and allies do not depend on blocs."


def _ties_phrase(actor: str, side: PowerSide, n: _Names) -> str:
    parts = side.allied[actor].contributions if actor in side.allied else ()
    if not parts:
        return "it keeps no ally in view"
    strong = [p for p in parts if p.obligation == "defence" and p.weight >= 1.0]
    weak = sorted((p for p in parts if p not in strong), key=lambda p: (-p.share, -p.weight))
    bits = []
    if strong:
        pacts = "a defence pact" if len({p.via for p in strong}) == 1 else "defence pacts"
        bits.append(f"{pacts} with {listing([n.actor(p.partner) for p in strong])}")
    if weak:
        word = "lesser ties" if strong else "ties"
        bits.append(f"{word} with {listing([n.actor(p.partner) for p in weak])}")
    return "it keeps " + " and ".join(bits)


def _allied_sentence(c: Comparison, ch: Change, n: _Names) -> str | None:
    if ch.kind == "remove_membership" and ch.actor in c.allied:
        row = c.allied[ch.actor]
        return (f"{n.actor(ch.actor)}'s allied capability {moves(row['baseline'], row['scenario'])}"
                f": {_ties_phrase(ch.actor, c.scenario_power, n)}.")
    if ch.kind == "remove_actor":
        hit = [(k, r) for k, r in c.allied.items() if r["scenario"] is not None
               and (r["delta"] or 0.0) <= -STEADY]
        if not hit:
            return f"No remaining actor's allied capability depends on {n.actor(ch.actor)}."
        k, r = hit[0]
        more = f"; {len(hit) - 1} other actors lose allied capability too" if len(hit) > 1 else ""
        return f"{n.actor(k)}'s allied capability {moves(r['baseline'], r['scenario'])}{more}."
    if ch.kind == "dissolve_alliance":
        return _still_bound(c, ch.alliance, n)
    return None


def _still_bound(c: Comparison, alliance: str, n: _Names) -> str | None:
    """Why a dissolution moves nothing, or how much it moves: the alliances and ties that
    still bind its members (the strongest remaining binding of each pair, in the scenario)."""
    power = c.baseline_power.power.get(alliance)
    if power is None:
        return None
    members = power.members
    strongest: dict[str, float] = {}
    unbound = 0
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            bind = c.scenario_power.bound.get(a, {}).get(b)
            if bind is None:
                unbound += 1
            else:
                strongest[bind.via] = max(strongest.get(bind.via, 0.0), bind.weight)
    vias = sorted(strongest, key=lambda v: (-strongest[v], n.alliance(v)))
    through = listing([("bilateral ties" if v == "tie" else n.alliance(v)) for v in vias], 4)
    moved = [(k, r) for k in members if (r := c.allied.get(k)) and abs(r["delta"] or 0) >= STEADY]
    name = n.alliance(alliance)
    if not moved and not unbound and vias:
        blocs = "" if _blocs_moved(c) else " or bloc share"
        return f"{name} members remain bound through {through}; no allied capability{blocs} changes."
    if moved:
        k, r = moved[0]
        some = "all" if not unbound else "some"
        kept = f"; {some} members remain bound through {through}" if vias else ""
        return f"{n.actor(k)}'s allied capability {moves(r['baseline'], r['scenario'])}{kept}."
    return f"{name} members keep no other tie to each other." if not vias else None


def _blocs_moved(c: Comparison) -> bool:
    return any(abs(r["delta"] or 0) >= STEADY or r["delta"] is None
               for rows in c.bloc_views.values() for r in rows.values())


def _broker_sentence(c: Comparison, n: _Names) -> str | None:
    rows = [r for r in c.brokers if r["rank_change"]]
    if not rows:
        return None
    down = min(rows, key=lambda r: (r["rank_change"], r["actor"]))
    up = max(rows, key=lambda r: (r["rank_change"], -(r["scenario_rank"] or 0)))
    parts = []
    if down["rank_change"] < 0:
        parts.append(f"{n.actor(down['actor'])} drops from {ordinal(down['baseline_rank'])} "
                     f"to {ordinal(down['scenario_rank'])} broker")
    if up["rank_change"] > 0:
        parts.append(f"{n.actor(up['actor'])} rises to {ordinal(up['scenario_rank'])}")
    return "; ".join(parts) + "." if parts else None


def _nothing_moved(c: Comparison) -> bool:
    figures = ("edges", "components", "largest_component_share", "efficiency", "con_actors")
    if any(abs(c.figures[k]["delta"] or 0) >= 1e-9 for k in figures):
        return False
    if any(r["scenario"] is not None and abs(r["delta"] or 0) >= STEADY
           for r in c.allied.values()):
        return False
    return not _blocs_moved(c)


def basis_sentence(an: Analysis) -> str | None:
    """Names the figures' basis when thin: how many actors have figures, for which year."""
    cap = an.capability
    n = len(cap.index)
    with_data = n - len(cap.no_data)
    if n == 0 or with_data == n:
        return None
    year = f"figures of {an.year} or earlier" if an.year else "each actor's latest figures"
    derived = sum(
        1 for a in an.data.actors.values()
        if any((f := a.figure_at(m, an.year)) is not None and f.derived for m in INDEX_METRICS)
    )
    more = f", {derived} of them partly derived" if derived else ""
    return (f"Capability rests on figures for {with_data} of {n} actors in view ({year}"
            f"{more}); the others count as having no capability.")


def comparison_summary(c: Comparison, outside: Iterable[Change] = ()) -> list[str]:
    """Two to four sentences on a :class:`~explorer.analysis.whatif.Comparison`."""
    n = _Names(c.baseline, c.scenario)
    outside = list(outside)
    inside = [ch for ch in c.changes if ch not in outside]
    out: list[str] = []
    if c.reference_name is not None:
        ref = f"\u201c{c.reference_name}\u201d"
        undone = (f", which leaves out {listing([_change_words(ch, n) for ch in c.reference_only])}"
                  if c.reference_only else "")
        out.append(f"Compared with {ref}, not the baseline: figures read {ref} \u2192 this "
                   f"scenario{undone}.")
    if outside:
        out.append(f"{listing([ch.describe() for ch in outside])}: outside the view, so "
                   "without effect here.")
    for ch in inside[:2]:
        out += [s for s in (_alliance_sentence(c, ch, n), _allied_sentence(c, ch, n)) if s]
    if _nothing_moved(c) and not any("remain bound" in s for s in out):
        out.append("No link, allied capability or bloc share changes.")
    broker = _broker_sentence(c, n)
    if broker:
        out.append(broker)
    basis = basis_sentence(c.baseline)
    out = out[: 3 if basis else 4]
    return out + ([basis] if basis else [])


def _change_words(ch: Change, n: _Names) -> str:
    """A reference scenario's own change in words: "Hungary leaving NATO"."""
    if ch.kind == "remove_membership":
        return f"{n.actor(ch.actor)} leaving {n.alliance(ch.alliance)}"
    if ch.kind == "remove_actor":
        return f"the removal of {n.actor(ch.actor)}"
    if ch.kind == "dissolve_alliance":
        return f"the dissolution of {n.alliance(ch.alliance)}"
    return ch.describe()


def analysis_summary(an: Analysis, side: PowerSide, headline: str = "alliance") -> list[str]:
    """Two to four sentences on one analysis: headline blocs, strongest alliance, broker."""
    out: list[str] = []
    blocs = bloc_sets(an)[headline]
    shown = [b for b in (blocs.blocs if blocs else ()) if len(b.members) > 1][:3]
    if shown:
        first, rest = shown[0], shown[1:]
        others = "; " + ", ".join(f"{b.name} {pct(b.share)}" for b in rest) if rest else ""
        kind = {"user": "user", "detected": "detected", "alliance": "alliance-derived"}
        out.append(f"Of the {kind[headline]} blocs, {first.name} holds {pct(first.share)} of "
                   f"world capability with {len(first.members)} actors{others}.")
    if side.power:
        p = next(iter(side.power.values()))
        spend = p.figures.get("milex_usd_bn")
        money = (f" (US$ {spend:,.0f} bn expenditure, reported by {p.reported['milex_usd_bn']}"
                 f" of {len(p.members)} members)") if spend else ""
        out.append(f"{alliance_label(p.id, p.name)} pools the largest share: {pct(p.share)}"
                   f"{money}.")
    top = an.network.top("betweenness", 1)
    if top and top[0][1] > 0:
        out.append(f"{an.data.actors[top[0][0]].name} is the top broker of the alliance web.")
    basis = basis_sentence(an)
    return out[: 3 if basis else 4] + ([basis] if basis else [])
