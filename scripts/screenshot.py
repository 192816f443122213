"""Regenerate the README's screenshot (resources/screenshot.png) from the current code.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot.py [-o PATH]

The window opens a throw-away project built from the bundled dataset, with the what-if
scenario "Türkiye leaves NATO" drawn over the baseline, lets the layout settle, and
saves what the window shows at 1600 x 1000.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default=str(ROOT / "resources" / "screenshot.png"))
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from explorer.commands import PutScenario
    from explorer.dataset import load_dataset
    from explorer.model.entities import Change, Scenario
    from explorer.store import Project
    from explorer.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="sbx-shot-") as tmp:
        path = Path(tmp) / "World alliances.sbx"
        Project.create(path, load_dataset()).close()
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.resize(1600, 1000)
        window.open_path(path)
        window.show()
        session = window.session
        name = "Türkiye leaves NATO"
        session.push(PutScenario(Scenario(name, (Change("remove_membership", "TUR", "nato"),))))
        session.set_scenario(name, "split")
        canvas = window.canvas
        canvas.pause_layout()
        canvas.step_layout(800)
        canvas.fit_to_view()
        for _ in range(200):  # the comparison is computed off the main thread
            app.processEvents()
            window.thread().msleep(10)
        window.grab().save(args.output)
        print(f"saved {args.output}")
        window.close_project()
    return 0


if __name__ == "__main__":
    sys.exit(main())
