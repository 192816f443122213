"""The report's pooled-power sections: alliance aggregates, allied capability, the
alliance-derived bloc view and their comparison rows (see :mod:`~explorer.analysis.report`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.analysis.blocs import BlocSet
from explorer.analysis.pipeline import Analysis
from explorer.analysis.power_compare import PowerSide

if TYPE_CHECKING:
    from explorer.analysis.whatif import Comparison

TOP_ALLIED = 15
#: Comparison rows whose change is below this are left out (their count is kept).
MOVED = 1e-9


def _name(an: Analysis, actor: str) -> str:
    a = an.data.actors.get(actor)
    return a.name if a else actor


def bloc_view(bs: BlocSet | None, with_members: bool = True) -> dict:
    """A bloc view as the report shows it: blocs of two or more, unaligned share, CON."""
    if bs is None:
        return {"blocs": [], "unaligned_share": None, "con": None, "ratios": []}
    shown = [b for b in bs.blocs if len(b.members) > 1]
    return {
        "blocs": [
            {"id": b.id, "name": b.name, "size": len(b.members), "strength": b.strength,
             "share": b.share} | ({"members": list(b.members)} if with_members else {})
            for b in shown
        ],
        "unaligned_share": bs.unaligned_share,
        "con": bs.con,
        "ratios": bs.ratios(limit=min(len(shown), 4)),
    }


def alliances(side: PowerSide) -> list[dict]:
    """Every alliance's aggregate, largest share first."""
    return [
        {
            "id": p.id,
            "name": p.name,
            "obligation": p.obligation,
            "members": len(p.members),
            "with_data": p.with_data,
            "index": p.index,
            "share": p.share,
            "figures": dict(p.figures),
            "reported": dict(p.reported),
        }
        for p in side.power.values()
    ]


def allied(an: Analysis, side: PowerSide, top: int = TOP_ALLIED) -> list[dict]:
    """The ``top`` actors by allied capability, with their strongest contributors."""
    ranked = sorted(side.allied.values(), key=lambda a: (-a.share, a.actor))[:top]
    return [
        {
            "rank": i,
            "actor": a.actor,
            "name": _name(an, a.actor),
            "own": a.own,
            "share": a.share,
            "allies": a.allies,
            "contributors": [
                {"actor": c.partner, "name": _name(an, c.partner), "via": c.via,
                 "obligation": c.obligation, "weight": c.weight, "share": c.share}
                for c in a.contributions[:5]
            ],
        }
        for i, a in enumerate(ranked, start=1)
    ]


def _moved(rows: dict[str, dict]) -> dict[str, dict]:
    return {
        k: r for k, r in rows.items()
        if r["delta"] is None or abs(r["delta"]) > MOVED
        if r["baseline"] is not None or r["scenario"] is not None
    }


def comparison(c: Comparison) -> dict:
    """The comparison's pooled-power rows: only those that moved, with counts of the rest."""
    names = {**{k: a.name for k, a in c.scenario.data.actors.items()},
             **{k: a.name for k, a in c.baseline.data.actors.items()}}
    moved_alliances = _moved(c.alliances)
    moved_allied = _moved(c.allied)
    return {
        "headline": c.headline,
        "bloc_views": {view: _moved(rows) for view, rows in c.bloc_views.items()},
        "alliances": moved_alliances,
        "alliances_unchanged": len(c.alliances) - len(moved_alliances),
        "allied": {k: {"name": names.get(k, k)} | r for k, r in moved_allied.items()},
        "allied_unchanged": len(c.allied) - len(moved_allied),
    }
