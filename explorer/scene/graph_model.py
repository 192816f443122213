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

from explorer.analysis.capability import CapabilityIndex, capability_index
from explorer.analysis.memo import Recent
from explorer.analysis.view import FilteredData, ViewFilter, filtered, view_year
from explorer.analysis.whatif import apply_scenario
from explorer.model.bulk import gc_paused
from explorer.model.entities import Document, Scenario
from explorer.model.node_key import actor_key, alliance_key
from explorer.model.vocab import FULL_ROLES, METRIC_LABELS, METRICS, label
from explorer.scene import styles
from explorer.scene.color_modes import REGISTRY as COLOR_MODES
from explorer.scene.color_modes import ColorContext
from explorer.scene.color_modes.alliance import principal_alliances  # noqa: F401 - public
from explorer.scene.drawn_columns import drawn_parts
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
from explorer.scene.size_modes.base import fmt_number


@dataclass(frozen=True)
class LegendEntry:
    """One legend row. ``kind`` is "color", "shape", "edge" or "marker"."""

    kind: str
    label: str
    color: str = styles.NEUTRAL
    shape: str = "o"  # pyqtgraph symbol for colour/shape rows
    style: str = ""  # edge style key for edge rows


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
    model.legend = _legend(model, categories, coloring.keep_order, size_by, size_note)
    model.size_values = dict(shown)
    model.size_label = styles.SIZE_LABELS.get(size_by, size_by)
    if any(p.directed for k, p in doc.extras.edges.items() if k.startswith("tie:")):
        # an imported graph's direction is drawn as arrowheads (explorer.ui.canvas.arrows)
        model.legend.append(LegendEntry("shape", "Directed tie: arrowhead at its target",
                                        shape=""))
    model.tooltips = Tooltips(data, cap, members, year, keys)
    return model


def _natural(text: str) -> tuple:
    """Sort key that puts "C2 · …" before "C10 · …"."""
    head, _, _ = text.partition(" · ")
    if head[:1] == "C" and head[1:].isdigit():
        return (0, int(head[1:]), text)
    return (1, 0, text)


#: colour categories the legend lists before it counts the rest
LEGEND_MAX_COLORS = 14


def _legend(
    model: GraphModel,
    categories: Counter[tuple[str, str]],
    keep_order: bool,
    size_by: str = "capability",
    size_note: str = "",
) -> list[LegendEntry]:
    entries: list[LegendEntry] = []
    # biggest first, unless the mode keeps its own order (detected blocs: C1, C2 …)
    by_size = not keep_order
    neutral_last = sorted(
        categories,
        key=lambda c: (
            c[1] == styles.NEUTRAL, c[1] == styles.OTHER_ALLIANCE_COLOR,
            -categories[c] if by_size else 0, _natural(c[0]),
        ),
    )
    # a graph coloured by its file may have a colour per node: the legend names the
    # largest categories and counts the rest, or it would outgrow any page
    for name, color in neutral_last[:LEGEND_MAX_COLORS]:
        entries.append(LegendEntry("color", name, color, "o"))
    more = len(neutral_last) - LEGEND_MAX_COLORS
    if more > 0:
        entries.append(LegendEntry("shape", f"\N{HORIZONTAL ELLIPSIS} and {more:,} more colours",
                                   "#ffffff", ""))
    if (~model.is_hub).any():
        entries.append(LegendEntry("shape", styles.actor_shape_label(size_by), "#ffffff", "o"))
        if size_note:  # the scale: which actor is biggest, and by how much
            entries.append(LegendEntry("shape", size_note, "#ffffff", ""))
    if model.is_hub.any():
        entries.append(LegendEntry("shape", styles.HUB_SHAPE_LABEL, styles.HUB_FILL, "d"))
    if model.faded.any():
        entries.append(LegendEntry("marker", styles.CONTEXT_LABEL, styles.NEUTRAL + "60", "o"))
    if model.ghost.any():
        entries.append(LegendEntry("marker", styles.GHOST_NODE_LABEL, "#ffffff00", "o"))
    if model.changed.any():
        entries.append(LegendEntry("marker", styles.CHANGED_LABEL, styles.CHANGED_OUTLINE, "o"))
    used = set(model.edge_styles)
    for key, style in styles.EDGE_STYLES.items():
        if key in used:
            entries.append(LegendEntry("edge", style.label, style.color, style=key))
    return entries


class Tooltips(Mapping):
    """Plain-text hover texts, written when first asked for: a 10,000-actor view would
    spend half a second writing texts nobody hovers."""

    def __init__(self, data: FilteredData, cap: CapabilityIndex, members: Counter[str],
                 year: int | None, keys: list[str] | None = None) -> None:
        self._data, self._cap, self._members, self._year = data, cap, members, year
        self._keys = keys if keys is not None else (
            [actor_key(a) for a in data.actors] + [alliance_key(a) for a in data.alliances])
        self._known = set(self._keys)
        self._texts: dict[str, str] = {}

    def __getitem__(self, key: str) -> str:
        text = self._texts.get(key)
        if text is None:
            if key not in self._known:
                raise KeyError(key)
            text = self._texts[key] = self._write(key)
        return text

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def _write(self, key: str) -> str:
        kind, _, ident = key.partition(":")
        data, cap, year = self._data, self._cap, self._year
        if kind == "alliance":
            alliance = data.alliances[ident]
            return "\n".join([alliance.name, f"Kind: {label(alliance.kind)}",
                              f"Obligation: {label(alliance.obligation)}",
                              f"Members in view: {self._members[ident]}"])
        aid, actor = ident, data.actors[ident]
        lines = [f"{actor.name} ({aid})", f"Kind: {label(actor.kind)}"]
        if actor.regions:
            lines.append("Regions: " + ", ".join(actor.regions))
        if aid in cap.missing:
            lines.append("Capability index: no figures")
        else:
            lines.append(f"Capability index: {cap.index.get(aid, 0.0):.4f}")
        for metric in METRICS:
            c = actor.figure_at(metric, year)
            if c is None:
                continue
            basis = ", ".join(x for x in (str(c.year) if c.year else "", "derived" if c.derived
                                          else "") if x)
            basis = f" ({basis})" if basis else ""
            lines.append(f"{METRIC_LABELS.get(metric, metric)}: {fmt_number(c.value)}{basis}")
        if aid in data.context:
            lines.append("Shown as context (outside the selected regions)")
        return "\n".join(lines)
