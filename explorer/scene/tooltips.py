"""The hover texts of a drawing's nodes, written when first asked for."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from explorer.analysis.capability import CapabilityIndex
from explorer.analysis.view import FilteredData
from explorer.model.node_key import actor_key, alliance_key
from explorer.model.vocab import METRIC_LABELS, METRICS, label
from explorer.scene.size_modes.base import fmt_number


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
