"""The gateway's own admin routes: the audit log and signing-key rotation."""

from __future__ import annotations

from typing import Any

from gateway.adapters import repository as repo

AUDIT_PATH = "/v1/audit"


async def audit_page(gw: Any, query: dict[str, str]) -> dict[str, Any]:
    limit = int(query.get("limit", "50"))
    cursor = query.get("cursor")
    # Make entries from requests just answered visible to the admin reading the log.
    await gw.audit.flush()
    async with gw.sessions() as s:
        rows = await repo.query_audit(s, resource_id=query.get("resource_id"),
                                      client_id=query.get("client_id"),
                                      after_id=int(cursor) if cursor else None, limit=limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    items = [{**r, "at": r["at"].isoformat()} for r in rows]
    return {"items": items, "next_cursor": str(rows[-1]["id"]) if more and rows else None}


async def rotate_keys(gw: Any) -> dict[str, Any]:
    await gw.tokens.rotate()
    keys: dict[str, Any] = gw.tokens.jwks()
    return keys
