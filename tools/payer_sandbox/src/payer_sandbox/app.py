"""The sandbox payer: FHIR ``Claim/$submit`` and ``Claim/$inquire`` plus a small admin API.

A resubmission with the same Claim.identifier returns the stored answer instead of deciding
again (a payer de-duplicates by trace number), so a client may safely retry a $submit whose
answer it never received. Error outcomes are not stored, so a retry can succeed once the rule
changes.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, Literal

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from .config import SandboxConfig, demo_config
from .conformance import pas_issues
from .fhir import (
    BadRequest,
    claim_response,
    inquiry_parameters,
    operation_outcome,
    read_request,
    refusal,
    response_bundle,
    utcnow,
)
from .store import ClaimRecord, ClaimStore

FHIR_JSON = "application/fhir+json"


def _fhir(doc: dict[str, Any], status: int = 200) -> JSONResponse:
    return JSONResponse(doc, status_code=status, media_type=FHIR_JSON)


class Decide(BaseModel):
    outcome: Literal["approve", "deny"]
    reason: str | None = None


def create_app(config: SandboxConfig | None = None) -> FastAPI:
    app = FastAPI(title="Chairside payer sandbox (Da Vinci PAS)", version="1.0")
    app.state.config = config or demo_config()
    app.state.store = ClaimStore(app.state.config.auth_number_prefix)

    def cfg() -> SandboxConfig:
        return app.state.config

    def store() -> ClaimStore:
        return app.state.store

    def _unauthorized(request: Request) -> JSONResponse | None:
        token = cfg().required_token
        if token and request.headers.get("authorization") != f"Bearer {token}":
            return _fhir(operation_outcome("missing or wrong bearer token", "login"), 401)
        return None

    async def _body(request: Request) -> dict[str, Any]:
        try:
            doc = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError) as exc:
            raise BadRequest("body is not JSON") from exc
        if not isinstance(doc, dict):
            raise BadRequest("body is not a FHIR resource")
        return doc

    async def _sleep(ms: int) -> None:
        if ms:
            await asyncio.sleep(ms / 1000)

    def _decide(rec: ClaimRecord, outcome: str, reason: str | None = None) -> None:
        now = utcnow()
        rule = rec.rule if reason is None else rec.rule.model_copy(update={"deny_reason": reason})
        if outcome == "approve" and rec.auth_number is None:
            rec.auth_number = store().next_auth_number()
        rec.state = outcome
        rec.response = claim_response(rec.facts, rule, outcome, rec.auth_number, now)
        rec.history.append({"at": now.isoformat(), "state": outcome})

    @app.post("/fhir/Claim/$submit")
    async def submit(request: Request) -> JSONResponse:
        if denied := _unauthorized(request):
            return denied
        try:
            doc = await _body(request)
            facts = read_request(doc)
        except BadRequest as exc:
            return _fhir(operation_outcome(str(exc), expression=exc.expression), 400)
        if cfg().enforce_pas_profiles and (issues := pas_issues(doc)):
            store().requests.append({"op": "submit-refused", "identifier": facts["identifier"],
                                     "issues": [e for e, _ in issues]})
            return _fhir(refusal(issues), 400)
        rule = cfg().match(facts)
        await _sleep(cfg().latency_ms + rule.latency_ms)
        s = store()
        async with s.lock:
            s.requests.append({"op": "submit", "identifier": facts["identifier"],
                               "rule": rule.name})
            rec = s.claims.get(facts["identifier"])
            if rec is not None:
                rec.submissions += 1
                return _fhir(response_bundle(rec.response, utcnow()))
            if rule.outcome == "error":
                return _fhir(operation_outcome(rule.error_text, "transient"), rule.error_status)
            now = utcnow()
            rec = ClaimRecord(identifier=facts["identifier"], facts=facts, rule=rule,
                              state="pend", auth_number=None, received_at=now, response={})
            _decide(rec, rule.outcome)
            s.claims[rec.identifier] = rec
            return _fhir(response_bundle(rec.response, now))

    @app.post("/fhir/Claim/$inquire")
    async def inquire(request: Request) -> JSONResponse:
        if denied := _unauthorized(request):
            return denied
        try:
            facts = read_request(await _body(request))
        except BadRequest as exc:
            return _fhir(operation_outcome(str(exc), expression=exc.expression), 400)
        await _sleep(cfg().latency_ms)
        s = store()
        async with s.lock:
            s.requests.append({"op": "inquire", "identifier": facts["identifier"]})
            rec = s.claims.get(facts["identifier"])
            if rec is None:
                return _fhir(inquiry_parameters([]))
            rec.inquiries += 1
            if rec.state == "pend":
                waited = (utcnow() - rec.received_at).total_seconds()
                r = rec.rule
                by_time = r.pend_seconds is not None and waited >= r.pend_seconds
                by_count = r.pend_seconds is None and rec.inquiries >= r.pend_inquiries
                if by_time or by_count:
                    _decide(rec, r.pend_then)
            return _fhir(inquiry_parameters([response_bundle(rec.response, utcnow())]))

    # ------------------------------------------------------------------ admin
    @app.get("/admin/config")
    async def get_config() -> dict[str, Any]:
        return cfg().model_dump(mode="json")

    @app.put("/admin/config")
    async def put_config(new: SandboxConfig) -> dict[str, Any]:
        app.state.config = new
        store().auth_prefix = new.auth_number_prefix
        return new.model_dump(mode="json")

    @app.get("/admin/claims")
    async def list_claims() -> dict[str, Any]:
        return {"items": [r.summary() for r in store().claims.values()],
                "requests": store().requests}

    @app.post("/admin/claims/{identifier}/decide")
    async def decide(identifier: str, body: Decide) -> dict[str, Any]:
        s = store()
        async with s.lock:
            rec = s.claims.get(identifier)
            if rec is None:
                raise HTTPException(404, f"no claim {identifier}")
            if rec.state != "pend":
                raise HTTPException(409, f"claim {identifier} is already decided")
            _decide(rec, body.outcome, body.reason)
            return rec.summary()

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
