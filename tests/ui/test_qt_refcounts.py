"""Guards against Qt bindings that corrupt the reference counts of Python singletons.

PySide6 6.12.0 drops a reference to ``True`` on every signal emit and one to ``None`` on
every Python paint override Qt calls; the canvas does both every frame and the process
aborts. Each check runs in a child process, because a failing binding kills its process.
"""

import subprocess
import sys
import textwrap

EMIT = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Emitter(QObject):
    fired = Signal()
emitter = Emitter()
before = sys.getrefcount(True)
for _ in range(200):
    emitter.fired.emit()
print(sys.getrefcount(True) - before)
"""

PAINT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene
app = QApplication([])
class Box(QGraphicsRectItem):
    def paint(self, painter, option, widget=None):
        super().paint(painter, option, widget)
scene = QGraphicsScene()
scene.addItem(Box(0, 0, 10, 10))
image = QImage(50, 50, QImage.Format.Format_ARGB32)
before = sys.getrefcount(None)
for _ in range(200):
    painter = QPainter(image)
    scene.render(painter)
    painter.end()
print(sys.getrefcount(None) - before)
"""


def _delta(script: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, f"the Qt bindings crashed the process:\n{done.stderr[-800:]}"
    return int(done.stdout.strip().splitlines()[-1])


def test_signal_emit_keeps_the_reference_count_of_true() -> None:
    assert _delta(EMIT) >= 0


def test_python_paint_override_keeps_the_reference_count_of_none() -> None:
    assert _delta(PAINT) >= -5
