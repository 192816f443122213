"""The project's record edits: each put or delete of an actor, alliance, membership,
tie, bloc or scenario (and the title) written in its own transaction, with its change
event (:meth:`Project.transaction`)."""

from __future__ import annotations

from explorer.model.entities import Actor, Alliance, Bloc, Membership, Scenario, Tie
from explorer.model.graph_extras import membership_key, tie_key
from explorer.model.node_key import actor_key, alliance_key
from explorer.store import rows
from explorer.store.extras_rows import delete_owner


class ProjectRecordEdits:
    """Mixin of :class:`~explorer.store.project.Project`: writing its records."""

    def stored_title(self) -> str | None:
        """The title row as stored, or None when the file has none (shown as "Untitled")."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'title'").fetchone()
        return row[0] if row else None

    def set_title(self, title: str | None) -> None:
        """Set the title; None removes the row, so undo can restore a file without one."""
        with self.transaction():
            if title is None:
                self._conn.execute("DELETE FROM meta WHERE key = 'title'")
            else:
                self._conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('title', ?)", (title,)
                )
            self._changed("meta", "title")

    def put_actor(self, actor: Actor) -> None:
        with self.transaction():
            rows.write_actor(self._conn, actor)
            if self._figures is not None:
                self._figures[actor.id] = rows.stored_figures(actor.capabilities)
            self._changed("actors", actor.id)

    def delete_actor(self, actor_id: str) -> None:
        """Delete an actor; its memberships, ties and bloc places must be gone already."""
        with self.transaction():
            self._conn.execute("DELETE FROM figure_series WHERE actor = ?", (actor_id,))
            self._conn.execute("DELETE FROM actor_places WHERE actor = ?", (actor_id,))
            self._conn.execute("DELETE FROM actors WHERE id = ?", (actor_id,))
            self._conn.execute("DELETE FROM positions WHERE node = ?", (actor_key(actor_id),))
            if self._figures is not None:
                self._figures.pop(actor_id, None)
            self._changed("actors", actor_id)

    def put_alliance(self, alliance: Alliance) -> None:
        with self.transaction():
            rows.write_alliance(self._conn, alliance)
            self._changed("alliances", alliance.id)

    def delete_alliance(self, alliance_id: str) -> None:
        with self.transaction():
            self._conn.execute("DELETE FROM alliances WHERE id = ?", (alliance_id,))
            self._conn.execute(
                "DELETE FROM positions WHERE node = ?", (alliance_key(alliance_id),)
            )
            self._changed("alliances", alliance_id)

    def put_membership(self, membership: Membership) -> int:
        """Insert or replace a membership; returns its id (assigned when it had none)."""
        with self.transaction():
            new_id = rows.write_membership(self._conn, membership)
            if membership.id is None:  # a new record: nothing of a deleted one's extras
                delete_owner(self._conn, membership_key(new_id))
            self._changed("memberships", new_id)
        return new_id

    def delete_membership(self, membership_id: int) -> None:
        with self.transaction():
            self._conn.execute("DELETE FROM memberships WHERE id = ?", (membership_id,))
            self._changed("memberships", membership_id)

    def put_tie(self, tie: Tie) -> int:
        with self.transaction():
            new_id = rows.write_tie(self._conn, tie)
            if tie.id is None:  # a new record: nothing of a deleted one's extras
                delete_owner(self._conn, tie_key(new_id))
            self._changed("ties", new_id)
        return new_id

    def delete_tie(self, tie_id: int) -> None:
        with self.transaction():
            self._conn.execute("DELETE FROM ties WHERE id = ?", (tie_id,))
            self._changed("ties", tie_id)

    def put_bloc(self, bloc: Bloc) -> None:
        with self.transaction():
            rows.write_bloc(self._conn, bloc)
            self._changed("blocs", bloc.id)

    def delete_bloc(self, bloc_id: str) -> None:
        with self.transaction():
            self._conn.execute("DELETE FROM blocs WHERE id = ?", (bloc_id,))
            self._changed("blocs", bloc_id)

    def put_scenario(self, scenario: Scenario) -> None:
        with self.transaction():
            rows.write_scenario(self._conn, scenario)
            self._changed("scenarios", scenario.name)

    def delete_scenario(self, name: str) -> None:
        with self.transaction():
            self._conn.execute("DELETE FROM scenarios WHERE name = ?", (name,))
            self._changed("scenarios", name)
