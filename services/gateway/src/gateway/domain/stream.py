"""Rules of the live stream (GET /v1/stream): who may see which event, what of an event is
sent, and the opaque, replica-independent event ids.

An event id is the reader's position on the bus just after the event: for every partition it
read, the next offset. Any replica can resume from it, since every replica reads every
partition in the same per-partition order (see docs/stream.md).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from gateway.domain.principal import Principal

# Event type prefix -> the scope a caller needs to receive it. Types of other prefixes are
# never streamed.
TYPE_SCOPES: dict[str, str] = {
    "appointment": "schedule:read",
    "recall": "schedule:read",
    "authorization": "authorizations:read",
    "claim": "billing:read",
    "appeal": "billing:read",
    "order": "orders:read",
    "reaction": "orders:read",
    "outcome": "orders:read",
}
STREAM_SCOPES: frozenset[str] = frozenset(TYPE_SCOPES.values())

# Payload fields forwarded to clients besides every `*_id`/`*_ids`: states, places and times a
# board or a worklist redraws from. Free text (reasons, details, terms) and figures stay out;
# a client that needs more reads the resource by its id.
DATA_FIELDS: frozenset[str] = frozenset({
    "status", "start", "end", "hold_expires_at", "outcome", "grade", "holds_series", "how",
    "kind", "level", "deadline", "visit_date", "valid_from", "valid_to", "due_at",
    "scheduled_at", "earliest", "latest", "target_from", "target_to", "previous_status",
    "reason_code", "code", "reasons", "urgency",
})


def scope_for(event_type: str) -> str | None:
    return TYPE_SCOPES.get(event_type.partition(".")[0])


def stream_data(payload: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in payload.items()
            if k in DATA_FIELDS or k.endswith("_id") or k.endswith("_ids")}


@dataclass(frozen=True)
class StreamEvent:
    """One bus event as the stream sends it (ids, statuses and times only)."""

    event_id: str  # the CloudEvents id, stable across replicas
    type: str
    occurred_at: datetime
    practice_id: str | None
    data: dict[str, Any]


def visible_to(principal: Principal, event: StreamEvent,
               types: frozenset[str] | None = None) -> bool:
    """A partner sees only its practice's events; clinic staff see every practice's and those
    naming no practice. The caller needs the event type's scope, and the type must be among
    those asked for (if any)."""
    scope = scope_for(event.type)
    if scope is None or not principal.has(scope):
        return False
    if types is not None and event.type not in types:
        return False
    if principal.is_bound:
        return event.practice_id is not None and event.practice_id == principal.practice_id
    return True


# --------------------------------------------------------------------------- positions
Position = dict[tuple[str, int], int]  # (topic, partition) -> next offset to read
_PREFIX = "v1."


class BadEventId(ValueError):
    """A Last-Event-ID this gateway did not make (or from an incompatible version). Ids are
    not signed: they grant nothing (a replay is filtered like live events), so a made-up
    position only changes what the caller itself is replayed."""


def encode_position(position: Position, topics: tuple[str, ...]) -> str:
    """Opaque text: `v1.` + base64url of `topic_index:partition:offset` joined by `,`."""
    index = {t: i for i, t in enumerate(topics)}
    parts = [f"{index[t]}:{p}:{o}" for (t, p), o in sorted(position.items()) if t in index]
    raw = ",".join(parts).encode()
    return _PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_position(text: str, topics: tuple[str, ...]) -> Position:
    if not text.startswith(_PREFIX) or len(text) > 4096:
        raise BadEventId("not an event id of this stream")
    body = text[len(_PREFIX):]
    try:
        raw = base64.b64decode(body + "=" * (-len(body) % 4), altchars=b"-_",
                               validate=True).decode()
        out: Position = {}
        for part in filter(None, raw.split(",")):
            t, p, o = (int(x) for x in part.split(":"))
            if not (0 <= t < len(topics)) or p < 0 or o < 0:
                raise BadEventId("not an event id of this stream")
            out[(topics[t], p)] = o
        return out
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise BadEventId("not an event id of this stream") from exc
