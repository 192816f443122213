from _analysis_docs import small_doc

from explorer.analysis.view import ViewFilter, filtered


def _members(data, alliance):
    return sorted(m.actor for m in data.memberships if m.alliance == alliance)


def test_default_view_is_todays_open_ended_state():
    data = filtered(small_doc())
    assert _members(data, "NATO") == ["FIN", "GBR", "TUR", "USA"]
    roles = {m.role for m in data.memberships if m.actor == "ARM"}
    assert roles == {"suspended"}  # the ended "member" record is gone
    assert data.context == frozenset()
    assert len(data.ties) == 3


def test_as_of_drops_memberships_that_start_later():
    before = filtered(small_doc(), ViewFilter(as_of="2023-01-01"))
    after = filtered(small_doc(), ViewFilter(as_of="2023-04-04"))
    assert "FIN" not in _members(before, "NATO")
    assert "FIN" in _members(after, "NATO")
    assert {m.role for m in before.memberships if m.actor == "ARM"} == {"member"}


def test_as_of_before_founding_drops_the_alliance():
    data = filtered(small_doc(), ViewFilter(as_of="2020-01-01"))
    assert "SHUSHA" not in data.alliances
    assert "AZE" in data.actors  # actors stay, only their links go


def test_region_filter_uses_ancestors():
    data = filtered(small_doc(), ViewFilter(regions=frozenset({"europe"})))
    assert set(data.actors) == {"GBR", "TUR", "FIN", "RUS", "ARM", "AZE"}
    assert "USA" not in data.actors


def test_region_filter_without_partners():
    data = filtered(small_doc(), ViewFilter(regions=frozenset({"caucasus"})))
    assert set(data.actors) == {"ARM", "AZE"}
    assert set(data.alliances) == {"CSTO", "SHUSHA"}
    assert _members(data, "CSTO") == ["ARM"]
    assert [(t.a, t.b) for t in data.ties] == [("ARM", "AZE")]


def test_region_filter_keeps_partners_as_context():
    view = ViewFilter(regions=frozenset({"caucasus"}), keep_partners=True)
    data = filtered(small_doc(), view)
    assert set(data.actors) == {"ARM", "AZE", "RUS", "TUR"}
    assert data.context == frozenset({"RUS", "TUR"})
    assert data.core == frozenset({"ARM", "AZE"})
    # TUR's NATO membership has no core member: not part of this view
    assert set(data.alliances) == {"CSTO", "SHUSHA"}
    assert _members(data, "CSTO") == ["ARM", "RUS"]


def test_keep_partners_follows_ties():
    view = ViewFilter(regions=frozenset({"middle_east"}), keep_partners=True)
    data = filtered(small_doc(), view)
    assert "RUS" in data.context  # tie IRN-RUS
    assert "AZE" in data.context  # SHUSHA with TUR


def test_alliance_and_actor_filters():
    doc = small_doc()
    data = filtered(doc, ViewFilter(alliance_kinds=frozenset({"bilateral_defence"})))
    assert set(data.alliances) == {"SHUSHA"}
    data = filtered(doc, ViewFilter(alliances=frozenset({"CSTO"})))
    assert set(data.alliances) == {"CSTO"}
    assert len(data.actors) == 8  # alliance filters do not hide actors
    data = filtered(doc, ViewFilter(actor_kinds=frozenset({"non_state"})))
    assert data.is_empty


def test_min_capability_drops_small_and_no_data_actors():
    data = filtered(small_doc(), ViewFilter(min_capability=0.05))
    assert set(data.actors) == {"USA", "RUS", "GBR", "TUR"}
    assert "IRN" not in data.actors


def test_empty_view():
    data = filtered(small_doc(), ViewFilter(regions=frozenset({"nowhere"})))
    assert data.is_empty
    assert data.memberships == () and data.ties == () and data.alliances == {}
