"""The array-based view filter keeps exactly the records a per-record check keeps, for
any dates (missing, partial, empty), kinds, self-ties and ties to unknown actors."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.analysis.memo import forget_all
from explorer.analysis.view import ViewFilter, alliance_in_force, dated_enough, filtered
from explorer.model.entities import Actor, Alliance, Document, Membership, Region, Tie

IDS = ["AAA", "BBB", "CCC", "DDD", "EEE"]
REGIONS = ["world", "eu", "west", "asia", "loose", "unknown"]
dates = st.one_of(st.none(), st.sampled_from(
    ["1950", "1990-05", "1990-05-01", "2001-09-11", "2020-01-01", "2024-12-31"]))
days = st.one_of(st.none(), st.sampled_from(
    ["1949-12-31", "1990", "1990-05-01", "1995-06-30", "2010-12-31", "2024-12-31"]))


def reference(doc: Document, view: ViewFilter) -> tuple:
    """What the first build kept: one check per record."""
    day = view.as_of
    actors = {a.id: a for a in doc.actors.values()
              if (not view.actor_kinds or a.kind in view.actor_kinds) and a.exists(day)}
    alliances = {k: al for k, al in doc.alliances.items()
                 if (not view.alliance_kinds or al.kind in view.alliance_kinds)
                 and alliance_in_force(al, day)}
    memberships = [m for m in doc.memberships.values()
                   if m.alliance in alliances and m.actor in actors and m.in_force(day)
                   and (m.joined or dated_enough(alliances[m.alliance].founded, day))]
    ties = [t for t in doc.ties.values()
            if t.a in actors and t.b in actors and t.a != t.b and t.in_force(day)
            and (t.start or day is None)]
    core = {k for k, a in actors.items()
            if not view.regions or any(view.regions.intersection(doc.region_ancestors(r))
                                       for r in a.regions)}
    context = set()
    core_alliances = {m.alliance for m in memberships if m.actor in core}
    if view.keep_partners and view.regions:
        context.update(m.actor for m in memberships
                       if m.alliance in core_alliances and m.actor not in core)
        for t in ties:
            if t.a in core and t.b not in core:
                context.add(t.b)
            elif t.b in core and t.a not in core:
                context.add(t.a)
    kept = core | context
    memberships = [m for m in memberships if m.actor in kept and m.alliance in core_alliances]
    ties = [t for t in ties if t.a in kept and t.b in kept]
    used = {m.alliance for m in memberships}
    return ([k for k in actors if k in kept], [k for k in alliances if k in used],
            memberships, ties, context)


@st.composite
def documents(draw) -> Document:
    actors = {
        aid: Actor(aid, aid, kind=draw(st.sampled_from(["state", "non_state", "other"])),
                   start=draw(dates), end=draw(dates),
                   regions=tuple(draw(st.lists(st.sampled_from(REGIONS), max_size=2))))
        for aid in draw(st.lists(st.sampled_from(IDS), unique=True, max_size=5))
    }
    alliances = {
        lid: Alliance(lid, lid, kind=draw(st.sampled_from(["defence_pact", "forum"])),
                      founded=draw(dates), ended=draw(dates))
        for lid in ("x", "y")
    }
    memberships = {}
    for actor in draw(st.lists(st.sampled_from([*IDS, "ZZZ"]), max_size=8)):
        alliance = draw(st.sampled_from(["x", "y"]))
        memberships[(actor, alliance)] = Membership(
            actor, alliance, joined=draw(st.one_of(dates, st.just(""))), left=draw(dates))
    ties = {}
    for i, (a, b) in enumerate(draw(st.lists(
            st.tuples(st.sampled_from([*IDS, "ZZZ"]), st.sampled_from(IDS)), max_size=8))):
        ties[i] = Tie(a, b, sign=draw(st.sampled_from([1, -1])), start=draw(dates),
                      end=draw(dates), id=i)
    regions = {"world": Region("world", "World"), "eu": Region("eu", "Europe", "world"),
               "west": Region("west", "Western Europe", "eu"),
               "asia": Region("asia", "Asia", "world"), "loose": Region("loose", "Loose")}
    return Document(actors=actors, alliances=alliances, memberships=memberships, ties=ties,
                    regions=regions)


@settings(max_examples=300, deadline=None)
@given(doc=documents(), day=days,
       kinds=st.frozensets(st.sampled_from(["state", "non_state", "other"])),
       alliance_kinds=st.frozensets(st.sampled_from(["defence_pact", "forum"])),
       regions=st.frozensets(st.sampled_from(REGIONS), max_size=2), partners=st.booleans())
def test_the_filter_keeps_what_a_check_per_record_keeps(doc, day, kinds, alliance_kinds,
                                                        regions, partners):
    forget_all()
    view = ViewFilter(as_of=day, actor_kinds=kinds, alliance_kinds=alliance_kinds,
                      regions=regions, keep_partners=partners)
    data = filtered(doc, view)
    actors, alliances, memberships, ties, context = reference(doc, view)
    assert data.context == context
    assert list(data.actors) == actors
    assert list(data.alliances) == alliances
    assert list(data.memberships) == memberships
    assert list(data.ties) == ties
