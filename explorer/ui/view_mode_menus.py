"""View ▸ Layout, Colour Nodes By and Size Actors By (a mixin of the main window): force
or map layout with the map's options, the fixed modes, and a submenu of the imported
graph's own attributes."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from explorer.scene import styles
from explorer.scene.color_modes import ATTRIBUTE_PREFIX
from explorer.scene.color_modes import REGISTRY as COLOR_MODES
from explorer.scene.view_state import ViewState


class ViewModeMenus:
    """Builds the two menus and applies the choices to the canvas and the project."""

    def _build_view_mode_menus(self) -> None:
        self._build_layout_menu()
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

    def _build_layout_menu(self) -> None:
        self.layout_menu = self.view_menu.addMenu("La&yout")
        group = QActionGroup(self)
        self._layout_actions: dict[str, QAction] = {}
        for kind, text, keys, tip in (
            ("force", "&Force", "Ctrl+Shift+F", "Force-directed layout: allies drawn together"),
            ("map", "&Map", "Ctrl+Shift+G", "World map: states at their capitals, hubs at"
             " their members' centre"),
        ):
            action = self.layout_menu.addAction(text)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(keys))
            action.setStatusTip(tip)
            action.triggered.connect(lambda _=False, k=kind: self.set_layout_kind(k))
            group.addAction(action)
            self._layout_actions[kind] = action
        self._layout_actions["force"].setChecked(True)
        self.layout_menu.addSeparator()
        self.fill_menu = self.layout_menu.addMenu("Fill &Countries")
        fills = QActionGroup(self)
        self._fill_actions: dict[str, QAction] = {}
        for mode, text, tip in (
            ("node", "In the &Node Colour", "Each state filled in its node's colour (bloc, "
             "principal alliance, region …)"),
            ("figure", "By What Size &Shows (Choropleth)", "Each state shaded by the value its"
             " node's size shows (capability index, a figure, links), in fifths"),
            ("none", "&Not at All", "Plain land: only the nodes carry colour"),
        ):
            action = self.fill_menu.addAction(text)
            action.setCheckable(True)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _=False, m=mode: self._on_map_fill(m))
            fills.addAction(action)
            self._fill_actions[mode] = action
        self._fill_actions["node"].setChecked(True)
        self.act_map_fill = self.fill_menu.menuAction()
        self.act_map_unlock = self.layout_menu.addAction("&Unlock Map Positions")
        self.act_map_unlock.setCheckable(True)
        self.act_map_unlock.setStatusTip(
            "Let dragging move nodes on the map (their places are geography otherwise)")
        self.act_map_unlock.toggled.connect(
            lambda on: self.canvas.set_map_unlocked(on) if self.canvas is not None else None)
        self.act_map_reset = self.layout_menu.addAction("&Reset Moved Places")
        self.act_map_reset.setStatusTip("Put nodes moved by hand on the map back at their place")
        self.act_map_reset.triggered.connect(
            lambda: self.canvas.reset_map_moves() if self.canvas is not None else None)

    def set_layout_kind(self, kind: str, animate: bool = True) -> None:
        """Show the force layout or the map (animated); saved with the project."""
        if kind not in self._layout_actions:
            kind = "force"
        for name, action in self._layout_actions.items():
            action.setChecked(name == kind)
        on_map = kind == "map"
        for action in (self.act_map_fill, self.act_map_unlock, self.act_map_reset):
            action.setEnabled(on_map)
        if self.canvas is not None:
            self.canvas.set_layout_kind(kind, animate=animate)
            self.act_layout.setEnabled(not on_map)

    def _on_map_fill(self, mode: str) -> None:
        for name, action in self._fill_actions.items():
            action.setChecked(name == mode)
        if self.canvas is not None:
            self.canvas.set_map_fill(mode)

    def _sync_layout_menu(self) -> None:
        """Show the opened project's saved layout and fill in the menu."""
        if self.canvas is None:
            return
        kind = self.canvas.layout_kind
        for name, action in self._layout_actions.items():
            action.setChecked(name == kind)
        for action in (self.act_map_fill, self.act_map_unlock, self.act_map_reset):
            action.setEnabled(kind == "map")
        for name, action in self._fill_actions.items():
            action.setChecked(name == self.canvas.map_fill)
        self.act_map_unlock.setChecked(False)
        self.act_layout.setEnabled(kind != "map")

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
