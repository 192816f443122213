"""Analysis of a document: views, graphs, capability, blocs, network measures, what-if.

Pure Python on networkx, numpy and scipy (no Qt). The usual entry points:

- :func:`filtered` with a :class:`ViewFilter` -> :class:`FilteredData`
- :func:`hub_graph`, :func:`signed_projection`, :func:`positive_projection`
- :func:`analyse` -> :class:`Analysis` (everything for one view)
- :func:`apply_scenario`, :func:`compare`, :func:`removal_impact`, :func:`member_impact`
- :func:`alliance_power`, :func:`allied_capability` (pooled power), :func:`alliance_blocs`
- :func:`comparison_summary`, :func:`analysis_summary` (sentences), :data:`MEASURES` (glossary)
- :func:`build_report`, :func:`format_text`, :func:`resolve_names`, :func:`changes_from_cli`

The names below are loaded when first used (PEP 562): importing one small module of the
package (the view filter, the capability index) does not import networkx and scipy with
the rest, which a command that never analyses (an import) paid on every run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.model.lazy_names import lazy_getattr

#: public name -> the module of the package that defines it
_HOME = {
    "BINDING_WEIGHTS": "alliance_power",
    "AlliancePower": "alliance_power",
    "AlliedCapability": "alliance_power",
    "alliance_power": "alliance_power",
    "allied_capability": "alliance_power",
    "alliance_blocs": "blocs",
    "CapabilityIndex": "capability",
    "capability_index": "capability",
    "UnknownName": "errors",
    "MEASURE_BY_KEY": "glossary",
    "MEASURES": "glossary",
    "Measure": "glossary",
    "alliance_node": "graphs",
    "hub_graph": "graphs",
    "positive_projection": "graphs",
    "signed_projection": "graphs",
    "changes_from_cli": "names",
    "resolve_name": "names",
    "resolve_names": "names",
    "analysis_summary": "narrative",
    "comparison_summary": "narrative",
    "Analysis": "pipeline",
    "analyse": "pipeline",
    "build_report": "report",
    "format_text": "report",
    "FilteredData": "view",
    "ViewFilter": "view",
    "filtered": "view",
    "Comparison": "whatif",
    "apply_scenario": "whatif",
    "compare": "whatif",
    "impact_ranks": "whatif",
    "member_impact": "whatif",
    "removal_impact": "whatif",
}

if TYPE_CHECKING:  # what the names are, for type checkers and readers
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


__getattr__ = lazy_getattr(__name__, _HOME, globals())


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
