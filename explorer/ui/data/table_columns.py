"""The columns of the data tables: how each shows, sorts and edits a field of an actor,
alliance, membership or tie (the models in :mod:`explorer.ui.data.table_models` hold the
rows)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from explorer.model.entities import Actor, Alliance, Capability, Document
from explorer.model.vocab import (
    ACTOR_KINDS,
    ALLIANCE_KINDS,
    METRIC_LABELS,
    METRICS,
    OBLIGATIONS,
    ROLES,
    label,
)
from explorer.ui.editing.common import (
    actor_text,
    alliance_text,
    format_number,
    parse_number,
    text_or_none,
)

MISSING_NUMBER = float("-inf")

SIGNS = ((1, "+1 partnership"), (-1, "−1 rivalry"))


@dataclass(frozen=True)
class Column:
    """How one column shows, sorts and edits a record."""

    title: str
    text: Callable[[Document, Any], str]
    #: value for sorting (same type down the column); default: the lower-cased text
    sort: Callable[[Document, Any], Any] | None = None
    #: (document, current record, value typed or chosen) -> new record; ValueError refuses
    edit: Callable[[Document, Any, Any], Any] | None = None
    #: the value an editor starts from; default: the text
    raw: Callable[[Any], Any] | None = None
    choices: tuple[tuple[Any, str], ...] | None = None
    check: Callable[[Any], bool] | None = None
    numeric: bool = False
    tip: str = ""


def _vocab(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((v, label(v)) for v in values)


def _set(attr: str, convert: Callable[[Any], Any] = lambda v: v):
    def edit(doc: Document, record, value):
        return dataclasses.replace(record, **{attr: convert(value)})

    return edit


def _date(value: Any) -> str | None:
    return text_or_none(str(value) if value is not None else "")


def _text(attr: str) -> Callable[[Document, Any], str]:
    return lambda doc, r: getattr(r, attr) or ""


SIGNED_TIP = ("YYYY-MM-DD: the signature, where it differs from entry into force; "
              "the as-of date uses entry into force")


def text_column(title: str, attr: str, date: bool = False, tip: str = "") -> Column:
    """A free-text (or date) attribute, edited in place as typed."""
    return Column(
        title,
        _text(attr),
        edit=_set(attr, _date if date else (lambda v: str(v))),
        tip=tip or ("YYYY-MM-DD; empty when unknown" if date else ""),
    )


def _choice_column(title: str, attr: str, values: tuple[str, ...]) -> Column:
    return Column(
        title,
        lambda doc, r: label(getattr(r, attr)),
        edit=_set(attr),
        raw=lambda r: getattr(r, attr),
        choices=_vocab(values),
    )


# ----- actors -------------------------------------------------------------------------

_SHORT_METRIC = {
    "milex_usd_bn": "Milex $bn",
    "personnel_k": "Personnel k",
    "population_m": "Population m",
    "gdp_usd_bn": "GDP $bn",
    "warheads": "Warheads",
    "urban_population_m": "Urban pop. m",
    "gdp_ppp_bn": "GDP PPP bn",
    "energy_mtoe": "Energy Mtoe",
}


def _set_figure(metric: str):
    def edit(doc: Document, actor: Actor, value: Any) -> Actor:
        number = parse_number(str(value), METRIC_LABELS.get(metric, metric))
        caps = [c for c in actor.capabilities]
        # the cell shows the latest figure, so that is the one edited or removed
        latest = actor.figure_at(metric)
        index = next((i for i, c in enumerate(caps) if c is latest), None)
        if index is None and latest is not None:
            index = caps.index(latest)
        if number is None:
            if index is not None:
                del caps[index]
        elif index is None:
            caps.append(Capability(metric, number))
        else:
            caps[index] = dataclasses.replace(caps[index], value=number)
        return dataclasses.replace(actor, capabilities=tuple(caps))

    return edit


def _figure_sort(metric: str):
    def sort(doc: Document, actor: Actor) -> float:
        value = actor.figure(metric)
        return MISSING_NUMBER if value is None else float(value)

    return sort


def _region_names(doc: Document, actor: Actor) -> str:
    return ", ".join(doc.regions[r].name if r in doc.regions else r for r in actor.regions)


def _set_regions(doc: Document, actor: Actor, value: Any) -> Actor:
    by_name = {r.name.lower(): r.id for r in doc.regions.values()}
    out: list[str] = []
    for part in str(value).split(","):
        part = part.strip()
        if not part:
            continue
        region = part if part in doc.regions else by_name.get(part.lower(), part)
        if region not in out:
            out.append(region)
    return dataclasses.replace(actor, regions=tuple(out))


def actor_columns() -> list[Column]:
    columns = [
        Column("ID", lambda doc, a: a.id),
        text_column("Name", "name"),
        Column("Aliases", lambda doc, a: "; ".join(a.aliases),
               edit=lambda doc, a, v: dataclasses.replace(a, aliases=tuple(
                   p.strip() for p in str(v).split(";") if p.strip())),
               tip="Other names, separated by semicolons (Find matches them)"),
        _choice_column("Kind", "kind", ACTOR_KINDS),
        Column(
            "Regions",
            _region_names,
            edit=_set_regions,
            raw=lambda a: ", ".join(a.regions),
            tip="Region ids or names, separated by commas",
        ),
    ]
    for metric in METRICS:
        columns.append(
            Column(
                _SHORT_METRIC.get(metric, metric),
                lambda doc, a, m=metric: format_number(a.figure(m)),
                sort=_figure_sort(metric),
                edit=_set_figure(metric),
                numeric=True,
                tip=METRIC_LABELS.get(metric, metric)
                + ": the latest figure (edits change it; empty removes it)",
            )
        )
    columns += [text_column("Source", "source"), text_column("Notes", "notes")]
    return columns


# ----- alliances ----------------------------------------------------------------------


def alliance_columns(member_counts: Callable[[], Counter]) -> list[Column]:
    def check_formal(doc: Document, alliance: Alliance, value: Any) -> Alliance:
        return dataclasses.replace(alliance, formal=bool(value))

    return [
        Column("ID", lambda doc, a: a.id),
        text_column("Name", "name"),
        text_column("Short name", "short_name",
                    tip="What the canvas labels show (empty: the name)"),
        _choice_column("Kind", "kind", ALLIANCE_KINDS),
        _choice_column("Obligation", "obligation", OBLIGATIONS),
        Column(
            "Formal",
            lambda doc, a: "yes" if a.formal else "no",
            sort=lambda doc, a: int(a.formal),
            edit=check_formal,
            check=lambda a: a.formal,
        ),
        text_column("Signed", "signed", date=True, tip=SIGNED_TIP),
        text_column("Founded", "founded", date=True,
                    tip="YYYY-MM-DD: entry into force; empty when unknown"),
        text_column("Ended", "ended", date=True),
        Column(
            "Members",
            lambda doc, a: str(member_counts()[a.id]),
            sort=lambda doc, a: member_counts()[a.id],
            numeric=True,
        ),
        text_column("Source", "source"),
        text_column("Notes", "notes"),
    ]


# ----- memberships and ties -----------------------------------------------------------


def membership_columns() -> list[Column]:
    return [
        Column("Actor", lambda doc, m: actor_text(doc, m.actor)),
        Column("Alliance", lambda doc, m: alliance_text(doc, m.alliance)),
        _choice_column("Role", "role", ROLES),
        text_column("Signed", "signed", date=True, tip=SIGNED_TIP),
        text_column("Joined", "joined", date=True,
                    tip="YYYY-MM-DD: entry into force for the member; empty when unknown"),
        text_column("Left", "left", date=True),
        text_column("Source", "source"),
        text_column("Notes", "notes"),
    ]


def tie_columns() -> list[Column]:
    return [
        Column("Actor A", lambda doc, t: actor_text(doc, t.a)),
        Column("Actor B", lambda doc, t: actor_text(doc, t.b)),
        Column(
            "Sign",
            lambda doc, t: dict(SIGNS).get(t.sign, str(t.sign)),
            sort=lambda doc, t: t.sign,
            edit=_set("sign", int),
            raw=lambda t: t.sign,
            choices=SIGNS,
        ),
        text_column("Kind", "kind"),
        text_column("Signed", "signed", date=True, tip=SIGNED_TIP),
        text_column("Start", "start", date=True),
        text_column("End", "end", date=True),
        text_column("Source", "source"),
        text_column("Notes", "notes"),
    ]


# ----- the models ---------------------------------------------------------------------
