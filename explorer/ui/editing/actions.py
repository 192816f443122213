"""Create and delete: the Edit menu's actions, their dialogs, the canvas context menu and
the history panel.

Every dialog is a class that validates inline and pushes its command in ``accept()``,
so tests construct, fill and accept them without an event loop; ``run_dialog`` is the
one place that calls ``exec()``. The dialog classes live in :mod:`explorer.ui.editing.dialogs`
and are re-exported here.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QMainWindow,
    QMenu,
    QWidget,
)

from explorer.commands import (
    MoveNodes,
    PutBloc,
)
from explorer.model.node_key import actor_ids
from explorer.ui.editing.bloc_edits import add_bloc_submenus
from explorer.ui.editing.common import (
    channel,
    combo_choice,  # noqa: F401 - re-exported for callers
)
from explorer.ui.editing.deletion import (  # noqa: F401 - re-exported for callers
    confirm_delete,
    delete_nodes,
    deletion_command,
    describe_deletion,
)
from explorer.ui.editing.dialogs import (  # noqa: F401 - re-exported, public names of this module
    DATE_HINT,
    ActorDialog,
    AllianceDialog,
    BlocDialog,
    EditDialog,
    MembershipDialog,
    TieDialog,
    slug,
)
from explorer.ui.editing.history_view import HistoryView
from explorer.ui.session import ProjectSession


def run_dialog(dialog: QDialog) -> bool:
    """Show ``dialog`` modally; True when the user accepted (and the edit was stored)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


# ----- deleting -----------------------------------------------------------------------


# ----- canvas context menu ------------------------------------------------------------


def _is_pinned(session: ProjectSession, node: str) -> bool:
    saved = session.project.positions().get(node)
    return bool(saved and saved[2])


def set_pinned(window, session: ProjectSession, node: str, pinned: bool,
               scene_pos: QPointF | None = None) -> None:
    """Pin or unpin through the canvas when it can, else as a MoveNodes command."""
    canvas = getattr(window, "canvas", None)
    if canvas is not None and hasattr(canvas, "pin"):
        canvas.pin(node, pinned)
        return
    saved = session.project.positions().get(node)
    if saved is not None:
        x, y = saved[0], saved[1]
    elif scene_pos is not None:
        x, y = scene_pos.x(), scene_pos.y()
    else:
        return
    session.push(MoveNodes({node: (x, y, pinned)}, "Pin node" if pinned else "Unpin node"))


def build_canvas_menu(window, session: ProjectSession, node: str | None,
                      scene_pos: QPointF) -> QMenu:
    """The context menu for ``node`` (or empty space at ``scene_pos``); not yet shown."""
    parent = window if isinstance(window, QWidget) else None
    menu = QMenu(parent)
    doc = session.project.document()
    kind, _, key = (node or "").partition(":")
    if kind == "actor" and key in doc.actors:
        menu.addAction("Add to alliance…").triggered.connect(
            lambda: run_dialog(MembershipDialog(session, parent, actor=key)))
        menu.addAction("Add tie…").triggered.connect(
            lambda: run_dialog(TieDialog(session, parent, a=key)))
        add_bloc_submenus(menu, session, key)
    elif kind == "alliance" and key in doc.alliances:
        menu.addAction("Add member…").triggered.connect(
            lambda: run_dialog(MembershipDialog(session, parent, alliance=key)))
    if node and kind in ("actor", "alliance"):
        from explorer.ui.whatif.panel import whatif_menu_actions

        whatif = whatif_menu_actions(session, node)
        if whatif:
            submenu = menu.addMenu("What if…")
            for text, run in whatif:
                submenu.addAction(text).triggered.connect(lambda _=False, f=run: f())
        pinned = _is_pinned(session, node)
        menu.addAction("Unpin" if pinned else "Pin").triggered.connect(
            lambda: set_pinned(window, session, node, not pinned, scene_pos))
        menu.addSeparator()
        menu.addAction("Delete…").triggered.connect(
            lambda: confirm_delete(parent, session, [node]))
    if not node:
        xy = (scene_pos.x(), scene_pos.y())
        menu.addAction("New actor here…").triggered.connect(
            lambda: run_dialog(ActorDialog(session, parent, position=xy)))
        menu.addAction("New alliance here…").triggered.connect(
            lambda: run_dialog(AllianceDialog(session, parent, position=xy)))
    return menu


