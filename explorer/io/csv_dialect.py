"""Which CSV dialect a file is written in: the standard library's ``csv.Sniffer`` plus the
rules spreadsheets need — Excel's ``sep=;`` first line, a byte-order mark, blank lines
before the header, and decimal commas in the numbers of ``;``- or tab-separated files.

The importer says which dialect it used, so a surprising reading can be spotted.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass

DELIMITERS = ",;\t|"
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}
#: A number written with a decimal comma: "1,5", "-12,25", "3,0e2".
DECIMAL_COMMA = re.compile(r"^\s*[-+]?\d+,\d+([eE][-+]?\d+)?\s*$")
_SAMPLE_LINES = 50


@dataclass(frozen=True)
class CsvDialect:
    """What was found: the delimiter and the spreadsheet habits dealt with."""

    delimiter: str = ","
    decimal_comma: bool = False
    sep_line: bool = False
    bom: bool = False
    blank_lines: int = 0

    def describe(self) -> str:
        """"semicolon-separated, decimal commas, Excel 'sep=' line"."""
        parts = [f"{_NAMES.get(self.delimiter, repr(self.delimiter))}-separated"]
        if self.decimal_comma:
            parts.append("decimal commas")
        if self.sep_line:
            parts.append("Excel 'sep=' line")
        if self.bom:
            parts.append("byte-order mark")
        if self.blank_lines:
            parts.append(f"{self.blank_lines} blank line{'s' if self.blank_lines > 1 else ''}"
                         " before the header")
        return ", ".join(parts)

    @property
    def unusual(self) -> bool:
        """True when anything but a plain comma-separated file was read."""
        return self != CsvDialect(bom=self.bom)


def detect(text: str, bom: bool = False) -> tuple[CsvDialect, str, int]:
    """(dialect, text from the header on, lines skipped before it) of a CSV file's text."""
    lines = text.split("\n")
    skipped = 0
    while skipped < len(lines) and not lines[skipped].strip():
        skipped += 1
    blank = skipped
    sep_line = False
    delimiter = None
    first = lines[skipped].strip() if skipped < len(lines) else ""
    match = re.fullmatch(r"(?i)\"?sep=(.)\"?,*", first)
    if match:
        delimiter, sep_line = match.group(1), True
        skipped += 1
    body = "\n".join(lines[skipped:])
    if delimiter is None:
        delimiter = _sniff("\n".join(lines[skipped:skipped + _SAMPLE_LINES]))
    decimal = delimiter != "," and _has_decimal_commas(body, delimiter)
    return CsvDialect(delimiter, decimal, sep_line, bom, blank), body, skipped


def _sniff(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        header = sample.split("\n", 1)[0]
        counts = {d: _count_outside_quotes(header, d) for d in DELIMITERS}
        best = max(counts, key=lambda d: (counts[d], d == ","))
        return best if counts[best] else ","


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            count += 1
    return count


def _has_decimal_commas(body: str, delimiter: str) -> bool:
    reader = csv.reader(body.split("\n")[1:_SAMPLE_LINES], delimiter=delimiter)
    try:
        return any(DECIMAL_COMMA.match(cell) for row in reader for cell in row)
    except csv.Error:
        return False


def fix_decimal(cell: str) -> str:
    """"1,5" -> "1.5" (only cells that are numbers written with a decimal comma)."""
    return cell.replace(",", ".") if DECIMAL_COMMA.match(cell) else cell
