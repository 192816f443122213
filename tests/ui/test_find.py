"""Find: one match is shown at once; several ("Korea", "Azer…") are listed to pick from."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from explorer.dataset import load_dataset
from explorer.store import Project
from explorer.ui.find import find_node, matches


def test_partial_names_match(qtbot):
    doc = load_dataset()
    assert matches(doc, "Azer") == ["actor:AZE"]
    korea = matches(doc, "Korea")
    assert {"actor:KOR", "actor:PRK"} <= set(korea)


def test_several_matches_are_listed_to_pick_from(qtbot, tmp_path, window_settings,
                                                 monkeypatch):
    from conftest import open_window

    path = tmp_path / "w.sbx"
    Project.create(path, load_dataset()).close()
    window = open_window(qtbot, path, window_settings)
    monkeypatch.setattr(QInputDialog, "exec", lambda self: (self.setTextValue("Korea"), 1)[1])
    offered: list[list[str]] = []

    def pick(parent, title, label, items, current, editable):
        offered.append(list(items))
        return next(i for i in items if i.startswith("North Korea")), True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    find_node(window)
    assert any(i.startswith("South Korea") for i in offered[0])
    assert offered[0][-1].startswith("All ")
    assert window.session.selection == ["actor:PRK"]
    window.close_project()


def test_aliases_and_short_names_are_found():
    doc = load_dataset()
    assert matches(doc, "Turkey") == ["actor:TUR"]  # Türkiye's former UN short name
    assert matches(doc, "ROK") == ["actor:KOR"]
    assert matches(doc, "Ansar Allah") == ["actor:houthis"]
    assert matches(doc, "US–Japan treaty") == ["alliance:us_japan"]
    # short names are what the canvas labels show; the full name stays the name
    assert doc.alliances["us_japan"].label == "US–Japan treaty"
    assert doc.alliances["us_japan"].name.startswith("Treaty of Mutual Cooperation")
