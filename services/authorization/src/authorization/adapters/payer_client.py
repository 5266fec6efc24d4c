"""The payer connector: PAS ``Claim/$submit`` and ``Claim/$inquire`` over httpx.

It never raises for payer trouble: every outcome is a ``PayerReply`` the handler records in the
case history (verbatim body included), so a bad or absent payer never crashes a handler or
leaves a half-written case. ``transient`` tells the poller whether trying again can help.
Logs carry case ids and payer ids only.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal

import httpx
from pydantic import BaseModel, SecretStr

from ..domain.case import PACase
from ..domain.case_parts import PayerDecision
from ..domain.errors import PayerResponseInvalid
from ..domain.identity import PasParties
from .pas_conformance import check
from .pas_request import build_bundle
from .pas_response import claim_responses, operation_outcome_text, read_decision

log = logging.getLogger(__name__)
FHIR_JSON = "application/fhir+json"


class PayerEndpoint(BaseModel):
    base_url: str  # FHIR base, e.g. http://127.0.0.1:8090/fhir
    token: SecretStr | None = None  # sent as a bearer token
    timeout_s: float = 10.0


class PayerReply(BaseModel):
    kind: Literal["decision", "error", "not_found"]
    decision: PayerDecision | None = None
    error: str | None = None
    transient: bool = False
    status_code: int | None = None
    raw: str | None = None


class PayerConnector:
    def __init__(
        self,
        endpoints: Mapping[str, PayerEndpoint],
        default: PayerEndpoint | None = None,
        *,
        client: httpx.AsyncClient | None = None,
        inquire_retries: int = 2,
        retry_backoff_s: float = 0.2,
    ) -> None:
        self._endpoints = dict(endpoints)
        self._default = default
        self._client = client or httpx.AsyncClient()
        self._own_client = client is None
        self._retries = inquire_retries
        self._backoff = retry_backoff_s

    def endpoint(self, payer_id: str) -> PayerEndpoint | None:
        return self._endpoints.get(payer_id, self._default)

    async def aclose(self) -> None:
        if self._own_client:
            await self._client.aclose()

    async def submit(self, case: PACase, parties: PasParties, now: datetime) -> PayerReply:
        try:
            bundle = build_bundle(case, parties, now)
        except ValueError as exc:  # not valid FHIR R4: a builder bug, never sent
            log.error("case %s: PAS request not built (%s)", case.id, type(exc).__name__)
            return PayerReply(kind="error", error="PAS request could not be built, not sent")
        issues = check(bundle)
        if issues:  # never send what a payer would refuse; a builder bug, not payer trouble
            log.error("case %s: PAS request not conformant (%d issues); not sent", case.id,
                      len(issues))
            return PayerReply(kind="error", error="PAS request not conformant, not sent: "
                              + "; ".join(f"{i.expression} {i.message}" for i in issues))
        reply = await self._post(case, "Claim/$submit", bundle)
        if reply.kind != "decision" or reply.raw is None:
            return reply
        return self._read(case, reply, expect_one=True)

    async def inquire(self, case: PACase, parties: PasParties, now: datetime) -> PayerReply:
        bundle = build_bundle(case, parties, now, inquiry=True)
        for attempt in range(self._retries + 1):
            reply = await self._post(case, "Claim/$inquire", bundle)
            if not (reply.kind == "error" and reply.transient) or attempt == self._retries:
                break
            await asyncio.sleep(self._backoff * 2**attempt)
        if reply.kind != "decision" or reply.raw is None:
            return reply
        return self._read(case, reply, expect_one=False)

    # ------------------------------------------------------------------ internals
    async def _post(self, case: PACase, op: str, bundle: dict[str, Any]) -> PayerReply:
        ep = self.endpoint(case.payer_id)
        if ep is None:
            return PayerReply(kind="error", error=f"no endpoint configured for payer "
                              f"{case.payer_id}")
        headers = {"Content-Type": FHIR_JSON, "Accept": FHIR_JSON}
        if ep.token is not None:
            headers["Authorization"] = f"Bearer {ep.token.get_secret_value()}"
        url = f"{ep.base_url.rstrip('/')}/{op}"
        try:
            resp = await self._client.post(url, content=json.dumps(bundle), headers=headers,
                                           timeout=ep.timeout_s)
        except httpx.TimeoutException:
            log.warning("payer %s timed out on %s for case %s", case.payer_id, op, case.id)
            return PayerReply(kind="error", error=f"{op}: timed out", transient=True)
        except httpx.TransportError as exc:
            log.warning("payer %s unreachable on %s for case %s", case.payer_id, op, case.id)
            return PayerReply(kind="error", error=f"{op}: unreachable ({type(exc).__name__})",
                              transient=True)
        raw = resp.text
        if resp.status_code >= 400:
            detail = raw[:500]
            try:
                doc = resp.json()
                if isinstance(doc, dict) and doc.get("resourceType") == "OperationOutcome":
                    detail = operation_outcome_text(doc)
            except ValueError:
                pass
            return PayerReply(kind="error", error=f"{op}: HTTP {resp.status_code}: {detail}",
                              transient=resp.status_code >= 500 or resp.status_code == 429,
                              status_code=resp.status_code, raw=raw)
        return PayerReply(kind="decision", status_code=resp.status_code, raw=raw)

    def _read(self, case: PACase, reply: PayerReply, expect_one: bool) -> PayerReply:
        base = {"status_code": reply.status_code, "raw": reply.raw}
        try:
            doc = json.loads(reply.raw or "")
            if not isinstance(doc, dict):
                raise PayerResponseInvalid(["the body is not a FHIR resource"])
            if doc.get("resourceType") == "OperationOutcome":
                return PayerReply(kind="error", error=operation_outcome_text(doc), **base)
            found = claim_responses(doc)
            if not found:
                if expect_one:
                    raise PayerResponseInvalid(["no ClaimResponse in the response Bundle"])
                return PayerReply(kind="not_found", **base)
            if expect_one and len(found) > 1:
                raise PayerResponseInvalid(["more than one ClaimResponse"])
            # For an inquiry, the answer about this request (payers may return history).
            mine = [cr for cr in found if cr.request and cr.request.identifier
                    and cr.request.identifier.value == case.request_identifier]
            return PayerReply(kind="decision", decision=read_decision((mine or found)[-1], case),
                              **base)
        except ValueError as exc:
            return PayerReply(kind="error", error=f"unreadable payer response: {exc}", **base)
        except PayerResponseInvalid as exc:
            return PayerReply(kind="error", error=str(exc), **base)
