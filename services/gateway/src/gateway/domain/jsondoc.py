"""Parsing JSON the gateway receives (client bodies, services' answers, token headers, an
identity provider's keys) with a bound on nesting depth.

`json.loads` recurses once per nesting level, so a 200 KB body of `[` raises RecursionError
(or, with a raised recursion limit, overflows the C stack). The depth is therefore measured
first, without recursion and in linear time, and a document deeper than the limit is refused
before the parser sees it. No Chairside document comes near the limits below (a protocol line
with its dose rule is 4 levels; a FHIR Claim about 8).
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

# Request bodies sent to the public API.
MAX_BODY_DEPTH = 32
# Documents the gateway reads from the services behind it (their own, richer, answers).
MAX_UPSTREAM_DEPTH = 64

# A JSON string, or an unterminated one running to the end of the text: matching the
# unterminated case too keeps the scan linear (otherwise every later quote would start a new
# attempt that runs to the end).
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\Z)', re.DOTALL)
# After strings are removed only brackets matter: every other byte is deleted, openers
# become +1 and closers -1 (read as signed bytes). Bytes, because bytes.translate can delete
# and map in one C pass (UTF-8 never uses these four byte values inside other characters).
_BRACKETS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[{]}")


class TooDeep(ValueError):
    """The document nests deeper than allowed (a ValueError, like any malformed JSON)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"JSON nested deeper than {limit} levels")
        self.limit = limit


def depth(text: str) -> int:
    """The deepest nesting of arrays/objects in `text` (brackets inside strings ignored).

    Meaningful for valid JSON; on malformed text it is an upper bound of what a parser would
    reach before failing, which is all the guard needs."""
    outside = _STRING.sub("", text).encode("utf-8", "surrogatepass")
    steps = memoryview(outside.translate(_BRACKETS, _NOT_BRACKETS)).cast("b")
    return max(0, max(accumulate(steps), default=0))


def exceeds(text: str, limit: int) -> bool:
    """Whether `text` nests deeper than `limit`; cheap when it has few brackets at all."""
    if text.count("[") + text.count("{") <= limit:
        return False
    return depth(text) > limit


def decode(data: bytes | str) -> str:
    """Bytes as text, with the encoding detection `json.loads` itself applies to bytes."""
    if isinstance(data, str):
        return data
    return data.decode(json.detect_encoding(data), "surrogatepass")


def loads(data: bytes | str, *, max_depth: int) -> Any:
    """`json.loads`, refusing documents nested deeper than `max_depth` (TooDeep).

    Raises ValueError (UnicodeDecodeError and JSONDecodeError are ValueErrors) for anything
    that is not JSON."""
    text = decode(data)
    if exceeds(text, max_depth):
        raise TooDeep(max_depth)
    try:
        return json.loads(text)
    except RecursionError:  # unreachable after the check above; never a 500 all the same
        raise TooDeep(max_depth) from None
