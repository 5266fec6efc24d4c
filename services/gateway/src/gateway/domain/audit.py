"""Audit records of patient-data access: who, what, which resource, when, under which trace.

Only identifiers are recorded, never payloads, so the log itself holds no PHI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

_UUIDISH = re.compile(r"^[0-9a-fA-F-]{8,64}$")


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    client_id: str
    user_id: str | None
    practice_id: str | None
    action: str  # "<METHOD> <route template>", e.g. "GET /v1/patients/{patient_id}"
    resource_type: str | None
    resource_id: str | None
    status: int
    trace_id: str | None


def safe_id(value: Any) -> str | None:
    """Keep a value only if it looks like an identifier: an audit row must not become a place
    where a name or birth date slips in through a mistyped field."""
    if isinstance(value, str) and _UUIDISH.fullmatch(value):
        return value
    return None


def resource_ids(doc: Any) -> list[str]:
    """Ids of the resources a response shows: one document, or every item of a page."""
    if isinstance(doc, dict) and isinstance(doc.get("items"), list):
        ids = [safe_id(item.get("id")) for item in doc["items"] if isinstance(item, dict)]
        return [i for i in ids if i]
    if isinstance(doc, dict):
        one = safe_id(doc.get("id"))
        return [one] if one else []
    return []
