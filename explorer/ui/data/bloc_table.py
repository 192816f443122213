"""The Blocs table of the data dock: user-defined sides, editable in place.

Same machinery as the other tables (:class:`RecordTableModel`): every edit becomes one
``PutBloc``; what the model refuses (a colour not written ``#rrggbb``, an empty name)
or what cannot be read (an unknown member) is reported with its reason.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QColor

from explorer.commands import Command, PutBloc
from explorer.model.entities import Bloc, Document
from explorer.ui.data.table_models import Column, RecordTableModel, Role, text_column
from explorer.ui.editing.bloc_edits import member_names, parse_members

COLOR_TITLE = "Colour"


def _set_color(doc: Document, bloc: Bloc, value: Any) -> Bloc:
    return dataclasses.replace(bloc, color=str(value).strip())


def _set_members(doc: Document, bloc: Bloc, value: Any) -> Bloc:
    return dataclasses.replace(bloc, members=parse_members(doc, str(value)))


def bloc_columns() -> list[Column]:
    return [
        Column("ID", lambda doc, b: b.id),
        text_column("Name", "name"),
        Column(
            COLOR_TITLE,
            lambda doc, b: b.color,
            edit=_set_color,
            tip="#rrggbb, e.g. #1f77b4",
        ),
        Column(
            "Members",
            lambda doc, b: str(len(b.members)),
            sort=lambda doc, b: len(b.members),
            numeric=True,
        ),
        Column(
            "Member names",
            member_names,
            edit=_set_members,
            # the editor starts from the ids: names may repeat, ids never do
            raw=lambda b: ", ".join(b.members),
            tip="Actor ids or names, separated by commas",
        ),
        text_column("Description", "description"),
    ]


class BlocsModel(RecordTableModel):
    kind = "bloc"

    def make_columns(self) -> list[Column]:
        return bloc_columns()

    def records(self, doc: Document) -> dict:
        return doc.blocs

    def command(self, record: Bloc) -> Command:
        return PutBloc(record)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Role.DisplayRole):
        # The colour cell shows its colour beside the code, so a typo is seen at once.
        if (role == Role.DecorationRole and index.isValid()
                and self.columns[index.column()].title == COLOR_TITLE):
            color = QColor(self.record_at(index.row()).color)
            return color if color.isValid() else None
        return super().data(index, role)
