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
from xml.parsers import expat

import defusedxml.ElementTree as DET
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from explorer.io import common
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
        raise ImportFormatError(_DTD_REFUSED, path) from None
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


_DTD_REFUSED = (
    "the file declares a DTD (<!DOCTYPE ...>), which is refused for safety: it can "
    "hide entity-expansion bombs or references to other files."
)


def safe_expat(path: Path) -> expat.XMLParserType:
    """A namespace-aware expat parser (element names arrive as ``"uri local"``) that
    refuses DTDs and entity declarations as :func:`iter_xml` does.

    For the big-file readers: their handlers build records straight from the attribute
    dicts, without an Element per tag, which makes parsing several times faster.
    """

    def refuse_dtd(*_args: object) -> None:
        raise ImportFormatError(_DTD_REFUSED, path)

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    parser.UnparsedEntityDeclHandler = refuse_dtd
    parser.ExternalEntityRefHandler = refuse_dtd
    parser.buffer_text = True
    return parser


def feed_expat(
    parser: expat.XMLParserType, data: bytes, path: Path, progress: Progress | None = None
) -> None:
    """Parse ``data`` with ``parser`` in steps of PROGRESS_STEP bytes, reporting progress
    after each; expat's errors become ImportFormatError naming the line."""
    total = len(data)
    view = memoryview(data)
    step = common.PROGRESS_STEP
    try:
        for offset in range(0, total, step):
            parser.Parse(view[offset : offset + step], False)
            if progress is not None:
                progress(min(offset + step, total), total)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        detail = expat.ErrorString(exc.code)
        if "no element found" in detail:
            detail = "the XML ends too early (the file looks truncated)"
        raise ImportFormatError(f"not well-formed XML: {detail}.", path, exc.lineno) from None
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
