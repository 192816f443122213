"""Save the comparison's tables as one CSV file: a title row for each table, its header
and its rows, a blank line between tables — what a spreadsheet opens as it is."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableWidget, QWidget

from explorer.store.atomic import atomic_text


def table_rows(table: QTableWidget) -> list[list[str]]:
    """The header and every row of ``table`` as text."""
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    rows = [headers]
    for r in range(table.rowCount()):
        rows.append([(table.item(r, c).text() if table.item(r, c) else "")
                     for c in range(table.columnCount())])
    return rows


def write_tables_csv(path: str | Path, title: str,
                     sections: list[tuple[str, QTableWidget]]) -> Path:
    """Write ``sections`` (title, table) under a first line ``title``, atomically."""
    with atomic_text(path, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([title])
        for name, table in sections:
            writer.writerow([])
            writer.writerow([name])
            writer.writerows(table_rows(table))
    return Path(path)


def save_tables_dialog(parent: QWidget, title: str, stem: str,
                       sections: list[tuple[str, QTableWidget]], start: Path) -> Path | None:
    """Ask for a file name and write the tables there; a message box on failure."""
    safe = "".join(c if c.isalnum() or c in " -_()" else "_" for c in stem).strip() or "comparison"
    name, _ = QFileDialog.getSaveFileName(parent, "Save Comparison Tables",
                                          str(start / f"{safe}.csv"), "CSV file (*.csv)")
    if not name:
        return None
    path = Path(name if name.lower().endswith(".csv") else name + ".csv")
    try:
        return write_tables_csv(path, title, sections)
    except OSError as exc:
        QMessageBox.warning(parent, "Save Comparison Tables", f"Not saved.\n\n{exc}")
        return None
