"""Visual vocabulary of the canvas as plain data: edge styles, node palettes, legend labels.

Kept free of Qt so the graph model can classify edges and nodes without a GUI; the
drawing layer turns these specs into pens and brushes.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.model.vocab import FULL_ROLES


@dataclass(frozen=True)
class EdgeStyle:
    """How one class of edge is drawn and what the legend calls it."""

    key: str
    label: str
    color: str  # "#rrggbb" or "#rrggbbaa"
    width: float
    dash: tuple[float, ...] = ()  # empty = solid; otherwise a Qt dash pattern in pen widths
    z: float = 0.0


#: Edge styles in legend order. Defence pacts are heaviest; loose cooperation dotted;
#: secondary roles (observer, partner, suspended) dashed and light; ties coloured by sign.
EDGE_STYLES: dict[str, EdgeStyle] = {
    s.key: s
    for s in (
        EdgeStyle("defence", "Defence pact membership", "#3b5b92", 2.2, (), 3),
        EdgeStyle("security", "Security partnership / alignment", "#6f8fb8", 1.3, (), 2),
        EdgeStyle("intelligence", "Intelligence sharing", "#7a6fb8", 1.3, (4, 2), 2),
        EdgeStyle("proxy", "Proxy network", "#b5651d", 1.6, (), 2),
        EdgeStyle("cooperation", "Technology / energy / political", "#8a8f99", 1.0, (1, 2), 1),
        EdgeStyle("associate", "Observer, partner or suspended", "#a9b3c1", 1.0, (4, 3), 1),
        EdgeStyle("partnership", "Partnership (bilateral tie)", "#2e9e4f", 1.6, (), 4),
        EdgeStyle("rivalry", "Rivalry", "#d62728", 1.8, (5, 3), 5),
        EdgeStyle("ghost", "Removed in scenario", "#e3001b", 3.0, (8, 4), 6),
    )
}

#: Alliance kind -> edge style of a full membership.
KIND_EDGE_STYLE: dict[str, str] = {
    "collective_defence": "defence",
    "bilateral_defence": "defence",
    "security_partnership": "security",
    "strategic_alignment": "security",
    "intelligence": "intelligence",
    "proxy_network": "proxy",
    "technology": "cooperation",
    "energy": "cooperation",
    "political_economic": "cooperation",
}


def membership_style(alliance_kind: str, role: str) -> str:
    """The edge style key of a membership: secondary roles override the alliance kind."""
    if role not in FULL_ROLES:
        return "associate"
    return KIND_EDGE_STYLE.get(alliance_kind, "security")


def tie_style(sign: int) -> str:
    """The edge style key of a bilateral tie."""
    return "rivalry" if sign < 0 else "partnership"


#: Fill of nodes without a colour category (no bloc, unknown region).
NEUTRAL = "#9aa0a6"
#: Fill of alliance hubs: neutral, so bloc/region colours stay on actors.
HUB_FILL = "#f2efe6"
HUB_OUTLINE = "#5a5a5a"
ACTOR_OUTLINE = "#3a3a3a"
SELECTED_OUTLINE = "#ffb000"
CHANGED_OUTLINE = "#e0007a"
BACKGROUND = "#ffffff"

#: A qualitative palette (Tableau 10 without grey) for regions and kinds.
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#17becf",
)

KIND_COLORS = {
    "state": "#4e79a7",
    "non_state": "#e15759",
    "organisation": "#59a14f",
    "other": "#b07aa1",
}


#: In "alliance" mode, principal alliances beyond the palette's share one colour.
OTHER_ALLIANCE_COLOR = "#d3c6a8"
OTHER_ALLIANCE_LABEL = "Another alliance"
NO_ALLIANCE_LABEL = "No alliance in view"
#: In "detected" mode: blocs beyond the palette, and actors the detection leaves alone.
OTHER_DETECTED_LABEL = "Another detected bloc"
ALONE_LABEL = "In no detected bloc"

def actor_shape_label(size_by: str) -> str:
    """The legend row that says what an actor's size shows."""
    from explorer.scene.size_modes import REGISTRY

    return f"Actor (size: {REGISTRY[size_by].label})"


def __getattr__(name: str):
    # The mode lists come from the registries (explorer.scene.color_modes / size_modes);
    # they are looked up lazily because those packages import this module.
    if name == "COLOR_MODES":
        from explorer.scene.color_modes import REGISTRY

        return tuple(REGISTRY)
    if name == "SIZE_MODES":
        from explorer.scene.size_modes import REGISTRY

        return tuple(REGISTRY)
    if name == "SIZE_LABELS":
        from explorer.scene.size_modes import REGISTRY

        return {k: m.label for k, m in REGISTRY.items()}
    raise AttributeError(name)


#: Legend labels of node shapes and markers.
HUB_SHAPE_LABEL = "Alliance hub"
CONTEXT_LABEL = "Context actor (outside selected regions)"
GHOST_NODE_LABEL = "Removed actor (scenario)"
CHANGED_LABEL = "Most affected by scenario"
