
from explorer.analysis.view import filtered
from explorer.analysis.whatif import apply_scenario
from explorer.model.validation import validate_document
from explorer.synthetic import synthetic_document


def test_valid_and_plausible():
    doc = synthetic_document(90, 30, seed=1)
    assert validate_document(doc) == []
    assert len(doc.actors) == 90 and len(doc.alliances) == 30
    assert all(a.kind in ("other", "non_state") for a in doc.actors.values())
    assert next(iter(doc.actors)) == "A00001"
    assert len(doc.blocs) == 2 and all(b.members for b in doc.blocs.values())
    assert any(t.sign < 0 for t in doc.ties.values()) and any(t.sign > 0 for t in doc.ties.values())
    assert any(m.left for m in doc.memberships.values())
    assert {m.role for m in doc.memberships.values()} >= {"founder", "member"}
    assert len(doc.ties) == 45
    assert len({a.obligation for a in doc.alliances.values()}) > 2
    assert not filtered(doc).is_empty
    (scenario,) = doc.scenarios.values()
    assert len(scenario.changes) == 3
    apply_scenario(doc, scenario)  # every change names something that exists


def test_deterministic_and_seeded():
    a = synthetic_document(200, 20, seed=5)
    b = synthetic_document(200, 20, seed=5)
    c = synthetic_document(200, 20, seed=6)
    assert repr(a) == repr(b)
    assert repr(a) != repr(c)


def test_sizes_and_ties_argument():
    doc = synthetic_document(500, 50, seed=0, n_ties=10)
    assert len(doc.ties) == 10
    assert validate_document(doc) == []
    sizes = {}
    for m in doc.memberships.values():
        sizes[m.alliance] = sizes.get(m.alliance, 0) + 1
    assert max(sizes.values()) > 3 * sorted(sizes.values())[len(sizes) // 2]  # heavy tail


def test_degenerate_sizes():
    for n, m in ((0, 0), (1, 3), (2, 1), (5, 0)):
        doc = synthetic_document(n, m)
        assert len(doc.actors) == n and validate_document(doc) == []


def test_a_large_project_is_whole():
    # (its generation time belongs to the benchmarks, which build such projects)
    doc = synthetic_document(10_000, 1_000, seed=2)
    assert len(doc.actors) == 10_000 and len(doc.alliances) == 1_000
    assert all(m.actor in doc.actors and m.alliance in doc.alliances
               for m in doc.memberships.values())
