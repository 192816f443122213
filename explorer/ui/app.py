"""Start the GUI: the QApplication, the first project and the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from explorer.store import ProjectFileError


def ensure_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setOrganizationName("StrategicBalanceExplorer")
        app.setApplicationName("Strategic Balance Explorer")
        app.setApplicationDisplayName("Strategic Balance Explorer")
        from PySide6.QtGui import QIcon

        from explorer.paths import resources_dir

        app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "balance-explorer.svg")))
    return app  # type: ignore[return-value]


def run_gui(path: str | None = None) -> int:
    """Open the window on ``path`` (default: the user's copy of the bundled project)."""
    app = ensure_app()
    from explorer.layout import warm_up_in_background
    from explorer.ui.main_window import MainWindow

    # The layout runs on numpy until numba's kernels are compiled; start-up never waits.
    warm_up_in_background()
    from explorer.scene.label_placement import KERNELS as LABEL_KERNELS

    LABEL_KERNELS.warm_up_in_background()
    from explorer.ui.recovery import offer_recovery

    window = MainWindow()
    try:
        if path is None:
            recovered = offer_recovery(window)
            if recovered is not None:
                window.open_path(recovered)
            else:
                window.open_startup()
        else:
            window.open_path(path, raise_errors=True)
    except ProjectFileError as exc:
        # The CLI prints the message too; the dialog is for users who started from a menu.
        if app.platformName() != "offscreen":
            QMessageBox.critical(None, "Cannot open project", str(exc))
        raise
    window.show()
    return app.exec()
