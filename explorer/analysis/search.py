"""Find actors and alliances by any word of their name, id, kind, regions or notes.

A full-text index (SQLite FTS5 through sqlite-utils, in memory) built from the document:
words match by prefix ("Azer" finds Azerbaijan), accents are ignored ("Turkiye" finds
Türkiye), and several hits are all returned ("Korea" finds both Koreas), best first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import sqlite_utils

from explorer.model.entities import Document
from explorer.model.node_key import actor_key, alliance_key
from explorer.model.vocab import label

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Hit:
    """One result: the node key, the text shown for it, and the field that matched."""

    key: str
    display: str


class SearchIndex:
    """A full-text index of one document's actors and alliances."""

    def __init__(self, doc: Document) -> None:
        self._db = sqlite_utils.Database(memory=True)
        rows = []
        for a in doc.actors.values():
            regions = " ".join(doc.regions[r].name if r in doc.regions else r for r in a.regions)
            rows.append({"key": actor_key(a.id), "display": f"{a.name} ({a.id})", "name": a.name,
                         "ident": a.id, "aliases": "; ".join(a.aliases),
                         "about": f"{label(a.kind)} {regions}", "notes": a.notes})
        for al in doc.alliances.values():
            rows.append({"key": alliance_key(al.id), "display": f"{al.name} ({al.id})",
                         "name": al.name, "ident": al.id, "aliases": al.short_name,
                         "about": f"{label(al.kind)} {label(al.obligation)}", "notes": al.notes})
        table = self._db["nodes"]
        table.insert_all(rows, pk="key")
        table.enable_fts(
            ["name", "ident", "aliases", "about", "notes"],
            tokenize="unicode61 remove_diacritics 2",
        )
        self._displays = {r["key"]: r["display"] for r in rows}
        self._aliases = {r["key"]: {_fold(x.strip()) for x in r["aliases"].split(";")
                                    if x.strip()} for r in rows}

    def search(self, text: str, limit: int = 50) -> list[Hit]:
        """Nodes whose words start with every word of ``text``; name and id matches first."""
        words = _WORD.findall(text)
        if not words:
            return []
        query = " ".join(f'"{w}"*' for w in words)
        # name and id hits outrank a mention in the notes (bm25 column weights)
        sql = (
            "SELECT nodes.key FROM nodes JOIN nodes_fts ON nodes.rowid = nodes_fts.rowid "
            "WHERE nodes_fts MATCH ? ORDER BY bm25(nodes_fts, 10.0, 10.0, 8.0, 2.0, 0.5), "
            "nodes.display LIMIT ?"
        )
        keys = [row[0] for row in self._db.execute(sql, [query, limit]).fetchall()]
        return [Hit(k, self._displays[k]) for k in keys]

    def best(self, text: str) -> list[Hit]:
        """The hits to act on: an exact id or name alone, else those matching in the name
        or id (all of them), else every hit."""
        wanted = _fold(text.strip())
        hits = self.search(text)
        for hit in hits:
            name, _, ident = hit.display.rpartition(" (")
            if wanted in (_fold(name), _fold(ident.rstrip(")"))) or wanted in self._aliases.get(
                    hit.key, ()):
                return [hit]
        words = _WORD.findall(_fold(text))
        leading = [h for h in hits if _fold(h.display).startswith(words[0])] if words else []
        def named(h: Hit) -> list[str]:  # words of its name, id and other names
            return _WORD.findall(_fold(h.display + " " + " ".join(self._aliases[h.key])))

        in_name = [h for h in hits if all(any(t.startswith(w) for t in named(h))
                                          for w in words)]
        return leading or in_name or hits


def _fold(text: str) -> str:
    """Lower case without accents: "Türkiye" -> "turkiye"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
