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

METRICS = (
    "milex_usd_bn",
    "personnel_k",
    "population_m",
    "urban_population_m",
    "gdp_usd_bn",
    "gdp_ppp_bn",
    "energy_mtoe",
    "warheads",
)

#: Metrics that may feed the CINC-style capability index (warheads are a separate
#: deterrent). Only those in DEFAULT_INDEX_METRICS count unless the user weights the others.
INDEX_METRICS = (
    "milex_usd_bn",
    "personnel_k",
    "population_m",
    "urban_population_m",
    "energy_mtoe",
    "gdp_usd_bn",
    "gdp_ppp_bn",
)

#: The index by default: four of the Correlates of War CINC's six components, the four
#: with open data (armed-forces personnel and iron & steel have none; personnel stays
#: available for figures a user enters). GDP, GDP PPP and personnel start at weight 0.
DEFAULT_INDEX_METRICS = ("milex_usd_bn", "population_m", "urban_population_m", "energy_mtoe")

METRIC_LABELS = {
    "milex_usd_bn": "Military expenditure (US$ bn)",
    "personnel_k": "Active personnel (thousands)",
    "population_m": "Population (millions)",
    "urban_population_m": "Urban population (millions)",
    "gdp_usd_bn": "GDP (US$ bn)",
    "gdp_ppp_bn": "GDP, PPP (bn international $)",
    "energy_mtoe": "Primary energy use (Mt oil equivalent)",
    "warheads": "Nuclear warheads",
}

#: Metrics as words inside a sentence ("Taiwan (military expenditure only)").
METRIC_NOUNS = {
    "milex_usd_bn": "military expenditure",
    "personnel_k": "personnel",
    "population_m": "population",
    "urban_population_m": "urban population",
    "gdp_usd_bn": "GDP",
    "gdp_ppp_bn": "GDP PPP",
    "energy_mtoe": "energy use",
    "warheads": "warheads",
}

CHANGE_KINDS = ("remove_actor", "remove_membership", "dissolve_alliance", "move_to_bloc")


def label(value: str) -> str:
    """Human label for a vocabulary value: ``collective_defence`` -> ``Collective defence``."""
    return value.replace("_", " ").capitalize()

#: The ``move_to_bloc`` target meaning "in no user bloc" (a bloc with this id wins).
UNALIGNED = "unaligned"
