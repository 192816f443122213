"""Baseline against scenario for pooled power: alliance aggregates, allied capability and
the three bloc views (user, detected, alliance-derived), as rows with deltas.

Rows are plain dicts ``{"baseline", "scenario", "delta", …}`` (None on the side where
the thing does not exist) so the report can serialise them as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from explorer.analysis.alliance_power import (
    AlliancePower,
    AlliedCapability,
    Bindings,
    actor_figures,
    alliance_power,
    allied_capability,
    bindings,
)
from explorer.analysis.blocs import BlocSet
from explorer.analysis.pipeline import Analysis

#: The bloc views, as the report and ``report --blocs`` name them.
BLOC_VIEWS = ("user", "detected", "alliance")
DEFAULT_HEADLINE = "alliance"


@dataclass(frozen=True)
class PowerSide:
    """One side's pooled power: alliance aggregates, bindings and allied capability."""

    power: dict[str, AlliancePower]
    bound: Bindings
    allied: dict[str, AlliedCapability]
    figures: dict[str, dict[str, float]]


def power_side(an: Analysis, binding_weights: Mapping[str, float] | None = None) -> PowerSide:
    """Alliance aggregates and allied capability of one analysis."""
    figures = actor_figures(an.data, an.year)
    bound = bindings(an.data, binding_weights)
    return PowerSide(
        power=alliance_power(an.data, an.capability, an.year, figures),
        bound=bound,
        allied=allied_capability(an.data, an.capability, bound=bound),
        figures=figures,
    )


def check_headline(headline: str) -> str:
    if headline not in BLOC_VIEWS:
        raise ValueError(f"Unknown bloc view '{headline}'; expected one of {BLOC_VIEWS}.")
    return headline


def bloc_sets(an: Analysis) -> dict[str, BlocSet | None]:
    """The three bloc views of an analysis, by name."""
    return {"user": an.user_blocs, "detected": an.detected_blocs, "alliance": an.alliance_blocs}


def _delta(a, b):
    return None if a is None or b is None else b - a


def _row(before, after, **extra) -> dict:
    return {**extra, "baseline": before, "scenario": after, "delta": _delta(before, after)}


def _by_abs_delta(rows: dict[str, dict], size: str = "baseline") -> dict[str, dict]:
    def key(item):
        k, r = item
        d = r["delta"]
        return (d is None and r[size] is None, -abs(d) if d is not None else -1.0,
                -(r[size] or 0.0), k)

    return dict(sorted(rows.items(), key=key))


def bloc_view_rows(base: Analysis, alt: Analysis) -> dict[str, dict[str, dict]]:
    """view -> bloc -> share row. Detected blocs are matched by name ("Around X"): their
    ids (C1, C2 …) are renumbered in each run; user and alliance blocs by id."""
    out: dict[str, dict[str, dict]] = {}
    before, after = bloc_sets(base), bloc_sets(alt)
    for view in BLOC_VIEWS:

        def keyed(bs: BlocSet | None, view=view) -> dict[str, tuple[str, float]]:
            if bs is None:
                return {}
            return {
                (b.name if view == "detected" else b.id): (b.name, b.share)
                for b in bs.blocs
                if view != "detected" or len(b.members) > 1
            }

        kb, ka = keyed(before[view]), keyed(after[view])
        rows = {
            k: _row(kb[k][1] if k in kb else None, ka[k][1] if k in ka else None,
                    name=(kb.get(k) or ka.get(k))[0])
            for k in kb.keys() | ka.keys()
        }
        out[view] = _by_abs_delta(rows)
    return out


def alliance_rows(base: PowerSide, alt: PowerSide) -> dict[str, dict]:
    """alliance -> its share row with member counts, lost/gained members and the change
    of each summed figure; largest change first."""
    rows = {}
    for k in base.power.keys() | alt.power.keys():
        b, a = base.power.get(k), alt.power.get(k)
        mb = set(b.members) if b else set()
        ma = set(a.members) if a else set()
        metrics = sorted(set(b.figures if b else ()) | set(a.figures if a else ()))
        rows[k] = _row(
            b.share if b else None,
            a.share if a else None,
            name=(b or a).name,
            obligation=(b or a).obligation,
            members_baseline=len(mb) if b else None,
            members_scenario=len(ma) if a else None,
            lost=sorted(mb - ma),
            gained=sorted(ma - mb),
            figures={
                # an alliance whose remaining members report nothing sums to 0, not None
                m: _row(b.figures.get(m, 0.0) if b else None, a.figures.get(m, 0.0) if a else None)
                for m in metrics
            },
        )
    return _by_abs_delta(rows)


def allied_rows(base: PowerSide, alt: PowerSide) -> dict[str, dict]:
    """actor -> its allied-capability row with ally counts; largest change first."""
    rows = {}
    for k in base.allied.keys() | alt.allied.keys():
        b, a = base.allied.get(k), alt.allied.get(k)
        rows[k] = _row(
            b.share if b else None,
            a.share if a else None,
            own_baseline=b.own if b else None,
            own_scenario=a.own if a else None,
            allies_baseline=b.allies if b else None,
            allies_scenario=a.allies if a else None,
        )
    return _by_abs_delta(rows)
