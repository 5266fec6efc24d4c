"""Small real HTTP services standing in for orders, scheduling, authorization and
reimbursement in the gateway's tests (served by uvicorn on free ports, never patched).

They keep documents in memory, record every request they receive (so a test can prove that
nothing was forwarded), and deliberately do NOT filter by practice: the gateway must.
Appointments, authorizations and claims carry only `order_id`, so the gateway has to follow
the reference to the order (and the order to its patient) to find the owner.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

COLLECTIONS = {
    "orders": {"patients", "drugs", "protocols", "orders"},
    "scheduling": {"slots", "appointments", "board", "schedule", "chairs", "nurse-shifts",
                   "ratio-policy", "clinic-hours", "staffing"},
    "authorization": {"authorizations", "payers"},
    "reimbursement": {"claims", "remittances", "inventory", "fee-schedules", "reports",
                      "pricing", "underpayments", "claim-appeals"},
}
ACTION_STATUS = {"sign": "signed", "cancel": "cancelled", "complete": "completed",
                 "check-in": "checked_in", "start": "in_chair", "no-show": "no_show",
                 "submit": "submitted", "withdraw": "withdrawn", "move": "booked",
                 "decision": "denied"}


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


@dataclass
class FakeState:
    name: str
    docs: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    fail_with: list[int] = field(default_factory=list)  # statuses to answer next, in order
    fail_method: str | None = None  # only requests of this method fail (None: any)
    raw_answers: list[tuple[int, str, bytes]] = field(default_factory=list)  # status, type, body
    delay_s: float = 0.0
    singletons: dict[str, Any] = field(default_factory=dict)

    def put(self, collection: str, doc: dict[str, Any]) -> dict[str, Any]:
        doc = {"id": str(uuid.uuid4()), **doc}
        self.docs.setdefault(collection, {})[doc["id"]] = doc
        return doc

    def calls(self, method: str | None = None, prefix: str = "") -> list[Seen]:
        return [s for s in self.seen
                if (method is None or s.method == method) and s.path.startswith(prefix)]


def _problem(status: int, detail: str) -> Response:
    return Response(json.dumps({"type": "about:blank", "title": "error", "status": status,
                                "detail": detail}), status_code=status,
                    media_type="application/problem+json")


def make_service(name: str) -> tuple[FastAPI, FakeState]:
    state = FakeState(name)
    app = FastAPI()
    app.state.fake = state

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.api_route("/v1/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    async def handle(rest: str, request: Request) -> Response:
        body = await request.body()
        state.seen.append(Seen(request.method, request.url.path, dict(request.query_params),
                               {k.lower(): v for k, v in request.headers.items()}, body))
        if state.delay_s:
            await asyncio.sleep(state.delay_s)
        if state.fail_with and state.fail_method in (None, request.method):
            status = state.fail_with.pop(0)
            return _problem(status, f"{name} failing on purpose")
        if state.raw_answers:
            status, media_type, content = state.raw_answers.pop(0)
            return Response(content, status_code=status, media_type=media_type)
        doc = json.loads(body) if body and "json" in request.headers.get(
            "content-type", "") else None
        if request.method == "POST" and rest == "patients" and isinstance(doc, dict) \
                and not doc.get("practice_id"):
            # Like the real service: the caller's practice, else the clinic's.
            doc["practice_id"] = request.headers.get("x-chairside-practice-id", "demo-clinic")
        return route(state, request.method, rest.split("/"), dict(request.query_params), doc,
                     body, ids=request.query_params.getlist("id"))

    return app, state


def _page(items: list[dict[str, Any]], query: dict[str, str]) -> JSONResponse:
    """Like scheduling's lists: `?limit=`, and the last id of a full page as next_cursor."""
    start = 0
    if cursor := query.get("cursor"):
        ids = [i["id"] for i in items]
        if cursor not in ids:
            return _problem(422, "cursor: no such record")
        start = ids.index(cursor) + 1
    limit = int(query.get("limit", 1000))
    page = items[start:start + limit]
    more = start + limit < len(items)
    return JSONResponse({"items": page, "next_cursor": page[-1]["id"] if more else None})


