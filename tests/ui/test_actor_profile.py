"""The actor inspector answers "what is Türkiye in?": memberships, ties, blocs, figures
and rank, each row opening its record."""

from __future__ import annotations

from test_inspector import small_document  # same folder (pytest prepend import mode)

from explorer.analysis.view import ViewFilter
from explorer.scene.actor_profile import actor_profile
from explorer.store import Project
from explorer.ui.editing.common import channel
from explorer.ui.session import ProjectSession


def test_profile_rows_from_the_document():
    doc = small_document()
    rows = actor_profile(doc, "TUR")
    by = {s: [r for r in rows if r.section == s] for s in {r.section for r in rows}}
    texts = [r.text for r in rows]
    assert "NATO (member)" in texts
    nato = next(r for r in rows if r.text == "NATO (member)")
    assert nato.detail.startswith("since 1952-02-18") and nato.kind == "membership"
    assert "Hezbollah: rivalry" in texts
    assert any(t.startswith("Military expenditure (US$ bn): 25 (2024, published)") for t in texts)
    rank = by["Rank in view"][0]
    assert rank.text == "Capability: 1st" and "of 1 actors with figures" in rank.detail
    # before Türkiye joined, the membership is listed but not in force
    old = actor_profile(doc, "TUR", ViewFilter(as_of="1950-01-01"))
    assert not next(r for r in old if r.kind == "membership").in_view
    # an actor without figures is not ranked, and the row says why
    swe = actor_profile(doc, "SWE")
    assert swe[0].text == "Capability: not ranked" and "no capability figures" in swe[0].detail
    assert actor_profile(doc, "XXX") == []


def test_inspector_lists_turkiyes_memberships_and_opens_them(qtbot, tmp_path):
    from explorer.ui.inspector.dock import Inspector

    session = ProjectSession(Project.create(tmp_path / "p.sbx", small_document()))
    inspector = Inspector(session)
    qtbot.addWidget(inspector)
    inspector.resize(440, 900)
    inspector.show()
    session.select(["actor:TUR"])
    qtbot.waitUntil(lambda: inspector.shown() == ("actor", "TUR"))
    profile = inspector.form("actor").profile
    qtbot.waitUntil(lambda: any(r.text == "NATO (member)" for r in profile.rows()))
    head = profile.topLevelItem(1)
    assert head.text(0) == "Memberships"
    item = head.child(0)
    assert item.text(0) == "NATO (member) \N{MIDDLE DOT} since 1952-02-18; defence obligation"
    opened: list = []
    channel(session).recordChosen.connect(lambda kind, key: opened.append((kind, key)))
    profile.itemActivated.emit(item, 0)
    assert opened == [("membership", 1)]
    assert inspector.shown() == ("membership", 1)
    # the view's date greys what is not in force yet
    assert inspector.show_record("actor", "TUR")
    session.set_view_filter(ViewFilter(as_of="1950-01-01"))
    qtbot.waitUntil(lambda: not next(r for r in profile.rows() if r.kind == "membership").in_view)
    inspector.close()
    session.close()


def test_imported_attributes_show_in_profile_and_table(qtbot, tmp_path):
    from explorer.services import import_to_new_project
    from explorer.ui.data.tables import DataTables

    source = tmp_path / "lm.gexf"
    import shutil
    from pathlib import Path

    interop = Path(__file__).resolve().parents[2].parent / "shared" / "interop"
    shutil.copy(interop / "lesmiserables_gephi081.gexf", source)
    summary = import_to_new_project(source, tmp_path / "lm.sbx")
    project = Project.open(summary.path)
    doc = project.document()
    rows = actor_profile(doc, "0")
    assert any(r.text == "Modularity Class: 0" for r in rows)
    assert any(r.text.startswith("Drawn with colour #5b5bf5, size 28.68") for r in rows)
    # the import opens in the file's colours and sizes
    assert project.setting("view.color_by") == "file"
    session = ProjectSession(project)
    tables = DataTables(session)
    qtbot.addWidget(tables)
    titles = [c.title for c in tables.models["actors"].columns]
    assert "Modularity Class" in titles
    ties = [c.title for c in tables.models["ties"].columns]
    assert "Weight" in ties and "Directed" in ties
    tables.set_filter("Modularity:3")
    assert 0 < tables.proxies["actors"].rowCount() < len(doc.actors)
    tables.deleteLater()
    session.close()


def test_profile_lists_sources_by_title():
    from explorer.dataset import load_dataset

    rows = [r for r in actor_profile(load_dataset(), "TUR") if r.section == "Sources"]
    titles = [r.text for r in rows]
    assert "Member countries" in titles  # NATO's member list, by title, not "nato_members"
    assert not any(t == "nato_members" for t in titles)
    assert all("cited" in r.detail for r in rows)
