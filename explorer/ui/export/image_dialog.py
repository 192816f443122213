"""The Export Image options dialog: format, size, background, region, side by side.

Testable without ``exec()``: fill the widgets (or call :meth:`set_options`), then read
:meth:`ImageExportDialog.options`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

FORMAT_LABELS = (("png", "PNG image"), ("svg", "SVG drawing"), ("pdf", "PDF document"))


@dataclass(frozen=True)
class ExportOptions:
    format: str = "png"
    size_mode: str = "width"  # "width" (pixels) or "dpi" (PNG only)
    width: int = 2400
    dpi: int = 300
    transparent: bool = False
    region: str = "whole"  # or "view"
    side_by_side: bool = False


class ImageExportDialog(QDialog):
    """Options of an image export. ``has_scenario`` enables "side by side"."""

    SETTINGS_PREFIX = "image_export/"

    def __init__(self, parent: QWidget | None = None, has_scenario: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Image")
        self.format_combo = QComboBox()
        for key, text in FORMAT_LABELS:
            self.format_combo.addItem(text, key)

        self.by_width = QRadioButton("Width")
        self.by_dpi = QRadioButton("Resolution")
        self.by_width.setChecked(True)
        self._size_group = QButtonGroup(self)
        self._size_group.addButton(self.by_width)
        self._size_group.addButton(self.by_dpi)
        self.width_spin = QSpinBox()
        self.width_spin.setRange(200, 20000)
        self.width_spin.setSingleStep(100)
        self.width_spin.setSuffix(" px")
        self.width_spin.setValue(2400)
        self.dpi_spin = QSpinBox()
        self.dpi_spin.setRange(10, 2400)
        self.dpi_spin.setSingleStep(50)
        self.dpi_spin.setSuffix(" dpi")
        self.dpi_spin.setValue(300)
        self.dpi_note = QLabel("12.5 in wide")
        size_row = QWidget()
        row = QHBoxLayout(size_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.by_width)
        row.addWidget(self.width_spin)
        row.addSpacing(12)
        row.addWidget(self.by_dpi)
        row.addWidget(self.dpi_spin)
        row.addWidget(self.dpi_note)
        row.addStretch(1)

        self.transparent_check = QCheckBox("Transparent background")
        self.whole_radio = QRadioButton("Whole graph")
        self.view_radio = QRadioButton("Current view")
        self.whole_radio.setChecked(True)
        self._region_group = QButtonGroup(self)
        self._region_group.addButton(self.whole_radio)
        self._region_group.addButton(self.view_radio)
        region_row = QWidget()
        rrow = QHBoxLayout(region_row)
        rrow.setContentsMargins(0, 0, 0, 0)
        rrow.addWidget(self.whole_radio)
        rrow.addWidget(self.view_radio)
        rrow.addStretch(1)
        self.side_by_side_check = QCheckBox("Side by side with the baseline")
        self.side_by_side_check.setEnabled(has_scenario)
        if not has_scenario:
            self.side_by_side_check.setToolTip("Choose a what-if scenario first.")

        form = QFormLayout()
        form.addRow("Format:", self.format_combo)
        form.addRow("Size:", size_row)
        form.addRow("Show:", region_row)
        form.addRow("", self.transparent_check)
        form.addRow("", self.side_by_side_check)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        for signal in (self.format_combo.currentIndexChanged, self.by_width.toggled,
                       self.side_by_side_check.toggled, self.dpi_spin.valueChanged):
            signal.connect(self._update)
        self._update()

    def _update(self, *args) -> None:
        fmt = self.format_combo.currentData()
        png = fmt == "png"
        self.by_dpi.setEnabled(png)
        if not png and self.by_dpi.isChecked():
            self.by_width.setChecked(True)
        by_dpi = self.by_dpi.isChecked()
        self.width_spin.setEnabled(not by_dpi)
        self.dpi_spin.setEnabled(by_dpi)
        self.dpi_note.setEnabled(by_dpi)
        self.transparent_check.setEnabled(fmt != "pdf")
        side = self.side_by_side_check.isChecked() and self.side_by_side_check.isEnabled()
        self.whole_radio.setEnabled(not side)
        self.view_radio.setEnabled(not side)
        inches = 25.0 if side else 12.5
        self.dpi_note.setText(f"{inches:g} in wide ({round(inches * self.dpi_spin.value())} px)")

    def options(self) -> ExportOptions:
        fmt = self.format_combo.currentData()
        side = self.side_by_side_check.isChecked() and self.side_by_side_check.isEnabled()
        return ExportOptions(
            format=fmt,
            size_mode="dpi" if (self.by_dpi.isChecked() and fmt == "png") else "width",
            width=self.width_spin.value(),
            dpi=self.dpi_spin.value(),
            transparent=self.transparent_check.isChecked() and fmt != "pdf",
            region="whole" if side or self.whole_radio.isChecked() else "view",
            side_by_side=side,
        )

    def set_options(self, options: ExportOptions) -> None:
        i = self.format_combo.findData(options.format)
        self.format_combo.setCurrentIndex(max(i, 0))
        self.width_spin.setValue(int(options.width))
        self.dpi_spin.setValue(int(options.dpi))
        (self.by_dpi if options.size_mode == "dpi" else self.by_width).setChecked(True)
        self.transparent_check.setChecked(bool(options.transparent))
        (self.view_radio if options.region == "view" else self.whole_radio).setChecked(True)
        self.side_by_side_check.setChecked(bool(options.side_by_side))
        self._update()

    # ----- remembered between exports ---------------------------------------------------

    def load(self, settings) -> None:
        if settings is None:
            return
        p = self.SETTINGS_PREFIX
        defaults = ExportOptions()
        try:
            self.set_options(ExportOptions(
                format=str(settings.value(p + "format", defaults.format)),
                size_mode=str(settings.value(p + "size_mode", defaults.size_mode)),
                width=int(settings.value(p + "width", defaults.width)),
                dpi=int(settings.value(p + "dpi", defaults.dpi)),
                transparent=str(settings.value(p + "transparent", False)).lower() == "true",
                region=str(settings.value(p + "region", defaults.region)),
                side_by_side=False,
            ))
        except (TypeError, ValueError):
            self.set_options(defaults)

    def save(self, settings) -> None:
        if settings is None:
            return
        o = self.options()
        p = self.SETTINGS_PREFIX
        settings.setValue(p + "format", o.format)
        settings.setValue(p + "size_mode", o.size_mode)
        settings.setValue(p + "width", o.width)
        settings.setValue(p + "dpi", o.dpi)
        settings.setValue(p + "transparent", o.transparent)
        settings.setValue(p + "region", o.region)
