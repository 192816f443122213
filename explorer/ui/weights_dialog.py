"""View ▸ Capability Index Weights: how much each component counts in the index the
canvas sizes by and the What-if compares (saved with the project)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.analysis.capability import DEFAULT_WEIGHTS, check_weights
from explorer.model.vocab import INDEX_METRICS, METRIC_LABELS


class WeightsDialog(QDialog):
    """One spin box per index metric; at least one weight must be above 0."""

    def __init__(self, weights: dict | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Capability Index Weights")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "The capability index is the weighted mean of an actor's shares of each "
            "component's total in view, over the components it has figures for "
            "(CINC-style). 0 leaves a component out. Defaults: military expenditure, "
            "population, urban population and energy use, 1 each."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.boxes: dict[str, QDoubleSpinBox] = {}
        current = check_weights(weights)
        for metric in INDEX_METRICS:
            box = QDoubleSpinBox(self)
            box.setRange(0.0, 10.0)
            box.setSingleStep(0.5)
            box.setDecimals(2)
            box.setValue(current[metric])
            box.valueChanged.connect(self._check)
            form.addRow(METRIC_LABELS.get(metric, metric), box)
            self.boxes[metric] = box
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        defaults = QPushButton("Defaults", self)
        defaults.clicked.connect(self.reset)
        self.buttons.addButton(defaults, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._check()

    def weights(self) -> dict[str, float]:
        """The weights as chosen."""
        return {m: box.value() for m, box in self.boxes.items()}

    def reset(self) -> None:
        for metric, box in self.boxes.items():
            box.setValue(DEFAULT_WEIGHTS[metric])

    def _check(self) -> None:
        ok = any(v > 0 for v in self.weights().values())
        self.error.setText("" if ok else "At least one component needs a weight above 0.")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
