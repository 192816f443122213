"""Analysis of a document: views, graphs, capability, blocs, network measures, what-if.

Pure Python on networkx, numpy and scipy (no Qt). The usual entry points:

- :func:`filtered` with a :class:`ViewFilter` -> :class:`FilteredData`
- :func:`hub_graph`, :func:`signed_projection`, :func:`positive_projection`
- :func:`analyse` -> :class:`Analysis` (everything for one view)
- :func:`apply_scenario`, :func:`compare`, :func:`removal_impact`, :func:`member_impact`
- :func:`alliance_power`, :func:`allied_capability` (pooled power), :func:`alliance_blocs`
- :func:`comparison_summary`, :func:`analysis_summary` (sentences), :data:`MEASURES` (glossary)
- :func:`build_report`, :func:`format_text`, :func:`resolve_names`, :func:`changes_from_cli`
"""

from explorer.analysis.alliance_power import (
    BINDING_WEIGHTS,
    AlliancePower,
    AlliedCapability,
    alliance_power,
    allied_capability,
)
from explorer.analysis.blocs import alliance_blocs
from explorer.analysis.capability import CapabilityIndex, capability_index
from explorer.analysis.errors import UnknownName
from explorer.analysis.glossary import MEASURE_BY_KEY, MEASURES, Measure
from explorer.analysis.graphs import (
    alliance_node,
    hub_graph,
    positive_projection,
    signed_projection,
)
from explorer.analysis.names import changes_from_cli, resolve_name, resolve_names
from explorer.analysis.narrative import analysis_summary, comparison_summary
from explorer.analysis.pipeline import Analysis, analyse
from explorer.analysis.report import build_report, format_text
from explorer.analysis.view import FilteredData, ViewFilter, filtered
from explorer.analysis.whatif import (
    Comparison,
    apply_scenario,
    compare,
    impact_ranks,
    member_impact,
    removal_impact,
)

__all__ = [
    "BINDING_WEIGHTS",
    "MEASURES",
    "MEASURE_BY_KEY",
    "AlliancePower",
    "AlliedCapability",
    "Measure",
    "alliance_blocs",
    "alliance_power",
    "allied_capability",
    "analysis_summary",
    "comparison_summary",
    "impact_ranks",
    "member_impact",
    "Analysis",
    "CapabilityIndex",
    "Comparison",
    "FilteredData",
    "UnknownName",
    "ViewFilter",
    "alliance_node",
    "analyse",
    "apply_scenario",
    "build_report",
    "capability_index",
    "changes_from_cli",
    "compare",
    "filtered",
    "format_text",
    "hub_graph",
    "positive_projection",
    "removal_impact",
    "resolve_name",
    "resolve_names",
    "signed_projection",
]
