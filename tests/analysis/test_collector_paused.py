"""The bulk passes (a model rebuild, the analysis pipeline, detected blocs) run with the
cyclic collector paused, and leave it on afterwards, on success and on failure."""

from __future__ import annotations

import gc

import pytest

from explorer.analysis import pipeline, view
from explorer.analysis.blocs import detected_blocs
from explorer.analysis.capability import capability_index
from explorer.analysis.graphs import positive_projection
from explorer.dataset import load_dataset
from explorer.scene import graph_model


@pytest.fixture
def seen(monkeypatch) -> list[bool]:
    """Whether the collector was on each time the view filter ran."""
    states: list[bool] = []
    original = view._filtered

    def spy(*args):
        states.append(gc.isenabled())
        return original(*args)

    monkeypatch.setattr(view, "_filtered", spy)
    from explorer.analysis.memo import forget_all

    forget_all()
    return states


def test_a_model_rebuild_and_the_pipeline_pause_the_collector(seen):
    doc = load_dataset()
    graph_model.build_graph_model(doc, view.ViewFilter(as_of="2000-01-01"))
    pipeline.analyse(doc, view.ViewFilter(as_of="2010-01-01"))
    assert seen == [False, False]
    assert gc.isenabled()


def test_the_collector_is_back_on_after_a_failure(monkeypatch):
    def broken(*_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(graph_model, "_build_model", broken)
    with pytest.raises(RuntimeError):
        graph_model.build_graph_model(load_dataset())
    assert gc.isenabled()


def test_detected_blocs_leave_the_collector_on():
    data = view.filtered(load_dataset())
    found = detected_blocs(positive_projection(data), capability_index(data.actors.values()))
    assert found.blocs and gc.isenabled()
