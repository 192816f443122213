"""The inspector's forms: one per kind of record, every field editable.

A field commits on its own when editing finishes (Return, leaving the field, choosing
in a combo, ticking a box) as one command, ``PutActor(replace(actor, name=...))``.
A refused edit leaves the user's text in place and shows the model's reason in red
under the field that it names.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.commands import (
    Command,
    DeleteMembership,
    DeleteTie,
    Macro,
    PutActor,
    PutAlliance,
    PutMembership,
    PutTie,
)
from explorer.model.entities import Document
from explorer.model.node_key import alliance_key
from explorer.model.validation import (
    validate_actor,
    validate_alliance,
    validate_membership,
    validate_tie,
)
from explorer.model.vocab import ACTOR_KINDS, ALLIANCE_KINDS, METRICS, OBLIGATIONS, ROLES, label
from explorer.ui.data.record_proxy import RecordProxyModel
from explorer.ui.data.table_models import SIGNED_TIP, SIGNS, MembershipsModel
from explorer.ui.editing.common import (
    CAPABILITY_FIELD,
    actor_text,
    alliance_text,
    channel,
    push_with_reason,
    set_line_text,
)
from explorer.ui.inspector.entity_form import DATE_HINT, EntityForm  # noqa: F401 - public here
from explorer.ui.inspector.widgets import CapabilityTable, RegionTree

# ----- actors -------------------------------------------------------------------------


class ActorForm(EntityForm):
    table = "actors"

    def build(self) -> None:
        self.add_line("id", "ID", readonly=True)
        self.add_line("name", "Name")
        aliases = QLineEdit(self)
        aliases.setObjectName("field_aliases")
        aliases.setPlaceholderText("other names, separated by semicolons")
        aliases.editingFinished.connect(lambda: self.commit("aliases", aliases=tuple(
            p.strip() for p in aliases.text().split(";") if p.strip())))
        self.form.add("aliases", "Aliases", aliases)
        self.add_loader(lambda a, doc: set_line_text(aliases, "; ".join(a.aliases)))
        self.add_choice("kind", "Kind", [(k, label(k)) for k in ACTOR_KINDS])
        from explorer.ui.inspector.profile import ActorProfile

        self.profile = ActorProfile(self.session, self)
        self.form.add("profile", "In", self.profile)
        self.regions = RegionTree(self)
        self.regions.setObjectName("field_regions")
        self.regions.edited.connect(
            lambda: self.commit("regions", regions=self.regions.checked())
        )
        self.form.add("regions", "Regions", self.regions)
        self.figures = CapabilityTable(self)
        self.figures.setObjectName("field_capabilities")
        self.figures.edited.connect(
            lambda: self.commit_from(CAPABILITY_FIELD, "capabilities", self.figures.figures)
        )
        self.form.add(CAPABILITY_FIELD, "Figures", self.figures)
        self.add_notes("notes", "Notes")
        self.add_line("source", "Source", placeholder="source id or citation")
        self._regions_shown: dict | None = None

        def load(actor, doc: Document) -> None:
            self.regions.set_regions(doc.regions)
            self._regions_shown = doc.regions
            self.regions.set_checked(actor.regions)
            self.figures.set_figures(actor.capabilities)
            self.profile.show_actor(actor.id)

        self.add_loader(load)

    def lookup(self, doc: Document, key):
        return doc.actors.get(key)

    def command(self, record, text: str | None = None) -> Command:
        return PutActor(record, text)

    def validate(self, record, doc: Document) -> None:
        validate_actor(record, doc)

    def title(self, doc: Document) -> str:
        return f"Actor · {actor_text(doc, self.key)}"

    def field_for(self, error_field: str | None) -> str | None:
        if error_field in METRICS or error_field == "metric":
            return CAPABILITY_FIELD
        return super().field_for(error_field)

    def show_error(self, field: str | None, message: str, model_field: str | None) -> None:
        super().show_error(field, message, model_field)
        if model_field in METRICS:
            self.figures.mark_row(self.figures.row_of(model_field))

    def _context_changed(self, doc: Document) -> bool:
        return doc.regions != self._regions_shown


# ----- alliances ----------------------------------------------------------------------


class AllianceForm(EntityForm):
    table = "alliances"

    def build(self) -> None:
        self.add_line("id", "ID", readonly=True)
        self.add_line("name", "Name")
        self.add_line("short_name", "Short name", placeholder="what the canvas shows")
        self.add_choice("kind", "Kind", [(k, label(k)) for k in ALLIANCE_KINDS])
        self.add_choice("obligation", "Obligation", [(k, label(k)) for k in OBLIGATIONS])
        self.add_check("formal", "Formal treaty")
        self.add_line("signed", "Signed", date=True, tip=SIGNED_TIP)
        self.add_line("founded", "Founded", date=True)
        self.add_line("ended", "Ended", date=True)
        self.add_line("source", "Source", placeholder="source id or citation")
        self.add_notes("notes", "Notes")
        self._build_members()

    def _build_members(self) -> None:
        from explorer.ui.data.tables import make_table_view

        self.members_model = MembershipsModel(self.session, self, alliance="")
        self.members_proxy = RecordProxyModel(self.members_model, self)
        self.members_view = make_table_view(self.members_proxy, self)
        self.members_view.setObjectName("alliance_members")
        titles = [column.title for column in self.members_model.columns]
        # The alliance is the form's own; source and notes are edited on the membership.
        for hidden in ("Alliance", "Source", "Notes"):
            self.members_view.setColumnHidden(titles.index(hidden), True)
        self.members_view.setMinimumHeight(160)
        header = self.members_view.horizontalHeader()
        header.setSectionResizeMode(titles.index("Actor"), QHeaderView.ResizeMode.Stretch)
        for title in ("Role", "Signed", "Joined", "Left"):
            header.setSectionResizeMode(titles.index(title),
                                        QHeaderView.ResizeMode.ResizeToContents)
        self.members_view.horizontalScrollBar().setEnabled(True)
        header.setStretchLastSection(False)
        self.members_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.members_view.doubleClicked.connect(self._double_clicked)
        self.members_model.editRefused.connect(
            lambda reason, *_: self.form.show_error("members", f"Not changed: {reason}")
        )
        self.members_model.refreshed.connect(lambda: self.form.clear_error("members"))

        self.add_member_button = QPushButton("Add member…", self)
        self.edit_member_button = QPushButton("Open membership", self)
        self.remove_member_button = QPushButton("Remove", self)
        self.add_member_button.clicked.connect(self._add_member)
        self.edit_member_button.clicked.connect(self._open_member)
        self.remove_member_button.clicked.connect(self.remove_selected_members)
        buttons = QHBoxLayout()
        for button in (self.add_member_button, self.edit_member_button,
                       self.remove_member_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QWidget(self)
        box.error_target = self.members_view
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.members_view)
        column.addLayout(buttons)
        self.form.add("members", "Members", box)
        self.add_loader(lambda alliance, doc: self.members_model.set_alliance(alliance.id))

    def lookup(self, doc: Document, key):
        return doc.alliances.get(key)

    def command(self, record, text: str | None = None) -> Command:
        return PutAlliance(record, text)

    def validate(self, record, doc: Document) -> None:
        validate_alliance(record, doc)

    def title(self, doc: Document) -> str:
        alliance = doc.alliances.get(self.key)
        return f"Alliance · {alliance.name if alliance else self.key}"

    # ----- members --------------------------------------------------------------------

    def selected_memberships(self) -> list[int]:
        rows = self.members_view.selectionModel().selectedRows()
        return [
            self.members_model.key_at(self.members_proxy.mapToSource(i).row()) for i in rows
        ]

    def remove_selected_members(self) -> bool:
        ids = self.selected_memberships()
        if not ids:
            return False
        if len(ids) == 1:
            command: Command = DeleteMembership(ids[0])
            doc = self.session.project.document()
            m = doc.memberships[ids[0]]
            command.text = f"Remove {actor_text(doc, m.actor)} from {alliance_text(doc, m.alliance)}"
        else:
            command = Macro(f"Remove {len(ids)} members", [DeleteMembership(i) for i in ids])
        reason = push_with_reason(self.session, command)
        if reason:
            self.form.show_error("members", reason)
        return reason is None

    def _add_member(self) -> None:
        from explorer.ui.editing.actions import MembershipDialog, run_dialog

        run_dialog(MembershipDialog(self.session, self.window(), alliance=self.key))

    def _open_member(self) -> None:
        ids = self.selected_memberships()
        if ids:
            channel(self.session).recordChosen.emit("membership", ids[0])

    def _double_clicked(self, index) -> None:
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            self._open_member()


# ----- memberships and ties -----------------------------------------------------------


class MembershipForm(EntityForm):
    table = "memberships"

    def build(self) -> None:
        self.actor_field = self.add_line("actor_name", "Actor", attr="actor", readonly=True)
        self.alliance_field = self.add_line("alliance_name", "Alliance", attr="alliance",
                                            readonly=True)
        self.add_choice("role", "Role", [(r, label(r)) for r in ROLES])
        self.add_line("signed", "Signed", date=True, tip=SIGNED_TIP)
        self.add_line("joined", "Joined", date=True)
        self.add_line("left", "Left", date=True)
        self.add_line("source", "Source", placeholder="source id or citation")
        self.add_notes("notes", "Notes")
        self.add_loader(self._load_names)
        self.delete_button = QPushButton("Delete membership", self)
        self.delete_button.clicked.connect(self.delete)
        self.show_alliance_button = QPushButton("Show alliance", self)
        self.show_alliance_button.clicked.connect(
            lambda: self.record and self.session.select([alliance_key(self.record.alliance)])
        )
        row = QHBoxLayout()
        row.addWidget(self.show_alliance_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        self._layout.addLayout(row)
        self._names: tuple = ()

    def _load_names(self, m, doc: Document) -> None:
        self._names = (actor_text(doc, m.actor), alliance_text(doc, m.alliance))
        set_line_text(self.actor_field, self._names[0])
        set_line_text(self.alliance_field, self._names[1])

    def _context_changed(self, doc: Document) -> bool:
        m = self.record
        return m is not None and self._names != (actor_text(doc, m.actor),
                                                 alliance_text(doc, m.alliance))

    def lookup(self, doc: Document, key):
        return doc.memberships.get(key)

    def command(self, record, text: str | None = None) -> Command:
        return PutMembership(record, text)

    def validate(self, record, doc: Document) -> None:
        validate_membership(record, doc)

    def field_for(self, error_field: str | None) -> str | None:
        return {"actor": "actor_name", "alliance": "alliance_name"}.get(
            error_field or "", super().field_for(error_field)
        )

    def title(self, doc: Document) -> str:
        m = doc.memberships.get(self.key)
        if m is None:
            return "Membership"
        return f"Membership · {actor_text(doc, m.actor)} in {alliance_text(doc, m.alliance)}"

    def delete(self) -> bool:
        if self.key is None:
            return False
        command = DeleteMembership(self.key)
        if self.record is not None:
            command.text = f"Remove {self._names[0]} from {self._names[1]}"
        ok = push_with_reason(self.session, command) is None
        if ok:
            self.recordDeleted.emit()
        return ok


class TieForm(EntityForm):
    table = "ties"

    def build(self) -> None:
        self.a_field = self.add_line("a_name", "Actor A", attr="a", readonly=True)
        self.b_field = self.add_line("b_name", "Actor B", attr="b", readonly=True)
        self.add_choice("sign", "Sign", SIGNS)
        self.add_line("kind", "Kind", placeholder="e.g. war, rivalry, defence pact")
        self.add_line("signed", "Signed", date=True, tip=SIGNED_TIP)
        self.add_line("start", "Start", date=True)
        self.add_line("end", "End", date=True)
        self.add_line("source", "Source", placeholder="source id or citation")
        self.add_notes("notes", "Notes")
        self.add_loader(self._load_names)
        self.delete_button = QPushButton("Delete tie", self)
        self.delete_button.clicked.connect(self.delete)
        row = QHBoxLayout()
        row.addWidget(self.delete_button)
        row.addStretch(1)
        self._layout.addLayout(row)
        self._names: tuple = ()

    def _load_names(self, t, doc: Document) -> None:
        self._names = (actor_text(doc, t.a), actor_text(doc, t.b))
        set_line_text(self.a_field, self._names[0])
        set_line_text(self.b_field, self._names[1])

    def _context_changed(self, doc: Document) -> bool:
        t = self.record
        return t is not None and self._names != (actor_text(doc, t.a), actor_text(doc, t.b))

    def lookup(self, doc: Document, key):
        return doc.ties.get(key)

    def command(self, record, text: str | None = None) -> Command:
        return PutTie(record, text)

    def validate(self, record, doc: Document) -> None:
        validate_tie(record, doc)

    def field_for(self, error_field: str | None) -> str | None:
        return {"a": "a_name", "b": "b_name"}.get(error_field or "",
                                                  super().field_for(error_field))

    def title(self, doc: Document) -> str:
        t = doc.ties.get(self.key)
        if t is None:
            return "Tie"
        what = "Rivalry" if t.sign < 0 else "Partnership"
        return f"{what} · {actor_text(doc, t.a)} – {actor_text(doc, t.b)}"

    def delete(self) -> bool:
        if self.key is None:
            return False
        ok = push_with_reason(self.session, DeleteTie(self.key)) is None
        if ok:
            self.recordDeleted.emit()
        return ok
