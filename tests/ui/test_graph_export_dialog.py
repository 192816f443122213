"""File > Export Graph shows its progress and can be cancelled; a cancel writes nothing."""

from __future__ import annotations

import networkx as nx

from explorer.store import Project
from explorer.ui.export import file_transfer
from tests.ui.conftest import open_window, small_document


def test_export_graph_reports_progress_and_writes_the_file(qtbot, tmp_path, window_settings,
                                                          monkeypatch):
    Project.create(tmp_path / "p.sbx", small_document()).close()
    window = open_window(qtbot, tmp_path / "p.sbx", window_settings)
    values = []
    make = file_transfer.progress_dialog

    def watched(*args, **kwargs):
        dialog, report = make(*args, **kwargs)
        return dialog, lambda done, total: (values.append(done / total), report(done, total))

    monkeypatch.setattr(file_transfer, "progress_dialog", watched)
    target = tmp_path / "out.gexf"
    assert file_transfer.write_graph_with_progress(window, str(target), "gexf")
    doc = window.session.project.document()
    assert nx.read_gexf(target).number_of_nodes() == len(doc.actors) + len(doc.alliances)
    assert values[0] == 0 and values[-1] == 1 and len(values) > 4
    assert "Exported" in window.statusBar().currentMessage()


def test_cancel_in_the_export_dialog_writes_nothing(qtbot, tmp_path, window_settings,
                                                    monkeypatch):
    Project.create(tmp_path / "p.sbx", small_document()).close()
    window = open_window(qtbot, tmp_path / "p.sbx", window_settings)
    make = file_transfer.progress_dialog

    def cancelled_at_once(*args, **kwargs):
        dialog, report = make(*args, **kwargs)
        dialog.cancel()  # as if the user pressed Cancel as soon as it showed
        return dialog, report

    monkeypatch.setattr(file_transfer, "progress_dialog", cancelled_at_once)
    target = tmp_path / "out.gexf"
    assert not file_transfer.write_graph_with_progress(window, str(target), "gexf")
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".gexf"] == []
    assert "cancelled" in window.statusBar().currentMessage()
