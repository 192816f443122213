"""A legend names the largest colour categories and counts the rest, so a graph with a
colour per node (an imported file's) still exports a page of sane size."""

from __future__ import annotations

from explorer.model.entities import Actor, Bloc, Document
from explorer.scene.graph_model import LEGEND_MAX_COLORS, build_graph_model


def test_legend_lists_the_largest_colours_and_counts_the_rest():
    doc = Document()
    for i in range(40):
        doc.actors[f"A{i:02d}"] = Actor(f"A{i:02d}", f"Actor {i}", "other")
        doc.blocs[f"b{i:02d}"] = Bloc(f"b{i:02d}", f"Bloc {i}", f"#{i:02x}{i:02x}80",
                                      members=(f"A{i:02d}",))
    legend = build_graph_model(doc, color_by="bloc").legend
    colours = [e for e in legend if e.kind == "color"]
    assert len(colours) == LEGEND_MAX_COLORS
    assert any(e.label == f"\N{HORIZONTAL ELLIPSIS} and {40 - LEGEND_MAX_COLORS} more colours"
               for e in legend)
    few = Document(actors=dict(list(doc.actors.items())[:3]),
                   blocs=dict(list(doc.blocs.items())[:3]))
    assert not any("more colours" in e.label for e in build_graph_model(few).legend)


def test_a_headless_settle_reports_its_iterations_and_can_be_stopped():
    from explorer.dataset import load_dataset
    from explorer.scene.graph_model import build_graph_model
    from explorer.services.images import settled_positions

    model = build_graph_model(load_dataset())
    seen: list[tuple[int, int]] = []
    placed = settled_positions(model, {}, lambda done, total: seen.append((done, total)))
    assert set(placed) == set(model.keys)
    assert seen and [d for d, _t in seen] == sorted(d for d, _t in seen)
    assert all(t == seen[0][1] and d <= t for d, t in seen)

    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        raise Stop

    import pytest

    with pytest.raises(Stop):
        settled_positions(model, {}, stop)
