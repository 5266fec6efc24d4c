"""The sandbox clearinghouse: ``POST /x12`` takes a 270 and answers its 271; ``POST /x12/837``
takes an 837P batch and queues the 999 and 277CA a clearinghouse and payer would send back,
fetched by polling ``GET /x12/inbox`` and removed with ``DELETE /x12/inbox/{id}`` (a mailbox);
plus an admin API (per-claim scenarios: ``PUT /admin/claims/{clm01}``).

Real-time eligibility is one request, one response: the body is the X12 interchange
(``application/edi-x12``; ``text/plain`` is accepted too) and so is the answer. A 270 that is
not valid 005010X279A1 is answered with a 999 rejecting it (HTTP 200, as the X12 exchange
itself succeeded); a body that is not X12 at all gets a 400.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import PlainTextResponse

from . import claims as x837
from .config import Answer, ClaimScenario, SandboxConfig, demo_config
from .remit import build_835
from .store import Store
from .x12 import BadInquiry, build_271, build_999, read_270

X12_MEDIA = "application/edi-x12"


def _x12(text: str, status: int = 200) -> PlainTextResponse:
    return PlainTextResponse(text, status_code=status, media_type=X12_MEDIA)


def create_app(config: SandboxConfig | None = None) -> FastAPI:
    app = FastAPI(title="Chairside clearinghouse sandbox (X12 270/271)", version="1.0")
    app.state.config = config or demo_config()
    app.state.store = Store()

    def cfg() -> SandboxConfig:
        return app.state.config

    def store() -> Store:
        return app.state.store

    @app.post("/x12")
    async def exchange(request: Request) -> PlainTextResponse:
        token = cfg().required_token
        if token and request.headers.get("authorization") != f"Bearer {token}":
            raise HTTPException(401, "missing or wrong bearer token")
        try:
            text = (await request.body()).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise HTTPException(400, "body is not text") from exc
        if not text.lstrip().startswith("ISA"):
            raise HTTPException(400, "body is not an X12 interchange (no ISA)")
        text = text.lstrip()
        now = datetime.now(UTC)
        s = store()
        try:
            inq = read_270(text)
        except BadInquiry as exc:
            async with s.lock:
                s.inquiries.append({"at": now.isoformat(), "outcome": "999", "error": exc.where})
                control = s.next_control()
            sender = text[35:50].strip() if len(text) > 50 else "UNKNOWN"
            return _x12(build_999(st_control=exc.st_control, gs_control=exc.gs_control,
                                  receiver=sender or "UNKNOWN", me=cfg().interchange_id,
                                  control=control, usage="T", now=now))
        answer = cfg().answer_for(inq.member_id)
        delay = cfg().latency_ms + answer.latency_ms
        if delay:
            await asyncio.sleep(delay / 1000)
        async with s.lock:
            member = inq.member_id or ""
            s.per_member[member] += 1
            busy = s.per_member[member] <= answer.retry_later_first
            outcome = "AAA42" if busy else (
                f"AAA{answer.aaa_code}" if answer.status == "rejected" else answer.status)
            s.inquiries.append({"at": now.isoformat(), "member_id": member,
                                "payer_id": inq.payer_id, "provider_npi": inq.provider_npi,
                                "service_date": inq.service_date,
                                "service_types": list(inq.service_types),
                                "dependent": inq.dependent is not None, "trace": inq.trace,
                                "outcome": outcome})
            control = s.next_control()
        return _x12(build_271(inq, answer, me=cfg().interchange_id, control=control, now=now,
                              aaa_code="42" if busy else None))

    def authorized(request: Request) -> None:
        token = cfg().required_token
        if token and request.headers.get("authorization") != f"Bearer {token}":
            raise HTTPException(401, "missing or wrong bearer token")

    @app.post("/x12/837", status_code=202)
    async def claims_batch(request: Request) -> dict[str, Any]:
        """Take an 837P batch; its 999 (and 277CA for what the 999 let through) go to the
        inbox. 202: received, answers follow by polling."""
        authorized(request)
        try:
            batch = x837.read_837((await request.body()).decode("utf-8"))
        except (UnicodeDecodeError, x837.NotAnInterchange) as exc:
            raise HTTPException(400, str(exc)) from exc
        now = datetime.now(UTC)
        s = store()
        async with s.lock:
            control = s.next_control()
            ack = x837.build_999(batch, cfg(), control=control, now=now)
            s.deliver("999", ack, now)
            payer_sees = x837.accepted_claims(batch, cfg())
            icns: dict[str, str] = {}
            if payer_sees:
                control = s.next_control()
                text, icns = x837.build_277ca(batch, payer_sees, cfg(), control=control,
                                              now=now)
                s.deliver("277CA", text, now)
                paid = [(c, icns[c.clm01]) for c in payer_sees if c.clm01 in icns]
                control = s.next_control()
                remittance = build_835(batch, paid, cfg(), control=control, now=now)
                if remittance is not None:
                    s.deliver("835", remittance, now)
            record = {"id": len(s.batches) + 1, "at": now.isoformat(),
                      "gs_control": batch.gs_control, "errors": batch.pyx12_errors,
                      "claims": [{"clm01": c.clm01, "frequency": c.frequency,
                                  "original_icn": c.original_icn, "icn": icns.get(c.clm01)}
                                 for st in batch.sets for c in st.claims]}
            s.batches.append(record)
        return record

    @app.get("/x12/inbox")
    async def inbox(request: Request) -> dict[str, Any]:
        """Files waiting for the submitter, oldest first: {id, kind, created_at, text}."""
        authorized(request)
        return {"items": list(store().inbox.values())}

    @app.delete("/x12/inbox/{file_id}", status_code=204)
    async def take(file_id: str, request: Request) -> None:
        authorized(request)
        if store().inbox.pop(file_id, None) is None:
            raise HTTPException(404, f"no file {file_id} in the inbox")

    # ------------------------------------------------------------------ admin
    @app.put("/admin/claims/{clm01}")
    async def put_claim(clm01: str, scenario: ClaimScenario) -> dict[str, Any]:
        claims = {**cfg().claims, clm01: scenario}
        app.state.config = cfg().model_copy(update={"claims": claims})
        return scenario.model_dump(mode="json")

    @app.get("/admin/batches")
    async def batches() -> dict[str, Any]:
        return {"items": store().batches}

    @app.post("/admin/inbox", status_code=201)
    async def drop(request: Request) -> dict[str, Any]:
        """Put a file in the inbox as the payer would (an 835, a late 277CA, a broken file)."""
        kind = request.headers.get("x-file-kind", "835")
        s = store()
        async with s.lock:
            return s.deliver(kind, (await request.body()).decode("utf-8"), datetime.now(UTC))

    @app.get("/admin/config")
    async def get_config() -> dict[str, Any]:
        return cfg().model_dump(mode="json")

    @app.put("/admin/config")
    async def put_config(new: SandboxConfig) -> dict[str, Any]:
        app.state.config = new
        return new.model_dump(mode="json")

    @app.put("/admin/members/{member_id}")
    async def put_member(member_id: str, answer: Answer) -> dict[str, Any]:
        members = {**cfg().members, member_id: answer}
        app.state.config = cfg().model_copy(update={"members": members})
        store().per_member.pop(member_id, None)
        return answer.model_dump(mode="json")

    @app.delete("/admin/members/{member_id}", status_code=204)
    async def delete_member(member_id: str) -> None:
        if member_id not in cfg().members:
            raise HTTPException(404, f"no answer configured for member {member_id}")
        members = {k: v for k, v in cfg().members.items() if k != member_id}
        app.state.config = cfg().model_copy(update={"members": members})

    @app.get("/admin/inquiries")
    async def inquiries() -> dict[str, Any]:
        return {"items": store().inquiries}

    @app.post("/admin/reset")
    async def reset() -> dict[str, str]:
        store().reset()
        return {"status": "reset"}

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz() -> dict[str, str]:
        return {"status": "ready"}

    return app
