"""Helpers shared by the importers and exporters: limits, reading, ids, dates, colours."""

from __future__ import annotations

import json
import math
import os
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from explorer.io.errors import ImportFormatError
from explorer.model.progress import Progress as _Progress
from explorer.store.atomic import atomic_text

#: Files larger than this are refused before reading (200 MiB). A 50,000-node, 100,000-edge
#: GEXF with positions and colours is about 17 MB.
MAX_FILE_BYTES = 200 * 1024 * 1024

#: How often (in bytes read) importers call their ``progress`` callback.
PROGRESS_STEP = 1024 * 1024

Progress = _Progress  # (done, total); see explorer.model.progress

ID_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_SLUG_BAD = re.compile(r"[^A-Za-z0-9_.\-]+")
_HEX6 = re.compile(r"^#?([0-9a-fA-F]{6})$")
_HEX3 = re.compile(r"^#([0-9a-fA-F]{3})$")

#: CSS colour names likely to appear in GraphML/GEXF ``color`` attributes.
NAMED_COLORS = {
    "black": "#000000", "white": "#ffffff", "red": "#ff0000", "green": "#008000",
    "blue": "#0000ff", "yellow": "#ffff00", "cyan": "#00ffff", "aqua": "#00ffff",
    "magenta": "#ff00ff", "fuchsia": "#ff00ff", "gray": "#808080", "grey": "#808080",
    "silver": "#c0c0c0", "maroon": "#800000", "olive": "#808000", "lime": "#00ff00",
    "navy": "#000080", "purple": "#800080", "teal": "#008080", "orange": "#ffa500",
    "pink": "#ffc0cb", "brown": "#a52a2a", "turquoise": "#40e0d0", "violet": "#ee82ee",
    "gold": "#ffd700", "indigo": "#4b0082", "beige": "#f5f5dc", "salmon": "#fa8072",
    "khaki": "#f0e68c", "coral": "#ff7f50", "crimson": "#dc143c", "orchid": "#da70d6",
    "tan": "#d2b48c", "lightgray": "#d3d3d3", "lightgrey": "#d3d3d3",
    "darkgray": "#a9a9a9", "darkgrey": "#a9a9a9", "lightblue": "#add8e6",
    "darkblue": "#00008b", "darkgreen": "#006400", "darkred": "#8b0000",
    "lightgreen": "#90ee90",
}

OPEN_BOUNDS = {"", "none", "null", "nan", "inf", "+inf", "-inf", "infinity", "-infinity"}


def read_limited(path: Path, progress: Progress | None = None) -> bytes:
    """The bytes of ``path``; ImportFormatError when missing, empty or over the limit."""
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        raise ImportFormatError(f"cannot open the file ({exc.strerror}).", path) from None
    if size > MAX_FILE_BYTES:
        raise ImportFormatError(
            f"the file is {size / 1e6:.0f} MB, over the import limit of "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MiB.",
            path,
        )
    chunks: list[bytes] = []
    done = 0
    try:
        with open(path, "rb") as fh:
            while True:
                chunk = fh.read(4 * PROGRESS_STEP)
                if not chunk:
                    break
                chunks.append(chunk)
                done += len(chunk)
                if done > MAX_FILE_BYTES:
                    raise ImportFormatError("the file grew over the import limit.", path)
    except OSError as exc:
        raise ImportFormatError(f"cannot read the file ({exc.strerror}).", path) from None
    data = b"".join(chunks)
    if not data.strip():
        raise ImportFormatError("the file is empty.", path)
    if progress is not None:
        progress(0, len(data))
    return data


class ProgressReader:
    """A binary reader over ``data`` that reports (done, total) every PROGRESS_STEP bytes."""

    def __init__(self, data: bytes, progress: Progress | None) -> None:
        self._data = data
        self._pos = 0
        self._progress = progress
        self._next = PROGRESS_STEP

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = len(self._data) - self._pos
        chunk = self._data[self._pos : self._pos + size]
        self._pos += len(chunk)
        if self._progress is not None and (self._pos >= self._next or not chunk):
            self._next = self._pos + PROGRESS_STEP
            self._progress(self._pos, len(self._data))
        return chunk


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 text (a BOM is skipped); ImportFormatError naming the line of a bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFormatError(
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); save it as UTF-8 and import again.",
            path,
            line,
        ) from None