def route(state: FakeState, method: str, parts: list[str], query: dict[str, str],
          doc: Any, raw: bytes, ids: list[str] | None = None) -> Response:
    col = parts[0]
    store = state.docs.setdefault(col, {})
    if method == "DELETE":
        store.pop(parts[-1], None)
        return Response(status_code=204)
    if col == "patients" and parts[-1] == "lookup":
        # Deliberately every patient, of every practice: the gateway must filter.
        return JSONResponse({"patient_ids": list(state.docs.get("patients", {}))})
    if col == "patients" and len(parts) == 3 and parts[2] == "eligibility" \
            and state.name == "authorization":
        if method == "GET":
            return JSONResponse({"items": [c for c in state.docs.get("eligibility", {}).values()
                                           if c.get("patient_id") == parts[1]],
                                 "next_cursor": None})
        return JSONResponse(state.put("eligibility", {"patient_id": parts[1],
                                                      "status": "active"}), status_code=201)
    if col == "billing-identity":
        if method == "PUT":
            state.singletons[col] = doc
        return JSONResponse(state.singletons.get(col, {"name": "fake"}))
    if parts[-1] == "ndc" and col == "claims" and parts[1] in store:
        return JSONResponse(store[parts[1]])
    if col == "claims" and parts[-1] == "timely-filing":
        return JSONResponse([])
    if col == "payer-claim-rules":
        return JSONResponse({"payer_id": parts[1], "payer_kind": None,
                             "timely_filing_days": None, "accepts_replacement_claims": True,
                             "updated_at": None})
    if col == "pricing":  # versioned contracts, fee schedules and the charge master
        if method == "POST":
            return JSONResponse({**(doc or {}), "version": 1}, status_code=201)
        if parts[-1] != "versions" and len(parts) > 2:
            return JSONResponse({"version": int(parts[-1]), "note": "fake"})
        return JSONResponse({"items": [], "next_cursor": None})
    if col == "purchasing":  # GPO contracts, WAC, invoices, reorder (the clinic's own)
        if method in ("POST", "PUT"):
            return JSONResponse({**(doc or {}), "note": "fake"},
                                status_code=201 if method == "POST" else 200)
        return JSONResponse({"items": [], "next_cursor": None, "note": "fake"})
    if col == "underpayments":
        if parts[-1] == "csv":
            return Response("claim_id,status\n", media_type="text/csv")
        return JSONResponse({"items": [], "total_variance": "0.00", "next_cursor": None})
    if col == "claims" and parts[-1] == "by-carc":
        return JSONResponse({"groups": [], "claims": 0, "amount": "0.00", "source": "fake",
                             "version": "fake"})
    if col == "claim-appeals":  # appeals: the clinic's own work, no practice to follow
        if parts[-1] == "content":
            return Response(b"note", media_type="text/plain")
        return JSONResponse({"id": parts[1], "status": "draft"},
                            status_code=201 if parts[-1] in ("escalate", "documents") else 200)
    if col == "catalog" or parts[-1] in ("versions", "denials", "metrics", "flags",
                                         "quarantine", "renewals"):
        return JSONResponse({"items": [], "note": "fake"})
    if col == "claims" and parts[-1] == "x12" and len(parts) == 2:
        return Response("ISA*00*~", media_type="text/plain")
    if col == "claims" and parts[1:] == ["credit-balances"]:
        return JSONResponse([])
    if col == "claims" and parts[1:] == ["credit-balances.csv"]:
        return Response("claim_id,payer_id,paid,due,credit,reason\n", media_type="text/csv")
    if col == "claims" and parts[-1] == "statement" and parts[1] in store:
        return Response(b"%PDF-1.4 fake", media_type="application/pdf")
    if col == "patients" and parts[-1] in ("outside-doses", "observations") and method == "GET":
        return JSONResponse({"items": [], "next_cursor": None})
    if col in ("ratio-policy", "clinic-hours"):
        if method == "PUT":
            state.singletons[col] = doc
        return JSONResponse(state.singletons.get(col, {"rules": []}))
    if col == "slots":
        return JSONResponse([{"chair_id": "chair-1", "start": "2026-03-02T14:00:00+00:00",
                              "end": "2026-03-02T15:30:00+00:00"}])
    if col == "board":
        chairs: dict[str, list[dict[str, Any]]] = {}
        for appt in state.docs.get("appointments", {}).values():
            chairs.setdefault(appt.get("chair_id") or "chair-1", []).append(appt)
        return JSONResponse({"date": query.get("date"), "utilization": "0.5",
                             "chairs": [{"id": c, "appointments": a} for c, a in chairs.items()]})
    if col == "staffing":
        if parts[-1] == "forecast.svg":
            return Response('<svg xmlns="http://www.w3.org/2000/svg"/>',
                            media_type="image/svg+xml")
        return JSONResponse({"week": query.get("week"), "days": [], "note": "fake"})
    if col == "schedule":
        return JSONResponse({"moves": [], "before": {}, "after": {}, "applied": False})
    if col == "reports" and parts[1].startswith("referrals"):
        return referral_report(query, csv_wanted=parts[1].endswith(".csv"))
    if col == "reports":
        return JSONResponse({"rows": []} if parts[1] == "margin" else {"buckets": []})
    if col == "remittances":
        return JSONResponse({"id": str(uuid.uuid4()), "bytes": len(raw)}, status_code=201)
    if col == "fee-schedules" and len(parts) > 1:
        return JSONResponse({"loaded": raw.count(b"\n")}, status_code=201)
    if col in ("chairs", "nurse-shifts", "inventory", "payers", "payer-enrollments") \
            and len(parts) == 2 and method == "PUT":
        return JSONResponse(state.put(col, {**(doc or {}), "id": parts[1]}))
    if col in ("drugs", "protocols", "payers", "payer-enrollments") and len(parts) == 2 \
            and method == "GET" \
            and parts[1] not in store:
        return JSONResponse(state.put(col, {"id": parts[1], "code": parts[1], "name": "x"}))
    if col == "payers" and len(parts) == 3:
        if method == "PUT":
            state.singletons[f"policies:{parts[1]}"] = doc
        return JSONResponse(state.singletons.get(f"policies:{parts[1]}", {"items": []}))
    if len(parts) == 1:
        if method == "GET":
            items = list(store.values())
            for key in ("order_id", "patient_id", "status"):
                if key in query:
                    items = [i for i in items if i.get(key) == query[key]]
            if ids:  # ?id=&id= (orders): only those
                items = [i for i in items if i.get("id") in ids]
            return _page(items, query)
        new = dict(doc or {})
        if col == "orders":
            patient = state.docs.get("patients", {}).get(new.get("patient_id", ""))
            if patient is None:
                return _problem(422, "unknown patient")
            new = {**new, "status": "draft", "findings": [], "authorization_status": "pending"}
        if col == "drugs":
            new.setdefault("code", str(uuid.uuid4())[:8])
        return JSONResponse(state.put(col, new), status_code=201)
    item = store.get(parts[1])
    if item is None and col in ("drugs", "observation-kinds") and method == "PUT":
        key = "code" if col == "drugs" else "kind"  # both are created by their PUT
        item = state.put(col, {**(doc or {}), key: parts[1]})
        return JSONResponse(item)
    if item is None:  # worded like the real services, naming the id it was asked for
        return _problem(404, f"{col.removesuffix('s')} {parts[1]} not found")
    if len(parts) == 2:
        if method in ("PATCH", "PUT"):
            item.update(doc or {})
        return JSONResponse(item)
    action = parts[2]
    if action == "x12":
        return Response(f"ISA*00*~CLM*{item['id']}~", media_type="text/plain")
    if action == "fhir":
        return Response(json.dumps({"resourceType": "Claim", "id": item["id"]}),
                        media_type="application/fhir+json")
    if action == "check":
        return JSONResponse({"findings": []})
    if action in ("overrides", "administrations", "outside-doses", "observations", "answers"):
        item.setdefault(action, []).append(doc)
        return JSONResponse({"id": str(uuid.uuid4()), **(doc or {})},
                            status_code=200 if action == "answers" else 201)
    if action in ACTION_STATUS:
        item["status"] = ACTION_STATUS[action]
        if col == "orders" and action == "complete":
            item["status"] = "administered"
    return JSONResponse(item)


def referral_report(query: dict[str, str], *, csv_wanted: bool) -> Response:
    """Like the reimbursement service, except that it does NOT filter by practice: a row of
    the practice asked for (or "demo-partner") and one of "practice-b" always; the gateway must
    drop the one that is not the caller's."""
    rows = [(query.get("practice_id") or "demo-partner", "3"), ("practice-b", "5")]
    if csv_wanted:
        return Response("practice_id,period_start,orders_received\n" + "".join(
            f"{p},2026-03-01,{n}\n" for p, n in rows), media_type="text/csv")
    return JSONResponse({"from": "2026-03-01", "to": "2026-03-31", "period": "month",
                         "practice_id": query.get("practice_id"),
                         "rows": [{"practice_id": p, "period_start": "2026-03-01",
                                   "orders_received": int(n)} for p, n in rows]})


def orders_app() -> FastAPI:
    """Factory for running the fake orders service as its own process (uvicorn --factory)."""
    app, state = make_service("orders")
    state.put("drugs", {"code": "ketorolac", "name": "Ketorolac"})
    return app
