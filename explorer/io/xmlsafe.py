"""Safe streaming XML parsing for untrusted files, and XML text escaping for writers.

Parsing goes through ``defusedxml.ElementTree.iterparse`` with DTDs forbidden, so entity
expansion bombs ("billion laughs"), external entities (XXE) and external DTDs are refused
before any expansion happens. Every failure becomes an ImportFormatError naming the file
and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as DET
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from explorer.io.common import Progress, ProgressReader
from explorer.io.errors import ImportFormatError

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def local(tag: str) -> str:
    """The local part of a ``{namespace}tag`` name."""
    return tag.rsplit("}", 1)[-1] if tag[:1] == "{" else tag


def namespace(tag: str) -> str:
    """The namespace URI of a ``{namespace}tag`` name ('' when none)."""
    return tag[1:].split("}", 1)[0] if tag[:1] == "{" else ""


def iter_xml(
    data: bytes, path: Path, progress: Progress | None = None
) -> Iterator[tuple[str, Element]]:
    """``(event, element)`` for start and end events of a DTD-free XML document."""
    reader = ProgressReader(data, progress)
    try:
        yield from DET.iterparse(reader, events=("start", "end"), forbid_dtd=True)
    except DTDForbidden:
        raise ImportFormatError(
            "the file declares a DTD (<!DOCTYPE ...>), which is refused for safety: it can "
            "hide entity-expansion bombs or references to other files.",
            path,
        ) from None
    except (EntitiesForbidden, ExternalReferenceForbidden):
        raise ImportFormatError(
            "the file declares XML entities, refused for safety (entity bomb or external "
            "file reference).",
            path,
        ) from None
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        detail = str(exc).split(":", 1)[0]
        if "no element found" in detail:
            detail = "the XML ends too early (the file looks truncated)"
        raise ImportFormatError(f"not well-formed XML: {detail}.", path, line) from None
    except (UnicodeError, LookupError) as exc:
        raise ImportFormatError(f"cannot decode the XML: {exc}.", path) from None
    except RecursionError:
        raise ImportFormatError("the XML is nested too deeply.", path) from None


def esc(value: object) -> str:
    """Text escaped for XML element content and double-quoted attributes.

    Characters XML 1.0 cannot carry are dropped; newlines, carriage returns and tabs are
    written as character references so attribute values keep them.
    """
    text = _ILLEGAL_XML.sub("", str(value))
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )
