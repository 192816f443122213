"""CSV dialects spreadsheets write: Gephi's blank first line, a comma inside a quoted
header, Excel's ``sep=;`` line, BOM, semicolons and tabs with decimal commas."""

from __future__ import annotations

import pytest

from explorer.io import import_with_format
from explorer.io.csv_dialect import CsvDialect, detect

NODES = "Id,Label,x,y\nA,Alpha,1.5,2\nB,Beta,-3.25,4\n"


@pytest.mark.parametrize(
    ("text", "delimiter", "decimal", "sep_line", "blank"),
    [
        ("Id,Label\nA,a\n", ",", False, False, 0),
        ("\n\nId,Label\nA,a\n", ",", False, False, 2),
        ("sep=;\nId;Label;x\nA;a;1,5\n", ";", True, True, 0),
        ("Id\tLabel\tx\nA\ta\t2,75\n", "\t", True, False, 0),
        ('Id,"Label, long",x\nA,"a, b",1.5\n', ",", False, False, 0),
        ("Id;Label;x\nA;a;3\n", ";", False, False, 0),
    ],
)
def test_detect(text, delimiter, decimal, sep_line, blank):
    dialect, body, skipped = detect(text)
    assert (dialect.delimiter, dialect.decimal_comma, dialect.sep_line,
            dialect.blank_lines) == (delimiter, decimal, sep_line, blank)
    assert body.startswith("Id")
    assert skipped == blank + (1 if sep_line else 0)


@pytest.mark.parametrize(
    ("name", "content", "note"),
    [
        ("gephi_blank.csv", "\n" + NODES, "1 blank line before the header"),
        ("excel.csv", "sep=;\r\nId;Label;x;y\r\nA;Alpha;1,5;2\r\nB;Beta;-3,25;4\r\n",
         "semicolon-separated, decimal commas, Excel 'sep=' line"),
        ("bom_tabs.csv", "\ufeffId\tLabel\tx\ty\nA\tAlpha\t1,5\t2\nB\tBeta\t-3,25\t4\n",
         "tab-separated, decimal commas, byte-order mark"),
    ],
)
def test_spreadsheet_files_import_with_positions_and_say_how(tmp_path, name, content, note):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    result = import_with_format(path, "csv")
    assert set(result.document.actors) == {"A", "B"}
    assert result.positions["A"] == (1.5, 2.0) and result.positions["B"] == (-3.25, 4.0)
    assert any(note in w for w in result.warnings), result.warnings


def test_quoted_header_with_a_comma_keeps_its_column(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('Id,Label,"Population, 2024"\nA,Alpha,12\n', encoding="utf-8")
    result = import_with_format(path, "csv")
    assert result.document.actors["A"].name == "Alpha"


def test_plain_comma_csv_says_nothing_about_its_dialect(tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text(NODES, encoding="utf-8")
    result = import_with_format(path, "csv")
    assert not any("read as" in w for w in result.warnings)
    assert CsvDialect().unusual is False
