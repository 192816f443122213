"""Find by name, id, prefix or mention, accents ignored (the full-text index)."""

from __future__ import annotations

import pytest

from explorer.analysis.search import SearchIndex
from explorer.dataset import load_dataset


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(load_dataset())


def _keys(index: SearchIndex, text: str) -> list[str]:
    return [h.key for h in index.best(text)]


def test_exact_name_or_id_wins_alone(index):
    assert _keys(index, "Türkiye") == ["actor:TUR"]
    assert _keys(index, "turkiye") == ["actor:TUR"]  # accents ignored
    assert _keys(index, "tur") == ["actor:TUR"]
    assert _keys(index, "NATO") == ["alliance:nato"]


def test_a_prefix_finds_the_name_that_starts_with_it(index):
    assert _keys(index, "Azer") == ["actor:AZE"]
    assert _keys(index, "hezb") == ["actor:hezbollah"]


def test_a_word_shared_by_several_names_finds_them_all(index):
    found = _keys(index, "Korea")
    assert {"actor:KOR", "actor:PRK"} <= set(found)


def test_nothing_for_unknown_words(index):
    assert index.best("Atlantis") == []
    assert index.best("  ") == []
