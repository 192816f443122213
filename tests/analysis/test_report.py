import json

import pytest
from _analysis_docs import small_doc

from explorer.analysis.errors import UnknownName
from explorer.analysis.names import changes_from_cli, resolve_name, resolve_names
from explorer.analysis.report import build_report, format_text
from explorer.analysis.view import ViewFilter
from explorer.model.entities import Change

TOP_KEYS = {
    "schema", "title", "summary", "view", "counts", "capability", "blocs", "alliances", "allied",
    "network", "balance", "glossary", "vintage", "latest",
}


def test_report_structure_and_json():
    report = build_report(small_doc())
    assert set(report) == TOP_KEYS
    json.dumps(report, allow_nan=False)
    assert report["counts"]["actors"] == 8
    assert report["capability"]["top"][0]["actor"] == "USA"
    assert report["capability"]["no_data"] == ["IRN"]
    assert [w["actor"] for w in report["capability"]["warheads"]] == ["RUS", "USA", "GBR"]
    assert report["network"]["top_brokers"][0]["actor"] == "TUR"
    assert report["network"]["sampled"] is False
    assert set(report["network"]["articulation_points"]) == {"TUR", "RUS"}
    assert report["balance"]["triangles"] == 4  # the NATO clique K4, all positive
    assert report["balance"]["balanced_share"] == 1.0
    assert {b["id"] for b in report["blocs"]["user"]["blocs"]} == {"west", "east"}


def test_report_with_scenario_by_name():
    report = build_report(small_doc(), scenario="turkey leaves nato")
    json.dumps(report, allow_nan=False)
    assert report["scenario"]["name"] == "Turkey leaves NATO"
    assert report["scenario"]["changes"][0]["description"] == "Türkiye leaves North Atlantic Treaty Organization"
    cmp = report["comparison"]
    assert cmp["figures"]["components"]["delta"] == 1
    assert cmp["new_components"] == [["AZE", "TUR"]]
    assert cmp["brokers"][0]["name"]
    text = format_text(report)
    assert "What-if: Turkey leaves NATO" in text
    assert "largest_component_share" in text


def test_format_text_sections():
    text = format_text(build_report(small_doc(), ViewFilter(as_of="2023-01-01")))
    for heading in (
        "Capability",
        "User blocs",
        "Detected blocs",
        "Top brokers",
        "Structural balance",
    ):
        assert heading in text
    assert "As of 2023-01-01" in text
    assert "United States" in text


def test_empty_view_gives_an_empty_report():
    view = ViewFilter(regions=frozenset({"nowhere"}))
    report = build_report(small_doc(), view, scenario=[Change("remove_actor", actor="TUR")])
    json.dumps(report, allow_nan=False)
    assert report["counts"]["actors"] == 0
    assert report["capability"]["top"] == [] and report["capability"]["con"] is None
    assert report["network"]["top_brokers"] == []
    assert report["balance"]["balanced_share"] is None
    assert "(none)" in format_text(report)


def test_resolve_names_accepts_ids_and_names_any_case():
    doc = small_doc()
    assert resolve_names(doc, ["TUR", "tur", "Türkiye", "united kingdom"], "actor") == [
        "TUR",
        "TUR",
        "TUR",
        "GBR",
    ]
    assert resolve_name(doc, "shusha declaration", "alliance") == "SHUSHA"
    assert resolve_name(doc, "Turkey leaves NATO", "scenario") == "Turkey leaves NATO"


def test_unknown_name_lists_close_matches():
    doc = small_doc()
    with pytest.raises(UnknownName) as err:
        resolve_name(doc, "Turkiye", "actor")
    assert isinstance(err.value, ValueError)
    assert "TUR (Türkiye)" in str(err.value)
    with pytest.raises(UnknownName, match="NATO"):
        resolve_name(doc, "nato2", "alliance")
    with pytest.raises(UnknownName, match="Unknown scenario 'zzz'"):
        build_report(doc, scenario="zzz")
    with pytest.raises(UnknownName) as err:
        resolve_name(doc, "qqqqqq", "actor")
    assert err.value.suggestions == []


def test_changes_from_cli():
    doc = small_doc()
    changes = changes_from_cli(doc, ["tur@nato", "Armenia"], ["csto"])
    assert changes == [
        Change("remove_membership", actor="TUR", alliance="NATO"),
        Change("remove_actor", actor="ARM"),
        Change("dissolve_alliance", alliance="CSTO"),
    ]
    with pytest.raises(UnknownName, match="NATO"):
        changes_from_cli(doc, ["TUR@NATTO"], [])


def test_report_leads_with_sentences_and_pooled_power():
    from _analysis_docs import pact_doc

    change = [Change("remove_membership", actor="B", alliance="DEF")]
    report = build_report(pact_doc(), scenario=change, headline="user")
    json.dumps(report, allow_nan=False)
    assert report["summary"][0].startswith("Defence Pact loses Brigand")
    assert report["blocs"]["headline"] == "user"
    assert report["blocs"]["alliance"]["blocs"][0]["members"] == ["A", "B"]
    assert report["alliances"][0]["id"] == "DEF"
    assert report["allied"][0]["actor"] == "B"  # 0.9125 before anything changes
    cmp = report["comparison"]
    assert cmp["alliances"]["DEF"]["delta"] == pytest.approx(-0.275)
    assert "CON" not in cmp["alliances"] and cmp["alliances_unchanged"] == 2
    assert cmp["allied"]["B"]["name"] == "Brigand"
    text = format_text(report)
    assert text.index("Summary") < text.index("Capability")
    assert text.index("User blocs [headline]") < text.index("Alliance-derived blocs")
    assert "Alliance aggregates that moved" in text and "DEF       2→1" in text
    baseline = build_report(pact_doc())
    assert any("Bloc around Avalon" in s for s in baseline["summary"])
    assert baseline["summary"][-1].startswith("Capability rests on figures for 3 of 4")


def test_report_says_directed_ties_are_read_as_undirected(tmp_path):
    from explorer.io import import_with_format

    path = tmp_path / "edges.csv"
    path.write_text("Source,Target,Type\nA,B,Directed\nB,C,Directed\nC,A,Undirected\n",
                    encoding="utf-8")
    doc = import_with_format(path).document
    net = build_report(doc)["network"]
    assert net["directed_ties"] == 2
    assert "treats every link as undirected" in net["direction_note"]
    assert build_report(small_doc())["network"]["direction_note"] == ""


def test_report_on_a_large_view_says_what_it_sampled_and_how_blocs_were_found():
    from explorer.analysis.blocs import compiled_louvain_available
    from explorer.analysis.measures import EXACT_MAX_NODES, SAMPLE_K
    from explorer.synthetic import synthetic_document

    doc = synthetic_document(EXACT_MAX_NODES + 200, 60, seed=3)
    report = build_report(doc)
    net = report["network"]
    assert net["sampled"] and net["sample_k"] == SAMPLE_K
    text = format_text(report)
    assert f"[sampled, k={SAMPLE_K}]" in text
    assert f"Top brokers (betweenness, estimated from {SAMPLE_K} sampled actors)" in text
    method = "Leiden" if compiled_louvain_available() else "Louvain"
    assert report["blocs"]["detected"]["method"] == method
    assert f"Detected blocs ({method})" in text


def test_report_on_the_default_project_is_exact_louvain():
    from explorer.dataset import load_dataset

    report = build_report(load_dataset())
    assert not report["network"]["sampled"]
    assert report["blocs"]["detected"]["method"] == "Louvain"
    text = format_text(report)
    assert "Top brokers (betweenness)\n" in text and "Detected blocs (Louvain)" in text
