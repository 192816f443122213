"""Pure domain model: entities, vocabularies and validation (no Qt, no storage)."""

from explorer.model.entities import (
    Actor,
    Alliance,
    Bloc,
    Capability,
    Change,
    Document,
    Membership,
    Place,
    Region,
    Scenario,
    Source,
    Tie,
)
from explorer.model.errors import ValidationError

__all__ = [
    "Actor",
    "Alliance",
    "Bloc",
    "Capability",
    "Change",
    "Document",
    "Membership",
    "Place",
    "Region",
    "Scenario",
    "Source",
    "Tie",
    "ValidationError",
]
