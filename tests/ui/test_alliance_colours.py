"""Colour by principal alliance: each actor takes the colour of its strongest-obligation
full membership in view; the legend names those alliances."""

from __future__ import annotations

from dataclasses import replace

from explorer.model.entities import Actor, Alliance, Membership
from explorer.scene import styles
from explorer.scene.graph_model import build_graph_model
from tests.ui.conftest import open_window, small_document


def colours(model) -> dict[str, str]:
    return dict(zip(model.keys, model.colors, strict=True))


def legend_colours(model) -> dict[str, str]:
    return {e.label: e.color for e in model.legend if e.kind == "color"}


def add_membership(doc, alliance: str, actor: str, role: str = "member") -> None:
    number = max(doc.memberships, default=0) + 1
    doc.memberships[number] = Membership(alliance, actor, role, id=number)


def test_members_share_their_alliances_colour_and_the_legend_names_it():
    model = build_graph_model(small_document(), color_by="alliance")
    c = colours(model)
    assert c["actor:USA"] == c["actor:TUR"] == c["actor:FRA"] == styles.PALETTE[0]
    assert c["actor:RUS"] == styles.PALETTE[1]
    # Armenia's CSTO membership is suspended and China has none: no principal alliance
    assert c["actor:ARM"] == c["actor:CHN"] == styles.NEUTRAL
    assert legend_colours(model) == {
        "NATO": styles.PALETTE[0],
        "CSTO": styles.PALETTE[1],
        styles.NO_ALLIANCE_LABEL: styles.NEUTRAL,
    }


def test_a_defence_pact_outranks_a_larger_consultation_forum():
    doc = small_document()
    doc.alliances["forum"] = Alliance("forum", "Big Forum", "political_economic", "consultation")
    for actor in ("USA", "TUR", "FRA", "RUS", "CHN"):
        add_membership(doc, "forum", actor)
    c = colours(build_graph_model(doc, color_by="alliance"))
    assert c["actor:USA"] == c["actor:TUR"]
    assert c["actor:USA"] != c["actor:RUS"]  # NATO vs CSTO, not the forum they share
    assert c["actor:CHN"] not in (c["actor:USA"], c["actor:RUS"], styles.NEUTRAL)


def test_alliances_beyond_the_palette_share_one_colour_listed_before_no_alliance():
    doc = small_document()
    for i in range(len(styles.PALETTE) + 2):
        lid = f"pact{i:02d}"
        doc.alliances[lid] = Alliance(lid, f"Pact {i:02d}", "bilateral_defence", "defence")
        actor_id = f"X{i:02d}"
        doc.actors[actor_id] = Actor(actor_id, f"State {i}", "state")
        add_membership(doc, lid, actor_id)
    model = build_graph_model(doc, color_by="alliance")
    legend = [e.label for e in model.legend if e.kind == "color"]
    assert legend[-2:] == [styles.OTHER_ALLIANCE_LABEL, styles.NO_ALLIANCE_LABEL]
    assert len(legend) == len(styles.PALETTE) + 2
    # 14 principal alliances (NATO, CSTO, 12 pacts): NATO (3 actors) and the first 9 of
    # the one-actor ones by id get colours, pact08..pact11 share "another alliance"
    others = [k for k, col in zip(model.keys, model.colors, strict=True)
              if col == styles.OTHER_ALLIANCE_COLOR]
    assert others == ["actor:X08", "actor:X09", "actor:X10", "actor:X11"]


def test_the_view_menu_switches_to_principal_alliance_and_the_project_keeps_it(
    qtbot, session, window_settings
):
    path = session.project.path
    session.close()
    window = open_window(qtbot, path, window_settings)
    action = next(a for a in window.color_menu.actions() if "Principal Alliance" in a.text())
    action.trigger()
    assert window.canvas.color_by == "alliance"
    assert "NATO" in window.canvas.legend_entries()
    assert window.session.project.setting("view.color_by") == "alliance"


def test_detected_bloc_colours_follow_the_reports_louvain_blocs():
    from explorer.analysis.blocs import detected_blocs
    from explorer.analysis.capability import capability_index
    from explorer.analysis.graphs import positive_projection
    from explorer.analysis.view import ViewFilter, filtered
    from explorer.dataset import load_dataset

    doc = load_dataset()
    view = ViewFilter(as_of="2023-01-01")
    data = filtered(doc, view)
    found = detected_blocs(positive_projection(data), capability_index(data.actors.values(), year=2023))
    groups = [b for b in found.blocs if len(b.members) > 1]
    model = build_graph_model(doc, view, color_by="detected")
    legend = legend_colours(model)
    assert list(legend)[: len(groups)] == [f"{b.id} · {b.name}" for b in groups]
    c = colours(model)
    for i, bloc in enumerate(groups):
        assert {c[f"actor:{a}"] for a in bloc.members} == {styles.PALETTE[i]}
    alone = [b.members[0] for b in found.blocs if len(b.members) == 1]
    assert all(c[f"actor:{a}"] == styles.NEUTRAL for a in alone)


def test_detected_colouring_declines_views_too_big_to_detect_live(monkeypatch):
    from explorer.scene.color_modes import detected

    monkeypatch.setattr(detected, "DETECT_MAX_ACTORS", 5)
    model = build_graph_model(small_document(), color_by="detected")  # six actors
    assert set(model.colors[:6]) == {styles.NEUTRAL}
    assert [e.label for e in model.legend if e.kind == "color"] == [
        "Too many actors in view to detect blocs live (over 5): filter the view"
    ]


def test_nuclear_status_colours_the_states_that_report_warheads():
    from explorer.model.entities import Capability
    from explorer.scene.color_modes import nuclear

    doc = small_document()
    first = next(iter(doc.actors.values()))
    doc.actors[first.id] = replace(
        first, capabilities=(*first.capabilities, Capability("warheads", 290, 2024, "sipri"))
    )
    model = build_graph_model(doc, color_by="nuclear")
    c = colours(model)
    assert c[f"actor:{first.id}"] == nuclear.ARMED[1]
    others = [k for k in c if k.startswith("actor:") and k != f"actor:{first.id}"]
    assert others and {c[k] for k in others} == {nuclear.UNARMED[1]}
    assert nuclear.ARMED[0] in legend_colours(model)
