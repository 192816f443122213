"""Read-only columns for what an imported graph carried: its attributes ("Modularity
Class", "City") on the Actors and Ties tabs, and each tie's weight and direction."""

from __future__ import annotations

from explorer.model.entities import Document
from explorer.ui.data.table_models import MISSING_NUMBER, Column

_TIP = "From the imported file (read-only)"


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.6g}"
    return str(value)


def attribute_columns(doc: Document, kind: str) -> list[Column]:
    """One column per imported attribute of ``kind`` records ("actor" or "tie")."""
    out = []
    extras = doc.extras
    for name in extras.attribute_names(kind):
        numeric = extras.types.get(name) in ("integer", "double")

        def value(d: Document, record, name=name):
            key = record.id
            return d.extras.attributes.get(f"{kind}:{key}", {}).get(name)

        def sort(d: Document, record, value=value, numeric=numeric):
            v = value(d, record)
            if numeric:
                return float(v) if isinstance(v, (int, float)) else MISSING_NUMBER
            return _fmt(v).lower()

        out.append(Column(name, lambda d, r, value=value: _fmt(value(d, r)), sort=sort,
                          numeric=numeric, tip=f"{name}: {_TIP}"))
    return out


def edge_columns(doc: Document) -> list[Column]:
    """Weight and direction columns when any tie has them."""
    if not any(k.startswith("tie:") for k in doc.extras.edges):
        return []

    def props(d: Document, tie):
        return d.extras.edges.get(f"tie:{tie.id}")

    def weight(d: Document, tie) -> float | None:
        p = props(d, tie)
        return p.weight if p is not None else None

    return [
        Column("Weight", lambda d, t: _fmt(weight(d, t)),
               sort=lambda d, t: weight(d, t) if weight(d, t) is not None else MISSING_NUMBER,
               numeric=True, tip=f"Edge weight: {_TIP} (empty: 1, as Gephi reads it)"),
        Column("Directed", lambda d, t: "→" if (props(d, t) and props(d, t).directed) else "",
               tip=f"A → B when the file's edge is directed: {_TIP}"),
    ]
