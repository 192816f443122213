"""Shared fixtures of the Qt tests: offscreen platform, a small project and its session."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from explorer.model.entities import (  # noqa: E402
    Actor,
    Alliance,
    Bloc,
    Capability,
    Document,
    Membership,
    Region,
    Tie,
)


def small_document() -> Document:
    """Six actors in two regions, NATO-like and CSTO-like hubs, one partnership tie."""
    doc = Document(title="Test")
    doc.regions = {
        "europe": Region("europe", "Europe"),
        "asia": Region("asia", "Asia"),
        "east_asia": Region("east_asia", "East Asia", "asia"),
    }

    def actor(aid: str, name: str, region: str, milex: float | None) -> Actor:
        caps = (Capability("milex_usd_bn", milex, 2024),) if milex is not None else ()
        return Actor(aid, name, "state", (region,), caps)

    for a in (
        actor("USA", "United States", "europe", 900.0),
        actor("TUR", "Türkiye", "europe", 40.0),
        actor("FRA", "France", "europe", 60.0),
        actor("RUS", "Russia", "asia", 100.0),
        actor("ARM", "Armenia", "asia", None),
        actor("CHN", "China", "east_asia", 300.0),
    ):
        doc.actors[a.id] = a
    doc.alliances = {
        "nato": Alliance("nato", "North Atlantic Treaty Organization", "collective_defence",
                         "defence"),
        "csto": Alliance("csto", "Collective Security Treaty Organization",
                         "collective_defence", "defence"),
    }
    rows = [
        ("nato", "USA", "founder"),
        ("nato", "TUR", "member"),
        ("nato", "FRA", "founder"),
        ("csto", "RUS", "founder"),
        ("csto", "ARM", "suspended"),
    ]
    for i, (al, ac, role) in enumerate(rows, start=1):
        doc.memberships[i] = Membership(al, ac, role, id=i)
    doc.ties = {1: Tie("RUS", "CHN", 1, id=1)}
    doc.blocs = {"west": Bloc("west", "Western-aligned", "#1f77b4", members=("USA", "FRA"))}
    return doc


@pytest.fixture
def session(tmp_path):
    """A ProjectSession on a fresh project built from :func:`small_document`."""
    from explorer.store import Project
    from explorer.ui.session import ProjectSession

    project = Project.create(tmp_path / "p.sbx", small_document())
    sess = ProjectSession(project)
    yield sess
    sess.close()


@pytest.fixture
def inspector(qtbot, session):
    """An Inspector on ``session`` (each test module's own ``session`` fixture wins)."""
    from explorer.ui.inspector.dock import Inspector

    widget = Inspector(session)
    qtbot.addWidget(widget)
    widget.resize(440, 800)
    return widget


def open_window(qtbot, path, settings):
    """A MainWindow with its own settings file, opened on the project at ``path``."""
    from explorer.ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.open_path(path)
    return window


@pytest.fixture
def window_settings(tmp_path):
    """A throw-away QSettings file, so tests never touch the user's own settings."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def canvas(qtbot, session):
    """A shown GraphCanvas on ``session``, laid out a little, paused."""
    from explorer.ui.canvas import GraphCanvas

    widget = GraphCanvas(session)
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.pause_layout()
    widget.step_layout(100)
    widget.fit_to_view()
    yield widget
    widget.shutdown()
