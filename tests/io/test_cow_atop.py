"""COW Formal Alliances v4.1 and ATOP v5 member-level files (synthetic, documented layout)."""

from __future__ import annotations

from collections import Counter

import pytest

from explorer.io import ImportFormatError, import_atop_members, import_cow_members
from explorer.io.cow_codes import COW_STATES, iso3
from explorer.model.validation import validate_document


def test_cow_codes_table():
    assert iso3(2) == "USA" and iso3(200) == "GBR" and iso3(365) == "RUS"
    assert iso3(255) == iso3(260) == "DEU"
    assert iso3(245) is None  # Bavaria: no ISO code
    assert len(COW_STATES) > 200
    isos = [e[1] for e in COW_STATES.values() if e[1]]
    assert all(len(i) == 3 and i.isupper() for i in isos)


def test_cow_members(data_dir):
    result = import_cow_members(data_dir / "alliance_v4.1_by_member.csv")
    doc = result.document
    assert validate_document(doc) == []
    nato = doc.alliances["cow_1"]
    assert (nato.obligation, nato.kind, nato.founded, nato.ended) == (
        "defence", "collective_defence", "1949-04-04", None)
    sino = doc.alliances["cow_2"]
    assert (sino.obligation, sino.kind, sino.ended) == (
        "non_aggression", "security_partnership", "1979-02-15")
    assert doc.alliances["cow_3"].obligation == "neutrality"
    fra = sorted((m.joined, m.left) for m in doc.memberships.values() if m.actor == "FRA")
    assert fra == [("1949-04-04", "1966-06-21"), ("2009-01-01", None)]
    assert doc.actors["DEU"].kind == "state"
    assert doc.actors["cow_245"].kind == "other" and doc.actors["cow_245"].name == "Bavaria"
    assert doc.actors["cow_999"].name == "Atlantis"
    assert any("999" in w for w in result.warnings)
    assert "cow_245" not in " ".join(result.warnings)
    bavaria = next(m for m in doc.memberships.values() if m.actor == "cow_245")
    assert (bavaria.joined, bavaria.left) == ("1866-06-01", "1866-08-01")


def test_atop_members(data_dir):
    result = import_atop_members(data_dir / "atop5_1m.csv")
    doc = result.document
    assert validate_document(doc) == []
    assert doc.alliances["atop_1005"].obligation == "defence"
    assert doc.alliances["atop_1005"].ended == "1823-01-01"
    assert doc.alliances["atop_4010"].obligation == "offence"
    nato = doc.alliances["atop_3180"]
    assert (nato.founded, nato.ended, nato.kind) == ("1949-04-04", None, "collective_defence")
    usa = [m for m in doc.memberships.values() if m.actor == "USA"]
    assert len(usa) == 1  # the phase-2 duplicate row is merged
    assert any("duplicate" in w for w in result.warnings)
    tur = next(m for m in doc.memberships.values() if m.actor == "TUR")
    assert tur.joined == "2001-06-30"  # day 31 of June clamped
    assert "cow_1234" in doc.actors and any("1234" in w for w in result.warnings)
    assert doc.actors["cow_300"].name == "Austria-Hungary"
    assert Counter(m.alliance for m in doc.memberships.values())["atop_3180"] == 3


def test_missing_columns_named(tmp_path):
    path = tmp_path / "atop.csv"
    path.write_text("atopid,member,yrent\n1,2,1949\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"atop\.csv, line 1: .*defense, offense"):
        import_atop_members(path)
    with pytest.raises(ImportFormatError, match="version4id, ccode"):
        import_cow_members(path)


def test_bad_cell_names_line(tmp_path, data_dir):
    text = (data_dir / "atop5_1m.csv").read_text(encoding="utf-8").splitlines()
    text[3] = text[3].replace("300", "abc", 1)
    path = tmp_path / "atop5_1m.csv"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"line 4: column 'member' is 'abc'"):
        import_atop_members(path)
