"""The measure registry: every figure shown has a key, a label, a text and a direction."""

import json

from _analysis_docs import pact_doc, small_doc

from explorer.analysis.glossary import BETTER, MEASURE_BY_KEY, MEASURES, scalar_figures
from explorer.analysis.pipeline import analyse
from explorer.analysis.report import build_report, format_text
from explorer.model.entities import Change


def test_every_entry_is_complete_and_unique():
    assert len(MEASURE_BY_KEY) == len(MEASURES)
    for m in MEASURES:
        assert m.key and m.label and m.text.endswith(".")
        assert m.better in BETTER
        assert m.unit in ("count", "share", "ratio", "score")


def test_every_comparison_row_and_report_measure_is_explained():
    keys = set(scalar_figures(analyse(small_doc())))
    assert keys <= MEASURE_BY_KEY.keys()
    assert "con_alliance_blocs" in keys and "alliance_blocs" in keys
    for named in ("bloc_share", "balance_ratio", "con_actors", "con_user_blocs",
                  "con_detected_blocs", "components", "largest_component_share",
                  "efficiency", "modularity", "articulation_points", "balanced_share",
                  "broker_rank", "allied_capability", "alliance_share", "removal_loss"):
        assert named in MEASURE_BY_KEY, named


def test_adding_an_entry_adds_a_comparison_row(monkeypatch):
    import explorer.analysis.glossary as glossary

    extra = glossary.Measure("ties_per_actor", "Ties per actor", "Ties over actors.",
                             unit="ratio", compute=lambda an: len(an.data.ties) / 8)
    monkeypatch.setattr(glossary, "MEASURES", (*glossary.MEASURES, extra))
    assert glossary.scalar_figures(analyse(small_doc()))["ties_per_actor"] == 3 / 8


def test_report_carries_the_glossary_and_prints_it_on_request():
    report = build_report(pact_doc(), scenario=[Change("remove_actor", actor="B")])
    json.dumps(report, allow_nan=False)
    assert {g["key"] for g in report["glossary"]} == set(MEASURE_BY_KEY)
    assert "Glossary" not in format_text(report)
    text = format_text(report, glossary=True)
    assert "Allied capability [allied_capability] (higher is better):" in text
