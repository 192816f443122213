"""Nodes grow in and shrink out when the date moves, instead of popping."""

from __future__ import annotations

import dataclasses

import numpy as np

from explorer.analysis.view import ViewFilter
from explorer.commands import PutActor


def test_a_new_actor_grows_in_and_a_departed_one_shrinks_out(canvas, session, qtbot):
    doc = session.project.document()
    # Armenia exists only from 1991 in this test: at 1980 it is not drawn
    session.push(PutActor(dataclasses.replace(doc.actors["ARM"], start="1991-09-21")))
    session.set_view_filter(ViewFilter(as_of="1980-01-01"))
    canvas.model()
    qtbot.waitUntil(lambda: not canvas.appear.running(), timeout=3000)
    assert "actor:ARM" not in canvas.node_keys()

    session.set_view_filter(ViewFilter(as_of="2000-01-01"))
    model = canvas.model()
    i = model.index["actor:ARM"]
    assert canvas.appear.running()
    grown_from = float(canvas.nodes.scatter.data["size"][i])
    full = float(np.round(model.sizes[i] * 2) / 2)
    assert grown_from < full  # starts small
    qtbot.waitUntil(lambda: not canvas.appear.running(), timeout=3000)
    assert float(canvas.nodes.scatter.data["size"][i]) == full

    assert not canvas.appear.leaving.isVisible()  # nothing leaving: not painted at all
    session.set_view_filter(ViewFilter(as_of="1980-01-01"))
    canvas.model()
    assert len(canvas.appear.leaving.data) == 1  # Armenia, shrinking where it was
    assert canvas.appear.leaving.isVisible()
    qtbot.waitUntil(lambda: not canvas.appear.running(), timeout=3000)
    assert len(canvas.appear.leaving.data) == 0
    assert not canvas.appear.leaving.isVisible()


def test_the_selection_rings_are_painted_only_while_something_is_selected(canvas, session):
    """An empty scatter item still costs a paint every frame: the rings' item is hidden
    while nothing is selected."""
    assert not canvas.nodes.rings.isVisible()
    session.select(["actor:TUR"])
    assert canvas.nodes.rings.isVisible() and len(canvas.nodes.rings.data) == 1
    session.select([])
    assert not canvas.nodes.rings.isVisible()
