"""The building blocks of the route table (table.py and its per-service parts): short names
so each part reads as a table, and one constructor."""

from __future__ import annotations

from typing import Any

from gateway.domain.routing import Access, Kind, Route

P, S, C, PUB = Access.PRACTICE, Access.SHARED, Access.CLINIC, Access.PUBLIC
L, I, CR, A, O, SE, RP = (Kind.LIST, Kind.ITEM, Kind.CREATE, Kind.ACTION,  # noqa: E741
                          Kind.OTHER, Kind.SEARCH, Kind.REPORT)


def route(method: str, path: str, upstream: str, scope: str | None, access: Access, kind: Kind,
          summary: str, **kw: Any) -> Route:
    return Route(method, path, upstream, scope, access, kind, summary, **kw)
