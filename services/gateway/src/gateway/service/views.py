"""Composed read views: one visit across the four services, and the day's board.

Each part is fetched concurrently; a part whose service is down comes back as
`{"unavailable": true, "service": ...}` and the rest of the view is still answered.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from gateway.adapters.upstream import Unavailable
from gateway.domain import access
from gateway.domain import problems as pb
from gateway.domain.audit import safe_id
from gateway.domain.routing import AUTHORIZATION, ORDERS, REIMBURSEMENT, SCHEDULING
from gateway.service.proxy import Call, Proxy, upstream_json, upstream_problem

_DOWN_STATUSES = (502, 503, 504)
BOARD_BATCH = 200  # orders' page limit


def _unavailable(service: str) -> dict[str, Any]:
    return {"unavailable": True, "service": service}


class Views:
    def __init__(self, proxy: Proxy, board_concurrency: int = 8) -> None:
        self.proxy = proxy
        self.board_concurrency = board_concurrency

    async def _get(self, service: str, path: str, call: Call,
                   params: Mapping[str, str | list[str]] | None = None) -> Any:
        """The JSON document, None when absent (404), or an `unavailable` marker."""
        try:
            resp = await self.proxy.fetch(service, "GET", path, call, params=params)
        except Unavailable:
            return _unavailable(service)
        if resp.status_code in _DOWN_STATUSES:
            return _unavailable(service)
        if resp.status_code == 404:
            return None
        problem = upstream_problem(service, resp)
        if problem is not None:
            raise problem
        try:
            return upstream_json(resp)
        except ValueError:
            return _unavailable(service)

    async def _first(self, service: str, path: str, order_id: str, call: Call) -> Any:
        """The order's case/appointment/claim: the first item a service lists for it."""
        params = {"order_id": order_id, "limit": "20"}
        if call.principal.practice_id:
            params["practice_id"] = call.principal.practice_id
        doc = await self._get(service, path, call, params)
        if not access.is_page(doc):
            return doc if isinstance(doc, dict) and doc.get("unavailable") else None
        # Only items that really belong to this order (and practice): never trust a filter.
        for item in doc["items"]:
            if not isinstance(item, dict) or item.get("order_id") != order_id:
                continue
            practice = item.get("practice_id")
            if call.principal.practice_id and practice not in (None, call.principal.practice_id):
                continue
            return item
        return None

    async def visit(self, order_id: str, call: Call) -> dict[str, Any]:
        order, authorization, appointment, claim = await asyncio.gather(
            self._get(ORDERS, f"/v1/orders/{order_id}", call),
            self._first(AUTHORIZATION, "/v1/authorizations", order_id, call),
            self._first(SCHEDULING, "/v1/appointments", order_id, call),
            self._first(REIMBURSEMENT, "/v1/claims", order_id, call),
        )
        if order is None:
            raise pb.not_found("no such order")
        if call.principal.is_bound:
            if isinstance(order, dict) and order.get("unavailable"):
                # Ownership cannot be proved without the order: refuse rather than guess.
                raise pb.service_unavailable(ORDERS, "5")
            owner = await self.proxy.practice_of(access.owner_of(order), call)
            if owner != call.principal.practice_id:
                raise pb.not_found("no such order")
        return {"order": order, "authorization": authorization, "appointment": appointment,
                "claim": claim}

    async def board(self, date: str | None, call: Call) -> dict[str, Any]:
        board = await self._get(SCHEDULING, "/v1/board", call,
                                {"date": date} if date else None)
        if board is None or (isinstance(board, dict) and board.get("unavailable")):
            raise pb.service_unavailable(SCHEDULING, "5")
        if not isinstance(board, dict):
            raise pb.Problem(502, "upstream-error", "the scheduling service sent a bad board")
        order_ids: list[str] = []
        for chair in board.get("chairs") or []:
            for appt in (chair.get("appointments") or []) if isinstance(chair, dict) else []:
                oid = safe_id(appt.get("order_id")) if isinstance(appt, dict) else None
                if oid and oid not in order_ids:
                    order_ids.append(oid)
        gate = asyncio.Semaphore(self.board_concurrency)

        async def batch(ids: list[str]) -> dict[str, Any]:
            """One call for up to BOARD_BATCH orders (orders' ``?id=``), not one each: a full
            day's board names hundreds (bench/network_load.py)."""
            async with gate:
                page = await self._get(ORDERS, "/v1/orders", call,
                                       {"id": ids, "limit": str(len(ids))})
            if isinstance(page, dict) and page.get("unavailable"):
                return dict.fromkeys(ids, page)
            if not access.is_page(page):
                return {}
            wanted = set(ids)  # never trust a filter: only the orders asked for
            return {o["id"]: o for o in page["items"]
                    if isinstance(o, dict) and o.get("id") in wanted}

        found = await asyncio.gather(*(batch(order_ids[i:i + BOARD_BATCH])
                                       for i in range(0, len(order_ids), BOARD_BATCH)))
        orders = {k: v for part in found for k, v in part.items()}
        return {**board, "orders": {o: orders[o] for o in order_ids if o in orders}}
