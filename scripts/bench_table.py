"""Rebuild the README's benchmark table from the log of one ``bash scripts/bench`` run.

    python scripts/bench_table.py tests/benchmarks/last_run.txt [README.md]

Every ``RESULT`` line the benchmarks printed (tests/benchmarks/results.py) becomes a row;
the table between the README's ``bench-table`` markers is replaced, nothing else.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

START = "<!-- bench-table:start -->"
END = "<!-- bench-table:end -->"


def rows(log: str) -> list[list[str]]:
    out = []
    for line in log.splitlines():
        if line.startswith("RESULT\t"):
            cells = line.split("\t")[1:]
            out.append((cells + [""] * 6)[:6])
    return out


def table(log: str) -> str:
    head = re.search(r"^bench run: (.*)$", log, re.MULTILINE)
    lines = [f"Measured in one run of `bash scripts/bench` ({head.group(1) if head else 'date unknown'}); "
             "the log is `tests/benchmarks/last_run.txt`.", "",
             "| what | ours | peer | ours / peer | target | |",
             "|---|---|---|---|---|---|"]
    for cells in rows(log):
        lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    log = Path(argv[0]).read_text(encoding="utf-8")
    readme = Path(argv[1] if len(argv) > 1 else "README.md")
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text:
        print(f"{readme}: no {START} … {END} markers", file=sys.stderr)
        return 1
    if not rows(log):
        print(f"{argv[0]}: no RESULT lines; README left as it was", file=sys.stderr)
        return 1
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    readme.write_text(before + START + "\n" + table(log) + "\n" + END + after, encoding="utf-8")
    print(f"{readme}: {len(rows(log))} rows from {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
