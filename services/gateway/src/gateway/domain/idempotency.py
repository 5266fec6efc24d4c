"""Idempotency-Key on POST: the same key with the same request replays the stored response;
the same key with a different request is refused (422); a key whose first request is still
running answers 409 so the client retries later instead of running the work twice.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

# Printable ASCII without spaces, as the IETF Idempotency-Key draft and common APIs accept.
_KEY_RE = re.compile(r"[\x21-\x7e]{1,255}")


class InvalidIdempotencyKey(ValueError):
    pass


def validate_key(raw: str) -> str:
    if not _KEY_RE.fullmatch(raw):
        raise InvalidIdempotencyKey("Idempotency-Key must be 1-255 printable ASCII characters")
    return raw


def fingerprint(method: str, path: str, query: str, content_type: str, body: bytes) -> str:
    """Identity of a request. The query is included (optimize?apply=true differs from a dry
    run); the body is hashed as sent, so reordered JSON keys count as a different request —
    clients retry with the bytes they sent the first time."""
    h = hashlib.sha256()
    for part in (method.upper(), path, query, content_type.split(";")[0].strip().lower()):
        h.update(part.encode())
        h.update(b"\x00")
    h.update(body)
    return h.hexdigest()


class Status(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"


@dataclass(frozen=True)
class Record:
    client_id: str
    key: str
    fingerprint: str
    status: Status
    expires_at: datetime
    response_status: int | None = None
    response_headers: dict[str, str] | None = None
    response_body: bytes | None = None
    created_at: datetime | None = None


class Outcome(StrEnum):
    PROCEED = "proceed"  # first time: run it, then store the response
    REPLAY = "replay"  # same request seen and answered: return the stored response
    MISMATCH = "mismatch"  # key reused for another request: 422
    IN_FLIGHT = "in_flight"  # first request still running: 409


def decide(existing: Record | None, fp: str, now: datetime,
           lease: timedelta | None = None) -> Outcome:
    """``lease``: how long a first request can possibly run. A key still in progress past it
    was left by a gateway replica that died mid-request (nothing else ends a request without
    storing or deleting its record): the next attempt takes the key over instead of meeting
    409 until the record expires."""
    if existing is None or existing.expires_at <= now:
        return Outcome.PROCEED
    if existing.fingerprint != fp:
        return Outcome.MISMATCH
    if existing.status is Status.IN_PROGRESS:
        abandoned = (lease is not None and existing.created_at is not None
                     and existing.created_at + lease <= now)
        return Outcome.PROCEED if abandoned else Outcome.IN_FLIGHT
    return Outcome.REPLAY


def storable(status: int) -> bool:
    """Only final answers are stored. A 5xx (service down, timeout) is not: the client's retry
    with the same key must get a real attempt once the service is back."""
    return status < 500


# Response headers kept with a stored response (the rest are per-response: trace, date).
REPLAYED_HEADERS = ("content-type", "location", "retry-after")
