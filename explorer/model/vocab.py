"""Controlled vocabularies of the domain: the allowed values of every enumerated field.

Kept as plain tuples of strings (not Enum) because the values travel verbatim through
SQLite, CSV and JSON, and the UI offers them in combo boxes.
"""

ACTOR_KINDS = ("state", "non_state", "organisation", "other")

ALLIANCE_KINDS = (
    "collective_defence",
    "bilateral_defence",
    "security_partnership",
    "strategic_alignment",
    "proxy_network",
    "technology",
    "energy",
    "intelligence",
    "political_economic",
)

#: ATOP's obligation types, strongest first; the order feeds projection weights.
OBLIGATIONS = ("defence", "offence", "neutrality", "non_aggression", "consultation", "none")

ROLES = ("founder", "member", "observer", "partner", "suspended")

#: Roles that make an actor a full participant; observers, partners and suspended
#: members are drawn but count for less in the actor projection.
FULL_ROLES = ("founder", "member")

METRICS = ("milex_usd_bn", "personnel_k", "population_m", "gdp_usd_bn", "warheads")

#: Metrics that feed the CINC-style capability index (warheads are a separate deterrent).
INDEX_METRICS = ("milex_usd_bn", "personnel_k", "population_m", "gdp_usd_bn")

METRIC_LABELS = {
    "milex_usd_bn": "Military expenditure (US$ bn)",
    "personnel_k": "Active personnel (thousands)",
    "population_m": "Population (millions)",
    "gdp_usd_bn": "GDP (US$ bn)",
    "warheads": "Nuclear warheads",
}

CHANGE_KINDS = ("remove_actor", "remove_membership", "dissolve_alliance", "move_to_bloc")


def label(value: str) -> str:
    """Human label for a vocabulary value: ``collective_defence`` -> ``Collective defence``."""
    return value.replace("_", " ").capitalize()

#: The ``move_to_bloc`` target meaning "in no user bloc" (a bloc with this id wins).
UNALIGNED = "unaligned"
