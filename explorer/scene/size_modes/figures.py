"""Size by one figure (expenditure, population …): each actor's latest value at or
before the view's year. One mode per metric of the vocabulary."""

from __future__ import annotations

from explorer.model.vocab import METRIC_LABELS, METRICS
from explorer.scene.size_modes.base import SizeContext, SizeMode, fmt_number


def metric_words(metric: str) -> str:
    """"Military expenditure (US$ bn)" -> "military expenditure"; "GDP (…)" stays "GDP"."""
    text = METRIC_LABELS.get(metric, metric).split(" (")[0]
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


def _unit(metric: str) -> str:
    label = METRIC_LABELS.get(metric, "")
    return label.rpartition("(")[2].rstrip(")") if "(" in label else metric_words(metric)


def figure_mode(metric: str) -> SizeMode:
    """The size mode that shows ``metric``."""

    def values(ctx: SizeContext) -> dict[str, float]:
        out: dict[str, float] = {}
        for aid, actor in ctx.data.actors.items():
            value = actor.figure(metric, ctx.year)
            if value is not None and value > 0:
                out[aid] = float(value)
        return out

    return SizeMode(metric, metric_words(metric), values,
                    lambda v: f"{fmt_number(v)} {_unit(metric)}")


MODES = tuple(figure_mode(m) for m in METRICS)
