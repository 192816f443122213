"""The canvas drawn into an image off screen (a mixin of the GraphCanvas)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from explorer.scene import styles


class CanvasSnapshot:
    """``render_to_image``: the whole graph, fitted, at a given pixel size."""

    def render_to_image(self, width: int, height: int, transparent: bool = False) -> QImage:
        """The whole graph with its legend as an image of ``width`` x ``height`` pixels."""
        self._flush()
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(0, 0, 0, 0) if transparent else QColor(styles.BACKGROUND))
        old_range = self.vb.viewRect()
        old_follow = self._follow
        old_size = self.view.size()
        resized = not self.isVisible()
        if resized:
            self.view.resize(width, height)
        self.fit_to_view()
        if transparent:
            self.view.setBackground(None)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        try:
            self.view.render(
                painter,
                QRectF(0, 0, width, height),
                self.view.viewport().rect(),
                Qt.AspectRatioMode.KeepAspectRatio,
            )
        finally:
            painter.end()
            if transparent:
                self.view.setBackground(styles.BACKGROUND)
            if resized:
                self.view.resize(old_size)
            self.vb.setRange(old_range, padding=0)
            self._follow = old_follow
            self._update_labels()
        return image
