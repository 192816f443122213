"""View ▸ Colour Nodes By and Size Actors By (a mixin of the main window): the fixed modes,
and a submenu of the imported graph's own attributes."""

from __future__ import annotations

from PySide6.QtGui import QAction

from explorer.scene import styles
from explorer.scene.color_modes import ATTRIBUTE_PREFIX
from explorer.scene.color_modes import REGISTRY as COLOR_MODES
from explorer.scene.view_state import ViewState


class ViewModeMenus:
    """Builds the two menus and applies the choices to the canvas and the project."""

    def _build_view_mode_menus(self) -> None:
        self.color_menu = self.view_menu.addMenu("&Colour Nodes By")
        self._color_actions: dict[str, QAction] = {}
        for mode, coloring in COLOR_MODES.items():
            action = self.color_menu.addAction(coloring.menu_label)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, m=mode: self.set_color_by(m))
            self._color_actions[mode] = action
        self.attribute_menu = self.color_menu.addMenu("Imported &Attribute")
        self.attribute_menu.aboutToShow.connect(self._fill_attribute_menu)
        self.size_menu = self.view_menu.addMenu("&Size Actors By")
        self._size_actions: dict[str, QAction] = {}
        for mode in styles.SIZE_MODES:
            text = styles.SIZE_LABELS[mode]
            action = self.size_menu.addAction(text[:1].upper() + text[1:])
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, m=mode: self.set_size_by(m))
            self._size_actions[mode] = action

    def set_color_by(self, mode: str) -> None:
        """Colour nodes by bloc, region, alliance or kind; saved with the project."""
        if mode not in self._color_actions and not mode.startswith(ATTRIBUTE_PREFIX):
            mode = "bloc"
        for name, action in self._color_actions.items():
            action.setChecked(name == mode)
        if self.canvas is not None and self.session is not None:
            self.canvas.set_color_by(mode)
            ViewState(color_by=mode).save(self.session.project, "color_by")

    def _fill_attribute_menu(self) -> None:
        """One entry per attribute the imported graph's actors carry."""
        self.attribute_menu.clear()
        names = (self.session.project.document().extras.attribute_names("actor")
                 if self.session is not None else [])
        current = self.canvas.color_by if self.canvas is not None else ""
        for name in names:
            action = self.attribute_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(current == ATTRIBUTE_PREFIX + name)
            action.setStatusTip(f"Colour the actors by the imported attribute {name}")
            action.triggered.connect(
                lambda _=False, m=ATTRIBUTE_PREFIX + name: self.set_color_by(m))
        if not names:
            self.attribute_menu.addAction("(no imported attributes)").setEnabled(False)

    def set_size_by(self, mode: str) -> None:
        """Size actors by capability, one figure or links; saved with the project."""
        if mode not in self._size_actions:
            mode = "capability"
        for name, action in self._size_actions.items():
            action.setChecked(name == mode)
        if self.canvas is not None and self.session is not None:
            self.canvas.set_size_by(mode)
            ViewState(size_by=mode).save(self.session.project, "size_by")
