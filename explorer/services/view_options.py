"""What a front end asks to see (date, regions, scenario, ad-hoc changes), checked against
the document and turned into the analysis's ViewFilter and Scenario."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from explorer.analysis.names import changes_from_cli, resolve_names
from explorer.analysis.view import ViewFilter
from explorer.errors import UserError
from explorer.model.describe import describe_change
from explorer.model.entities import Document, Scenario
from explorer.model.validation import check_date


@dataclass(frozen=True)
class ViewRequest:
    """A view as typed by a user: names may be ids or (close to) display names."""

    as_of: str | None = None
    regions: Sequence[str] = ()
    scenario: str | None = None
    removes: Sequence[str] = ()
    dissolves: Sequence[str] = ()
    #: compare with this saved scenario instead of the baseline
    against: str | None = None


@dataclass(frozen=True)
class ResolvedView:
    """The checked view filter, the scenario to apply (None: baseline) and its name."""

    view: ViewFilter
    scenario: Scenario | None = None
    changes_given: bool = field(default=False)
    against: Scenario | None = None


def resolve_view(doc: Document, request: ViewRequest) -> ResolvedView:
    """Check ``request`` against ``doc``; ValidationError / UnknownName name the bad part."""
    check_date(request.as_of, "as-of date")
    regions = (
        frozenset(resolve_names(doc, list(request.regions), "region"))
        if request.regions
        else frozenset()
    )
    view = ViewFilter(as_of=request.as_of, regions=regions)
    scenario = None
    if request.scenario:
        name = resolve_names(doc, [request.scenario], "scenario")[0]
        scenario = doc.scenarios[name]
    changes = changes_from_cli(doc, list(request.removes), list(request.dissolves))
    if changes:
        base = list(scenario.changes) if scenario else []
        title = scenario.name if scenario else "; ".join(describe_change(doc, c) for c in changes)
        scenario = Scenario(title, tuple(base + changes))
    against = None
    if request.against:
        if scenario is None:
            raise UserError("--against compares two scenarios: give --scenario (or "
                            "--remove / --dissolve) too.")
        against = doc.scenarios[resolve_names(doc, [request.against], "scenario")[0]]
    return ResolvedView(view, scenario, bool(changes), against)
