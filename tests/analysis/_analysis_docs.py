"""A small hand-built project whose figures can be checked by hand (not a test module)."""

from explorer.model.entities import (
    Actor,
    Alliance,
    Bloc,
    Capability,
    Change,
    Document,
    Membership,
    Region,
    Scenario,
    Tie,
)


def caps(milex=None, personnel=None, population=None, gdp=None, warheads=None):
    values = {
        "milex_usd_bn": milex,
        "personnel_k": personnel,
        "population_m": population,
        "gdp_usd_bn": gdp,
        "warheads": warheads,
    }
    return tuple(Capability(m, float(v), 2023) for m, v in values.items() if v is not None)


def small_doc() -> Document:
    """Eight states, three alliances, three ties, two blocs, one scenario.

    NATO (defence): USA, GBR, TUR founders/members, FIN from 2023-04-04.
    CSTO (defence): RUS founder; ARM member until 2024-02-01, suspended since.
    SHUSHA (bilateral defence, from 2021-06-15): TUR, AZE.
    Ties: USA-RUS -1, ARM-AZE -1, IRN-RUS +1.
    """
    regions = {
        "world": Region("world", "World"),
        "europe": Region("europe", "Europe", "world"),
        "caucasus": Region("caucasus", "Caucasus", "europe"),
        "middle_east": Region("middle_east", "Middle East", "world"),
        "americas": Region("americas", "Americas", "world"),
    }
    actors = [
        Actor(
            "USA",
            "United States",
            regions=("americas",),
            capabilities=caps(900, 1300, 330, 25000, 5000),
        ),
        Actor(
            "GBR", "United Kingdom", regions=("europe",), capabilities=caps(70, 150, 67, 3000, 225)
        ),
        Actor(
            "TUR", "Türkiye", regions=("europe", "middle_east"), capabilities=caps(15, 350, 85, 900)
        ),
        Actor("FIN", "Finland", regions=("europe",), capabilities=caps(6, 24, 5.5, 280)),
        Actor("RUS", "Russia", regions=("europe",), capabilities=caps(100, 1150, 144, 2000, 5500)),
        Actor("ARM", "Armenia", regions=("caucasus",), capabilities=caps(1.3, 45, 2.8, 20)),
        Actor("AZE", "Azerbaijan", regions=("caucasus",), capabilities=caps(3, 65, 10, 70)),
        Actor("IRN", "Iran", regions=("middle_east",)),
    ]
    alliances = [
        Alliance(
            "NATO",
            "North Atlantic Treaty Organization",
            "collective_defence",
            "defence",
            founded="1949-04-04",
        ),
        Alliance(
            "CSTO",
            "Collective Security Treaty Organization",
            "collective_defence",
            "defence",
            founded="1992-05-15",
        ),
        Alliance(
            "SHUSHA", "Shusha Declaration", "bilateral_defence", "defence", founded="2021-06-15"
        ),
    ]
    memberships = [
        Membership("NATO", "USA", "founder", "1949-08-24"),
        Membership("NATO", "GBR", "founder", "1949-08-24"),
        Membership("NATO", "TUR", "member", "1952-02-18"),
        Membership("NATO", "FIN", "member", "2023-04-04"),
        Membership("CSTO", "RUS", "founder", "1992-05-15"),
        Membership("CSTO", "ARM", "member", "1992-05-15", "2024-02-01"),
        Membership("CSTO", "ARM", "suspended", "2024-02-01"),
        Membership("SHUSHA", "TUR", "founder", "2021-06-15"),
        Membership("SHUSHA", "AZE", "founder", "2021-06-15"),
    ]
    ties = [
        Tie("USA", "RUS", -1, "rivalry", start="1991-12-26"),
        Tie("ARM", "AZE", -1, "rivalry", start="1991-01-01"),
        Tie("IRN", "RUS", 1, "partnership", start="2001-03-12"),
    ]
    doc = Document(title="Small world")
    doc.regions = regions
    doc.actors = {a.id: a for a in actors}
    doc.alliances = {a.id: a for a in alliances}
    doc.memberships = {i: m for i, m in enumerate(memberships, start=1)}
    doc.ties = {i: t for i, t in enumerate(ties, start=1)}
    doc.blocs = {
        "west": Bloc("west", "Western-aligned", "#1f77b4", members=("USA", "GBR", "FIN", "TUR")),
        "east": Bloc("east", "Russia-Iran", "#d62728", members=("RUS", "IRN", "ARM")),
    }
    doc.scenarios = {
        "Turkey leaves NATO": Scenario(
            "Turkey leaves NATO", (Change("remove_membership", actor="TUR", alliance="NATO"),)
        )
    }
    return doc


def pact_doc() -> Document:
    """Four states with hand-checkable shares, for pooled power (alliances, allies, blocs).

    Figures (milex US$ bn, population M): A 60/100, B 30/50, C 10/50, D none. Components:
    milex A .6 B .3 C .1, population A .5 B .25 C .25, so the capability index (and
    share) is A .55, B .275, C .175, D 0.
    DEF (defence): A, B founders (A holds two overlapping records); CON (consultation):
    A, C; OBS (defence): A founder, D observer. Tie B-C +1 (partnership).
    """
    doc = Document(title="Pacts")
    doc.actors = {
        "A": Actor("A", "Avalon", capabilities=caps(milex=60, population=100)),
        "B": Actor("B", "Brigand", capabilities=caps(milex=30, population=50)),
        "C": Actor("C", "Castile", capabilities=caps(milex=10, population=50)),
        "D": Actor("D", "Dunmore"),
    }
    doc.alliances = {
        "DEF": Alliance("DEF", "Defence Pact (A-B)", "bilateral_defence", "defence"),
        "CON": Alliance("CON", "Consultation Pact", "security_partnership", "consultation"),
        "OBS": Alliance("OBS", "Observed Pact", "collective_defence", "defence"),
    }
    memberships = [
        Membership("DEF", "A", "founder", "2000-01-01"),
        Membership("DEF", "A", "member", "1990-01-01"),
        Membership("DEF", "B", "founder", "2000-01-01"),
        Membership("CON", "A", "founder", "2000-01-01"),
        Membership("CON", "C", "founder", "2000-01-01"),
        Membership("OBS", "A", "founder", "2000-01-01"),
        Membership("OBS", "D", "observer", "2000-01-01"),
    ]
    doc.memberships = {i: m for i, m in enumerate(memberships, start=1)}
    doc.ties = {1: Tie("B", "C", 1, "partnership", start="2001-01-01")}
    doc.blocs = {"north": Bloc("north", "North", members=("A", "B"))}
    return doc
