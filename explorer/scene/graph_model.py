"""The hub view as arrays: nodes (actors and alliance hubs) and styled edges, without Qt.

:func:`build_graph_model` turns a document, a view filter, a colour mode and an optional
what-if scenario into a :class:`GraphModel`: everything the canvas draws and the layout
engine needs, in plain Python and numpy so it can be tested and benchmarked headless.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import repeat

import numpy as np

from explorer.analysis.capability import capability_index
from explorer.analysis.memo import Recent
from explorer.analysis.view import FilteredData, ViewFilter, filtered, view_year
from explorer.analysis.whatif import apply_scenario
from explorer.model.bulk import gc_paused
from explorer.model.entities import Document, Scenario
from explorer.model.node_key import alliance_key
from explorer.model.vocab import FULL_ROLES
from explorer.scene import styles
from explorer.scene.color_modes import REGISTRY as COLOR_MODES
from explorer.scene.color_modes import ColorContext
from explorer.scene.color_modes.alliance import principal_alliances  # noqa: F401 - public
from explorer.scene.drawn_columns import drawn_parts
from explorer.scene.graph_legend import (  # noqa: F401 - LEGEND_MAX_COLORS is public here too
    LEGEND_MAX_COLORS,
    LegendEntry,
    model_legend,
)
from explorer.scene.naming import (  # noqa: F401 - short_label is public here too
    actor_roots,
    distinct_labels,
    obligation_weight,
    region_roots,
    root_regions,
    short_label,
)
from explorer.scene.size_modes import REGISTRY as SIZE_MODES
from explorer.scene.size_modes import SizeContext
from explorer.scene.tooltips import Tooltips


@dataclass
class GraphModel:
    """Nodes and edges of one drawing. Arrays are aligned with ``keys`` / ``edges``."""

    keys: list[str]
    labels: list[str]
    is_hub: np.ndarray
    sizes: np.ndarray
    importance: np.ndarray
    colors: list[str]
    faded: np.ndarray
    ghost: np.ndarray
    changed: np.ndarray
    anchors: np.ndarray  # (n, 2) unit-circle sector direction, NaN for none
    edges: np.ndarray  # (m, 2) node indices
    edge_styles: list[str]
    edge_weights: np.ndarray
    legend: list[LegendEntry]
    tooltips: Mapping[str, str] = field(default_factory=dict)
    index: dict[str, int] = field(default_factory=dict)
    #: actor id -> the value its size shows (what the map's choropleth fills by)
    size_values: dict[str, float] = field(default_factory=dict)
    #: what the sizes show, e.g. "capability index"
    size_label: str = ""

    def __post_init__(self) -> None:
        self.index = {k: i for i, k in enumerate(self.keys)}

    @property
    def n_nodes(self) -> int:
        return len(self.keys)

    def edges_by_style(self) -> dict[str, np.ndarray]:
        """Style key -> (k, 2) node-index pairs, in legend order."""
        codes, code = _codes(self.edge_styles)
        # one stable sort groups the edges by style, each group in its edges' order
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(len(code) + 1))
        return {
            s: self.edges[order[bounds[code[s]]:bounds[code[s] + 1]]]
            for s in styles.EDGE_STYLES
            if s in code
        }

    def layout_edges(self) -> tuple[np.ndarray, np.ndarray]:
        """Edges that pull in the layout (positive weight) and their weights."""
        mask = self.edge_weights > 0
        return self.edges[mask], self.edge_weights[mask]


# ----- scenarios ----------------------------------------------------------------------


def scenario_document(doc: Document, scenario: Scenario) -> Document:
    """The document with ``scenario`` applied; the baseline is never changed."""
    return apply_scenario(doc, scenario)


# ----- building -----------------------------------------------------------------------


#: Labels: this many actors are ranked ahead of each alliance hub of the same rank.
STATES_PER_HUB = 2


def label_priority(actors: list[tuple[float, int]] | np.ndarray, hub_members: list[int],
                   degrees: np.ndarray | None = None) -> np.ndarray:
    """Label importance of actors ((capability index, degree) each, or capability indices
    with ``degrees`` beside them) then hubs (member count each): actors by capability
    then degree, hubs by members, merged so that ``STATES_PER_HUB`` actors come before
    each hub of the same rank. Higher shows first."""
    n_a = len(actors)
    out = np.empty(n_a + len(hub_members))
    if n_a:
        if degrees is None:
            cap, degree = np.asarray(actors, dtype=float).reshape(-1, 2).T
        else:
            cap, degree = np.asarray(actors, dtype=float), np.asarray(degrees, dtype=float)
        # capability first, then degree, then input order (lexsort's last key leads)
        order = np.lexsort((np.arange(n_a), -degree, -cap))
        out[order] = 1.0 / (1.0 + np.arange(n_a))
    hubs = sorted(range(len(hub_members)), key=lambda j: (-hub_members[j], j))
    for rank, j in enumerate(hubs):
        out[n_a + j] = 1.0 / (STATES_PER_HUB * (rank + 1)) * 0.999
    return out


#: a document's top-level regions: the same few dozen for every view of one document
_REGIONS: Recent[tuple[dict[str, str], list[str]]] = Recent(2, per_document=True)


def _regions_of(doc: Document) -> tuple[dict[str, str], list[str]]:
    """(region -> its top-level region, the top-level regions in order) of ``doc``."""
    def compute() -> tuple[dict[str, str], list[str]]:
        roots_of = region_roots(doc)
        return roots_of, root_regions(doc, roots_of)

    kept = (doc.regions, doc.actors)
    return _REGIONS.get((id(doc.regions), id(doc.actors)), kept, compute)


def _codes(values: list) -> tuple[np.ndarray, dict]:
    """(an integer per value, value -> its integer): loops in C, as the values are many
    and distinct ones few (region lists, edge styles)."""
    code = {v: i for i, v in enumerate(dict.fromkeys(values))}
    return np.fromiter(map(code.__getitem__, values), np.int64, len(values)), code


def build_graph_model(
    doc: Document,
    view: ViewFilter | None = None,
    color_by: str = "bloc",
    scenario: Scenario | None = None,
    mode: str = "baseline",
    size_by: str = "capability",
    weights: dict | None = None,
    *,
    check: Callable[[], None] | None = None,
) -> GraphModel:
    """Build the hub view of ``doc`` under ``view``.

    ``mode`` "scenario" draws ``scenario`` applied; "both" draws the baseline with what
    the scenario removes ghosted and the actors it affects most highlighted. ``size_by``
    (``styles.SIZE_MODES``) sizes actors by the capability index, one figure or their
    number of alliances and ties; actors without the figure are drawn smallest.
    ``check()`` is called between the stages (a second at 50,000 actors) and may raise
    to stop: an opening's Cancel.
    """
    if color_by not in COLOR_MODES:
        raise ValueError(f"Unknown colour mode '{color_by}'; use one of {tuple(COLOR_MODES)}.")
    if size_by not in SIZE_MODES:
        raise ValueError(f"Unknown size mode '{size_by}'; use one of {tuple(SIZE_MODES)}.")
    # a rebuild allocates per actor and per edge; the collector would walk every record
    # of the project now and then in the middle of it
    with gc_paused():
        return _build_model(doc, view or ViewFilter(), color_by, scenario, mode, size_by,
                            weights, check or _no_check)


def _no_check() -> None:
    pass


def _build_model(doc: Document, view: ViewFilter, color_by: str, scenario: Scenario | None,
                 mode: str, size_by: str, weights: dict | None,
                 check: Callable[[], None]) -> GraphModel:
    base = filtered(doc, view)
    year = view_year(view)
    check()
    if scenario is None or mode == "baseline":
        return _build(doc, base, color_by, None, size_by, year, weights, check)
    scen_doc = scenario_document(doc, scenario)
    scen = filtered(scen_doc, view)
    check()
    if mode == "scenario":
        return _build(scen_doc, scen, color_by, None, size_by, year, weights, check)
    return _build(doc, base, color_by, scen, size_by, year, weights, check)


def _build(
    doc: Document,
    data: FilteredData,
    color_by: str,
    scen: FilteredData | None,
    size_by: str = "capability",
    year: int | None = None,
    weights: dict | None = None,
    check: Callable[[], None] = _no_check,
) -> GraphModel:
    cap = capability_index(data.actors.values(), weights, year)
    check()
    roots_of, roots = _regions_of(doc)
    parts = drawn_parts(doc, data, roots_of, roots)
    check()
    members = Counter(dict(zip(data.alliances, parts.members.tolist(), strict=True)))
    degree = Counter(dict(zip(data.actors, parts.degree.tolist(), strict=True)))

    alliance_prefix = alliance_key("")
    keys = parts.actor_keys
    keys += [alliance_prefix + lid for lid in data.alliances]
    labels = parts.actor_labels
    # the dataset's own short name (NATO, US–Japan treaty) when it has one
    hub_labels = [getattr(al, "short_name", "") or short_label(lid, al.name)
                  for lid, al in data.alliances.items()]
    if hub_labels:
        hub_labels = distinct_labels(hub_labels, [a.name for a in data.alliances.values()])
    labels += hub_labels
    n = len(keys)
    n_actors = len(data.actors)
    hub = np.zeros(n, dtype=bool)
    hub[n_actors:] = True

    # sizes and importance
    # label importance stays capability-led whatever the size shows (label_priority)
    sizing = SIZE_MODES[size_by]
    shown = sizing.values(SizeContext(data, cap, degree, year, doc.extras))
    top = max(shown.values(), default=0.0) or 1.0
    largest = max(shown, key=lambda a: (shown[a], a), default=None)
    size_note = (
        f"largest: {data.actors[largest].name}, {sizing.amount(shown[largest])}"
        if largest else ""
    )
    sizes = np.empty(n)
    value = np.fromiter(map(shown.get, data.actors, repeat(np.nan)), float, n_actors)
    # area grows with the value; actors without it are drawn smallest
    sizes[:n_actors] = np.where(np.isnan(value), 8.0,
                                9.0 + 27.0 * np.sqrt(np.maximum(np.nan_to_num(value), 0.0) / top))
    counts = np.fromiter((members[lid] for lid in data.alliances), float, len(data.alliances))
    sizes[n_actors:] = np.minimum(10.0 + 2.0 * np.sqrt(counts), 24.0)
    importance = label_priority(
        np.fromiter(map(cap.index.get, data.actors, repeat(0.0)), float, n_actors),
        [members[lid] for lid in data.alliances],
        parts.degree)

    # colours
    bloc_of: dict[str, str] = {}
    for bloc in data.blocs.values():
        for member in bloc.members:
            bloc_of.setdefault(member, bloc.id)
    coloring = COLOR_MODES[color_by]
    category = coloring.categorise(ColorContext(doc, data, cap, members))
    check()
    unknown = ("", styles.NEUTRAL)
    cats = [category.get(aid, unknown) for aid in data.actors]
    categories: Counter[tuple[str, str]] = Counter(cats)
    colors = [cat[1] for cat in cats]
    colors.extend([styles.HUB_FILL] * len(data.alliances))

    # anchors: an actor drifts towards the mean direction of its top-level regions' sectors
    anchors = np.full((n, 2), np.nan)
    anchors[:n_actors] = parts.anchors

    # edges: memberships then ties, picked from the document's columns
    affected: Counter[str] = Counter()
    edge_styles = parts.edge_styles
    actor_at = (dict(zip(data.actors, range(n_actors), strict=True))
                if scen is not None or data.context else {})
    if scen is not None:
        hub_at = {lid: n_actors + j for j, lid in enumerate(data.alliances)}
        # what the scenario removes is drawn as a ghost, and counts for whom it touches
        scen_pairs = {(m.actor, m.alliance) for m in scen.memberships}
        for e, m in enumerate(data.memberships):
            if (m.actor, m.alliance) not in scen_pairs:
                edge_styles[e] = "ghost"
                affected[m.actor] += 2 if m.role in FULL_ROLES else 1
        scen_ties = {(t.a, t.b, t.sign) for t in scen.ties}
        for e, t in enumerate(data.ties, start=len(data.memberships)):
            if (t.a, t.b, t.sign) not in scen_ties:
                edge_styles[e] = "ghost"
                affected[t.a] += 1
                affected[t.b] += 1

    faded = np.zeros(n, dtype=bool)
    ghost = np.zeros(n, dtype=bool)
    changed = np.zeros(n, dtype=bool)
    for aid in data.context:
        faded[actor_at[aid]] = True
    if scen is not None:
        for aid in data.actors:
            if aid not in scen.actors:
                ghost[actor_at[aid]] = True
        for lid in data.alliances:
            if lid not in scen.alliances:
                ghost[hub_at[lid]] = True
        scen_bloc = {m: b.id for b in scen.blocs.values() for m in b.members}
        for aid in data.actors:
            if aid in scen.actors and scen_bloc.get(aid) != bloc_of.get(aid):
                affected[aid] += 2
        survivors = {a: c for a, c in affected.items() if a in scen.actors}
        if survivors:
            most = max(survivors.values())
            for aid, c in survivors.items():
                if c >= max(1, most // 2):
                    changed[actor_at[aid]] = True

    model = GraphModel(
        keys=keys,
        labels=labels,
        is_hub=hub,
        sizes=sizes,
        importance=importance,
        colors=colors,
        faded=faded,
        ghost=ghost,
        changed=changed,
        anchors=anchors,
        edges=np.column_stack((parts.ends, parts.others)).reshape(-1, 2),
        edge_styles=edge_styles,
        edge_weights=parts.edge_weights,
        legend=[],
    )
    model.legend = model_legend(model, categories, coloring.keep_order, size_by, size_note)
    model.size_values = dict(shown)
    model.size_label = styles.SIZE_LABELS.get(size_by, size_by)
    if any(p.directed for k, p in doc.extras.edges.items() if k.startswith("tie:")):
        # an imported graph's direction is drawn as arrowheads (explorer.ui.canvas.arrows)
        model.legend.append(LegendEntry("shape", "Directed tie: arrowhead at its target",
                                        shape=""))
    model.tooltips = Tooltips(data, cap, members, year, keys)
    return model
