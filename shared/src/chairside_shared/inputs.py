"""Limits every service (and the gateway) puts on what a caller may send, before any rule runs.

- **Text** may not carry control characters: a NUL reaches PostgreSQL as an encoding error
  (a 500 that used to log the statement's parameters), and other controls in an MRN or a code
  are never meant. Free text keeps tab, line feed and carriage return; query strings and path
  segments keep none. Lone UTF-16 surrogates (JSON ``"\\ud800"``) cannot be stored as UTF-8 and
  are refused too.
- **JSON** may nest at most ``MAX_JSON_DEPTH`` levels: no document of the API needs more than
  six, and Python's parser raises ``RecursionError`` (an unhandled 500) near a thousand.
- **Times** lie between ``EARLIEST`` and ``LATEST``: converting ``0001-01-01T00:00+14:00`` to
  UTC overflows Python's calendar, and a day's arithmetic at 9999-12-31 does too. The bounds
  are wide enough for any birth date and any planning horizon (see ``Instant``, ``Day``).

Each check returns ``{field, message}`` errors (the problem+json shape) and never echoes the
value, which may be PHI.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from itertools import accumulate
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field

MAX_JSON_DEPTH = 32
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
FIRST_DAY = EARLIEST.date()
LAST_DAY = date(2199, 12, 31)
BOUNDS_TEXT = "between 1900-01-01 and 2199-12-31"

# C0 controls except tab/LF/CR, DEL, C1 controls, and UTF-16 surrogates.
_TEXT_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_STRICT_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
CONTROL_MESSAGE = "must not contain control characters"
STRICT_CONTROL_MESSAGE = "must not contain control characters (tab and line breaks included)"


class TooDeep(ValueError):
    """A JSON document nested deeper than allowed (a ValueError, like any malformed JSON)."""

    def __init__(self, limit: int = MAX_JSON_DEPTH) -> None:
        super().__init__(f"the JSON document nests deeper than {limit} levels")
        self.limit = limit


def has_control(text: str, *, strict: bool = False) -> bool:
    return bool((_STRICT_FORBIDDEN if strict else _TEXT_FORBIDDEN).search(text))


# Depth is measured on the text, before any parser sees it: `json.loads` recurses once per
# level, so a 200 KB body of `[` costs a deep recursion (or, with a raised recursion limit,
# overflows the C stack). The scan is linear and recursion-free. A JSON string, or an
# unterminated one running to the end of the text, is removed first (matching the
# unterminated case too keeps the scan linear: otherwise every later quote would start a new
# attempt that runs to the end). Then only brackets matter: every other byte is deleted,
# openers become +1 and closers -1 (read as signed bytes), in one C pass of bytes.translate
# (UTF-8 never uses these four byte values inside other characters).
_JSON_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\Z)', re.DOTALL)
_BRACKETS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[{]}")


def json_text_depth(text: str) -> int:
    """The deepest nesting of arrays/objects in `text` (brackets inside strings ignored).

    Meaningful for valid JSON; on malformed text it is an upper bound of what a parser would
    reach before failing, which is all a guard needs."""
    outside = _JSON_STRING.sub("", text).encode("utf-8", "surrogatepass")
    steps = memoryview(outside.translate(_BRACKETS, _NOT_BRACKETS)).cast("b")
    return max(0, max(accumulate(steps), default=0))


def json_exceeds(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether `text` nests deeper than `limit`; cheap when it has few brackets at all."""
    if text.count("[") + text.count("{") <= limit:
        return False
    return json_text_depth(text) > limit


def json_text(data: bytes | str) -> str:
    """Bytes as text, with the encoding detection `json.loads` itself applies to bytes."""
    if isinstance(data, str):
        return data
    return data.decode(json.detect_encoding(data), "surrogatepass")


