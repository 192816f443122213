"""Analysis of a document: views, graphs, capability, blocs, network measures, what-if.

Pure Python on networkx, numpy and scipy (no Qt). The usual entry points:

- :func:`filtered` with a :class:`ViewFilter` -> :class:`FilteredData`
- :func:`hub_graph`, :func:`signed_projection`, :func:`positive_projection`
- :func:`analyse` -> :class:`Analysis` (everything for one view)
- :func:`apply_scenario`, :func:`compare`, :func:`removal_impact`
- :func:`build_report`, :func:`format_text`, :func:`resolve_names`, :func:`changes_from_cli`
"""

from explorer.analysis.capability import CapabilityIndex, capability_index
from explorer.analysis.errors import UnknownName
from explorer.analysis.graphs import (
    alliance_node,
    hub_graph,
    positive_projection,
    signed_projection,
)
from explorer.analysis.names import changes_from_cli, resolve_name, resolve_names
from explorer.analysis.pipeline import Analysis, analyse
from explorer.analysis.report import build_report, format_text
from explorer.analysis.view import FilteredData, ViewFilter, filtered
from explorer.analysis.whatif import Comparison, apply_scenario, compare, removal_impact

__all__ = [
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