def load_json(path: Path, progress: Progress | None = None) -> Any:
    """The parsed JSON of ``path`` (size-limited, UTF-8); ImportFormatError naming the line
    of a syntax error, or saying the nesting is too deep."""
    text = decode_text(read_limited(path, progress), path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(f"not valid JSON: {exc.msg}.", path, exc.lineno) from None
    except RecursionError:
        raise ImportFormatError("the JSON is nested too deeply.", path) from None


def slug_id(raw: str, used: set[str]) -> str:
    """``raw`` when it is a valid id, else an ASCII slug; made unique against ``used``."""
    raw = str(raw)
    if ID_RE.match(raw):
        base = raw
    else:
        ascii_ = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode()
        base = _SLUG_BAD.sub("_", ascii_).strip("_")[:64] or "node"
    candidate = base
    n = 2
    while candidate in used:
        suffix = f"_{n}"
        candidate = base[: 64 - len(suffix)] + suffix
        n += 1
    used.add(candidate)
    return candidate


def year_date(year: int) -> str | None:
    """``YYYY-01-01`` for a plausible year, else None."""
    return f"{year:04d}-01-01" if 1000 <= year <= 2999 else None


def parse_date(value: Any) -> tuple[str | None, bool]:
    """Normalise a date bound: ``(iso_or_None, ok)``.

    Accepts ``YYYY-MM-DD``, date-times (the date part is kept), bare years and year-valued
    numbers (``1949`` → ``1949-01-01``). ``None``, ``''``, ``'None'``, ``'inf'`` and the like
    are an open bound ``(None, True)``. Anything else gives ``(None, False)``.
    """
    if value is None:
        return None, True
    if isinstance(value, bool):
        return None, False
    if isinstance(value, (int, float)):
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            return None, True
        if float(value).is_integer():
            iso = year_date(int(value))
            return iso, iso is not None
        return None, False
    text = str(value).strip()
    if text.lower() in OPEN_BOUNDS:
        return None, True
    head = text[:10]
    if len(text) >= 10 and (len(text) == 10 or text[10] in "T "):
        try:
            date.fromisoformat(head)
            return head, True
        except ValueError:
            return None, False
    if re.fullmatch(r"-?\d{1,4}(\.0+)?", text):
        iso = year_date(int(float(text)))
        return iso, iso is not None
    return None, False


def parse_color(value: Any) -> str | None:
    """``'#rrggbb'`` from a hex string (``#abc``, ``#aabbcc``, ``aabbcc``, ``#aabbccdd``)
    or a CSS colour name; None when unrecognised."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    m = _HEX6.match(text)
    if m:
        return "#" + m.group(1).lower()
    m = _HEX3.match(text)
    if m:
        return "#" + "".join(c * 2 for c in m.group(1).lower())
    if len(text) == 9 and text.startswith("#") and _HEX6.match(text[:7]):
        return text[:7].lower()
    return NAMED_COLORS.get(text.lower())


def rgb_color(r: Any, g: Any, b: Any) -> str | None:
    """``'#rrggbb'`` from three 0-255 components; None when any is not a number."""
    try:  # one colour per node of a 100,000-node file: no per-component generators
        red, green, blue = round(float(r)), round(float(g)), round(float(b))
    except (TypeError, ValueError, OverflowError):
        return None
    return (f"#{max(0, min(255, red)):02x}{max(0, min(255, green)):02x}"
            f"{max(0, min(255, blue)):02x}")


def to_float(value: Any) -> float | None:
    """A finite float or None."""
    if isinstance(value, bool):
        return None
    try:
        out = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return out if math.isfinite(out) else None


def to_int(value: Any) -> int | None:
    """An int (from ``'3'``, ``3.0``) or None."""
    f = to_float(value)
    if f is None or not f.is_integer():
        return None
    return int(f)


def to_bool(value: Any) -> bool | None:
    """A boolean from ``true/false/1/0/yes/no`` (any case, padded) or None."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "y", "t"):
        return True
    if text in ("false", "0", "no", "n", "f"):
        return False
    return None


def fmt_number(value: float | int) -> str:
    """Text for a number that reads back exactly (``repr`` of floats)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)


def atomic_writer(path: str | Path, newline: str | None = None):
    """Text written to a temporary file beside ``path`` and renamed into place: the
    program's one atomic writer (:mod:`explorer.store.atomic`)."""
    return atomic_text(path, newline=newline)
