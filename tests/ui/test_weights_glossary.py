"""Capability weights chosen in the window; Help ▸ Glossary."""

from __future__ import annotations

from explorer.analysis.capability import DEFAULT_WEIGHTS
from explorer.analysis.glossary import MEASURES
from explorer.scene.view_state import ViewState
from explorer.ui.glossary_dialog import GlossaryDialog, glossary_html
from explorer.ui.weights_dialog import WeightsDialog


def test_glossary_page_explains_every_measure(qtbot):
    html = glossary_html()
    for m in MEASURES:
        assert m.label.replace("&", "&amp;") in html
    dialog = GlossaryDialog()
    qtbot.addWidget(dialog)
    assert "Allied capability" in dialog.text.toPlainText()
    assert "higher is better" in dialog.text.toPlainText()


def test_weights_dialog_refuses_all_zero(qtbot):
    dialog = WeightsDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.weights() == DEFAULT_WEIGHTS
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    for box in dialog.boxes.values():
        box.setValue(0.0)
    assert not ok.isEnabled() and "above 0" in dialog.error.text()
    dialog.reset()
    assert ok.isEnabled() and dialog.weights() == DEFAULT_WEIGHTS


def test_broken_saved_weights_fall_back_to_the_defaults():
    assert ViewState.from_dict({"weights": {"no_such_metric": 1}}).weights is None
    assert ViewState.from_dict({"weights": {"milex_usd_bn": -1}}).weights is None
    assert ViewState.from_dict({"weights": dict.fromkeys(DEFAULT_WEIGHTS, 0.0)}).weights is None