def parse_json(raw: bytes | str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` that refuses a document nested deeper than ``max_depth`` with
    ``TooDeep`` before parsing it, never RecursionError.

    Raises ``ValueError`` (JSONDecodeError, UnicodeDecodeError) for text that is not JSON."""
    text = json_text(raw)
    if json_exceeds(text, max_depth):
        raise TooDeep(max_depth)
    try:
        return json.loads(text)
    except RecursionError:  # unreachable after the check above; never a 500 all the same
        raise TooDeep(max_depth) from None


def json_depth(doc: Any) -> int:
    """Nesting depth of a parsed document (a scalar is 0), without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(doc, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        depth += 1
        deepest = max(deepest, depth)
        if depth > MAX_JSON_DEPTH:
            return depth  # deep enough to refuse; no need to walk the rest
        stack.extend((child, depth) for child in children)
    return deepest


def json_text_errors(doc: Any, *, limit: int = 20) -> list[dict[str, str]]:
    """Every string (keys included) of a parsed document that carries a control character."""
    errors: list[dict[str, str]] = []
    stack: list[tuple[Any, tuple[str, ...]]] = [(doc, ())]
    while stack and len(errors) < limit:
        node, path = stack.pop()
        if isinstance(node, str):
            if has_control(node):
                errors.append({"field": ".".join(path) or "body", "message": CONTROL_MESSAGE})
        elif isinstance(node, dict):
            for key, value in node.items():
                where = (*path, str(key))
                if has_control(str(key), strict=True):
                    errors.append({"field": ".".join(where), "message": STRICT_CONTROL_MESSAGE})
                    continue
                stack.append((value, where))
        elif isinstance(node, list):
            stack.extend((item, (*path, str(i))) for i, item in enumerate(node))
    errors.sort(key=lambda e: e["field"])
    return errors


def params_errors(pairs: list[tuple[str, str]], *, location: str = "") -> list[dict[str, str]]:
    """Query or path parameters that carry any control character (tab and line breaks too)."""
    errors = []
    for name, value in pairs:
        if has_control(name, strict=True) or has_control(value, strict=True):
            field = name if not has_control(name, strict=True) else location or "query"
            errors.append({"field": field, "message": STRICT_CONTROL_MESSAGE})
    return errors


# --- bounded times, for request schemas -----------------------------------------------------


def _instant_in_bounds(value: datetime) -> datetime:
    # Compared in UTC without converting: converting is what overflows at the calendar's edge.
    try:
        utc = value.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"must be {BOUNDS_TEXT} (UTC)") from None
    if not EARLIEST <= utc < LATEST:
        raise ValueError(f"must be {BOUNDS_TEXT} (UTC)")
    return value


def _day_in_bounds(value: date) -> date:
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError(f"must be {BOUNDS_TEXT}")
    return value


# What the text of a time or date must look like: `json`'s numbers and pydantic's other
# readings (a number of seconds since 1970, "0.5") are not times the API takes.
_RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _rfc3339_text(value: Any) -> Any:
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _RFC3339.fullmatch(value):
        raise ValueError("must be an RFC 3339 time with offset")
    return value


def _day_text(value: Any) -> Any:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise ValueError("must be a date (YYYY-MM-DD)")
    return value


Instant = Annotated[
    AwareDatetime, BeforeValidator(_rfc3339_text), AfterValidator(_instant_in_bounds),
    Field(description=f"RFC 3339 time with offset, {BOUNDS_TEXT} (UTC)"),
]
"""A point in time a caller sends: offset required, within the calendar bounds above."""

Day = Annotated[date, BeforeValidator(_day_text), AfterValidator(_day_in_bounds),
                Field(description=f"calendar date, {BOUNDS_TEXT}")]
"""A calendar date a caller sends (birth dates, clinic days, report ranges)."""


def decimal_pattern(whole: str, places: int, *, zero: bool) -> str:
    """The text of a decimal a field takes, for its JSON Schema: `whole` is the integer part
    from 1 up (a regex: it carries the upper bound), then at most `places` decimals; with
    `zero`, 0 and 0.x too, else only 0.x that is not zero."""
    if zero:
        return rf"^(0|{whole})(\.[0-9]{{1,{places}}})?$"
    below_one = "|".join(f"0{{{i}}}[1-9][0-9]{{0,{places - 1 - i}}}" for i in range(places))
    return rf"^({whole}(\.[0-9]{{1,{places}}})?|0?\.({below_one}))$"


def decimal_text(pattern: str) -> Callable[[dict[str, Any]], None]:
    """`json_schema_extra` for a Decimal field: pydantic documents its text form as any
    string, though only a decimal is taken; this gives that string its pattern."""
    def extra(schema: dict[str, Any]) -> None:
        for branch in schema.get("anyOf", []):
            if branch.get("type") == "string" and "pattern" not in branch:
                branch["pattern"] = pattern
    return extra