def link_dialog(session: ProjectSession, parent, source: str, target: str):
    """The dialog a link drag opens: membership for actor–alliance, tie for actor–actor.

    Returns None for two alliances, which have no direct relation in the model.
    """
    kinds = {source.partition(":")[0], target.partition(":")[0]}
    ids = {k.partition(":")[0]: k.partition(":")[2] for k in (source, target)}
    widget = parent if isinstance(parent, QWidget) else None
    if kinds == {"actor", "alliance"}:
        return MembershipDialog(session, widget, actor=ids["actor"], alliance=ids["alliance"])
    if kinds == {"actor"}:
        return TieDialog(session, widget, a=source.partition(":")[2], b=target.partition(":")[2])
    return None


def show_canvas_menu(window, session: ProjectSession, node: str | None,
                     scene_pos: QPointF, global_pos) -> None:
    """Slot for the canvas's ``contextMenuRequested(node_or_None, scene_pos, global_pos)``."""
    if node and node not in session.selection:
        session.select([node])
    menu = build_canvas_menu(window, session, node, scene_pos)
    menu.exec(global_pos)
    menu.deleteLater()


# ----- history ------------------------------------------------------------------------


class EditActions:
    """The actions and the history dock installed in a window for one session."""

    def __init__(self, window: QMainWindow, session: ProjectSession) -> None:
        self.window = window
        self.session = session
        self.actions: dict[str, QAction] = {}

        def act(name: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
            action = QAction(text, window)
            action.setObjectName(f"act_{name}")
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            if tip:
                action.setStatusTip(tip)
            action.triggered.connect(lambda *_: self._guarded(slot))
            self.actions[name] = action
            return action

        act("new_actor", "New &Actor…", self.new_actor, "Ctrl+Shift+A",
            "Add a state, armed group or other body")
        act("new_alliance", "New A&lliance…", self.new_alliance, "Ctrl+Shift+L",
            "Add a treaty, organisation, partnership or alignment")
        act("add_membership", "Add &Membership…", self.add_membership, "Ctrl+Shift+M",
            "Add an actor to an alliance")
        act("new_tie", "New &Tie…", self.new_tie, "Ctrl+Shift+T",
            "A direct partnership or rivalry between two actors")
        act("new_bloc", "New &Bloc…", self.new_bloc, None,
            "A user-defined side, e.g. Western-aligned")
        act("delete", "&Delete Selected", self.delete_selected, QKeySequence.StandardKey.Delete,
            "Delete the selected actors and alliances (asks first)")
        self.actions["delete"].setEnabled(bool(session.selection))
        session.selectionChanged.connect(self._selection_changed)

        self.history = HistoryView(session)
        self.history_dock = QDockWidget("History", window)
        self.history_dock.setObjectName("dock_history")
        self.history_dock.setWidget(self.history)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        history_action = self.history_dock.toggleViewAction()
        history_action.setText("&History")
        history_action.setObjectName("act_history")
        self.actions["history"] = history_action

        self._added: list[tuple[QWidget, QAction]] = []
        menu = getattr(window, "edit_menu", None)
        if menu is not None:
            self._added.append((menu, menu.addSeparator()))
            for name in ("new_actor", "new_alliance", "add_membership", "new_tie", "new_bloc"):
                self._add(menu, self.actions[name])
            self._added.append((menu, menu.addSeparator()))
            self._add(menu, self.actions["delete"])
            self._add(menu, self.actions["history"])
        toolbar = getattr(window, "toolbar", None)
        if toolbar is not None:
            self._added.append((toolbar, toolbar.addSeparator()))
            for name in ("new_actor", "new_alliance", "add_membership", "delete"):
                self._add(toolbar, self.actions[name])
        canvas = getattr(window, "canvas", None)
        self._canvas_signal = getattr(canvas, "contextMenuRequested", None)
        if self._canvas_signal is not None:
            self._canvas_signal.connect(self.show_canvas_menu)
        self._link_signal = getattr(canvas, "linkRequested", None)
        if self._link_signal is not None:
            self._link_signal.connect(self.link_nodes)

    def _add(self, container: QWidget, action: QAction) -> None:
        container.addAction(action)
        self._added.append((container, action))

    def _guarded(self, slot) -> None:
        if getattr(self.window, "session", self.session) is self.session:
            slot()

    def _selection_changed(self, nodes: list) -> None:
        self.actions["delete"].setEnabled(bool(nodes))

    # ----- slots ----------------------------------------------------------------------

    def _selected(self, kind: str) -> str | None:
        prefix = f"{kind}:"
        return next((n[len(prefix):] for n in self.session.selection if n.startswith(prefix)),
                    None)

    def new_actor(self) -> bool:
        return run_dialog(ActorDialog(self.session, self.window))

    def new_alliance(self) -> bool:
        return run_dialog(AllianceDialog(self.session, self.window))

    def add_membership(self) -> bool:
        return run_dialog(MembershipDialog(self.session, self.window,
                                           actor=self._selected("actor"),
                                           alliance=self._selected("alliance")))

    def new_tie(self) -> bool:
        actors = actor_ids(self.session.selection)
        return run_dialog(TieDialog(self.session, self.window,
                                    a=actors[0] if actors else None,
                                    b=actors[1] if len(actors) > 1 else None))

    def link_nodes(self, source: str, target: str) -> bool:
        """Slot for the canvas's link drag: add a membership or a tie between the two."""
        dialog = link_dialog(self.session, self.window, source, target)
        if dialog is None:
            bar = getattr(self.window, "statusBar", None)
            if callable(bar):
                bar().showMessage("Two alliances cannot be linked directly.", 5000)
            return False
        return run_dialog(dialog)

    def new_bloc(self) -> bool:
        """Ask for a new bloc (the selected actors ticked); show it in the inspector."""
        members = actor_ids(self.session.selection)
        dialog = BlocDialog(self.session, self.window, members=members)
        if not run_dialog(dialog):
            return False
        # a bloc is no node: nothing on the canvas would show it was made, the inspector does
        if isinstance(dialog.pushed, PutBloc):
            channel(self.session).recordChosen.emit("bloc", dialog.pushed.bloc.id)
        return True

    def delete_selected(self) -> bool:
        return confirm_delete(self.window, self.session)

    def show_canvas_menu(self, node, scene_pos, global_pos) -> None:
        if getattr(self.window, "session", self.session) is self.session:
            show_canvas_menu(self.window, self.session, node, scene_pos, global_pos)

    # ----- teardown -------------------------------------------------------------------

    def remove(self) -> None:
        """Take every action and the history dock out of the window."""
        for container, action in self._added:
            container.removeAction(action)
        self._added = []
        if self._canvas_signal is not None:
            try:
                self._canvas_signal.disconnect(self.show_canvas_menu)
            except (RuntimeError, TypeError):
                pass
            self._canvas_signal = None
        if self._link_signal is not None:
            try:
                self._link_signal.disconnect(self.link_nodes)
            except (RuntimeError, TypeError):
                pass
            self._link_signal = None
        try:
            self.session.selectionChanged.disconnect(self._selection_changed)
            self.session.historyChanged.disconnect(self.history.refresh)
        except (RuntimeError, TypeError):
            pass
        self.window.removeDockWidget(self.history_dock)
        self.history_dock.deleteLater()
        for name, action in self.actions.items():
            if name != "history":
                action.deleteLater()
        if getattr(self.window, "_edit_actions", None) is self:
            self.window._edit_actions = None


def install_edit_actions(window: QMainWindow, session: ProjectSession) -> EditActions:
    """Add the create/delete actions, the history dock and the canvas menu to ``window``.

    Idempotent per session: a second call for the same session returns the installed
    actions; a call for another session first removes the previous session's.
    """
    current = getattr(window, "_edit_actions", None)
    if current is not None:
        if current.session is session:
            return current
        current.remove()
    installed = EditActions(window, session)
    window._edit_actions = installed
    return installed
