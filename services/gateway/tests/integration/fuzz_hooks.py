"""Schemathesis hooks for test_fuzz.py: what a well-behaved client does that a JSON Schema
cannot say. Loaded through schemathesis.toml (`hooks = "fuzz_hooks"`); nothing here changes
what the checks decide.

- `Idempotency-Key` is unique per logical request (api.md): the same key with another body is
  answered 422 on purpose. Each generated call gets a fresh key.
- A list cursor is opaque and issued by the gateway alone (sealed, bound to the caller and
  the list): a valid request never invents one. Positive cases carry none; negative cases keep
  theirs (an invented cursor must be, and is, refused).
- No text may carry control characters, and every time and date lies between 1900 and 2199
  (FOUNDATION.md, "Input limits": every service and the gateway refuse others, with 422 naming
  the field). A JSON Schema cannot say the first of every string, nor the second of a
  `date-time` (the descriptions say it): in positive cases, control characters become "x" and
  a time's or date's year outside those bounds becomes 2026. Negative cases are left alone.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import schemathesis

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_DATED = re.compile(r"^[0-9]{4}(?=-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:|$))")


def _positive(case: Any) -> bool:
    meta = getattr(case, "meta", None)
    return meta is not None and meta.generation.mode.is_positive


def _within_limits(value: Any) -> Any:
    if isinstance(value, str):
        value = _CONTROL.sub("x", value)
        match = _DATED.match(value)
        if match and not 1900 <= int(match.group()) <= 2199:
            value = "2026" + value[4:]
        return value
    if isinstance(value, dict):
        return {_within_limits(k): _within_limits(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_within_limits(v) for v in value]
    return value


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    if case.headers and "Idempotency-Key" in case.headers:
        case.headers["Idempotency-Key"] = f"fuzz-{uuid.uuid4()}"
    if not _positive(case):
        return
    if case.query:
        case.query.pop("cursor", None)
        case.query = _within_limits(case.query)
    if case.path_parameters:
        case.path_parameters = _within_limits(case.path_parameters)
    if isinstance(case.body, dict | list):
        case.body = _within_limits(case.body)
