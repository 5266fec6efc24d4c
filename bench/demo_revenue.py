"""The demo day's revenue cycle (issue 14): the day's claims go to the payers through the
clearinghouse sandbox that ``make run`` starts, each with a scenario set on the sandbox's
admin API (``PUT /admin/claims/{clm01}``) before it is sent:

- most are accepted (999 A, 277CA A2 with the payer's claim number) and paid in full;
- one is rejected by the 277CA (A7, invalid billing provider) and one by the 999 (IK5 R):
  fixed and sent again as a new frequency-1 version (CLM01 ``<account>-2``), then accepted
  and paid;
- one is short-paid (allowed well under the contract): it lands on the underpayment worklist;
- one is denied as not medically necessary (CO-50): an appeal is opened with the visit's
  note attached (a document) and filed.

The reimbursement exchange worker sends and fetches the mailbox on its own schedule, so the
demo waits by reading each claim's status through the gateway (bounded, no fixed sleeps).
The 835s come from the sandbox's mailbox and are posted by the worker, not by the demo.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

import httpx
from chairside_client.api.reimbursement import (
    get_claims_claim_id,
    get_reports_ar_aging,
    get_reports_cycle,
    get_underpayments,
    post_claim_appeals_appeal_id_documents,
    post_claim_appeals_appeal_id_file,
    post_claims_claim_id_appeals,
    post_claims_claim_id_submit,
)
from chairside_client.models import (
    GetUnderpaymentsStatus,
    ReimbursementAppealIn,
    ReimbursementAppealOut,
    ReimbursementArAgingOut,
    ReimbursementClaimOut,
    ReimbursementCycleReportOut,
    ReimbursementDocumentIn,
    ReimbursementDocumentOut,
    ReimbursementFileIn,
    ReimbursementUnderpaymentPage,
)

from bench.api import ApiError, Gateway
from bench.clinic import poll

PAID = {"remit": "paid"}
SCENARIOS: dict[str, dict[str, Any]] = {
    "paid": PAID,
    "rejected_277ca": {"status": "A7", "status_code": "562", "entity": "85"},
    "rejected_999": {"ack": "R"},  # IK5 R, IK3/IK4 on CLM01 (the sandbox's default error)
    "short_paid": {"remit": "short", "allowed_ratio": "0.1"},
    "denied": {"remit": "denied", "carc": "50", "rarc": "N115"},
}
# Who gets which story, in this order; every further claim is paid in full.
ROLES = ("paid", "rejected_277ca", "short_paid", "denied", "rejected_999")
SETTLED = {"paid", "partially_paid", "paid_zero", "denied"}
NOTE = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"  # a stand-in visit note


@dataclass
class Cycle:
    roles: dict[str, str] = field(default_factory=dict)  # claim id -> role
    claims: dict[str, dict] = field(default_factory=dict)  # claim id -> latest claim
    rejections: dict[str, list[str]] = field(default_factory=dict)  # id -> 999/277CA reasons
    appeals: list[dict] = field(default_factory=list)
    underpaid: list[dict] = field(default_factory=list)  # worklist lines of our claims
    report: dict = field(default_factory=dict)
    aging: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def with_role(self, *roles: str) -> list[dict]:
        return [self.claims[i] for i, r in self.roles.items() if r in roles]


async def claim(gw: Gateway, claim_id: str) -> dict:
    return (await gw.call(ReimbursementClaimOut, get_claims_claim_id.asyncio_detailed,
                          client=gw.as_(), claim_id=UUID(claim_id))).to_dict()


def assign(claims: Iterable[dict]) -> dict[str, str]:
    return {c["id"]: ROLES[n] if n < len(ROLES) else "paid" for n, c in enumerate(claims)}


async def run(gw: Gateway, clearinghouse: str, claims: list[dict], *,
              timeout_s: float = 120) -> Cycle:
    """Send ``claims`` (ready ones) through the clearinghouse and work what comes back."""
    cycle = Cycle(roles=assign(c for c in claims if c["status"] == "ready"))
    cycle.claims = {c["id"]: c for c in claims if c["id"] in cycle.roles}
    async with httpx.AsyncClient(base_url=clearinghouse, timeout=10) as sandbox:
        for claim_id, role in cycle.roles.items():
            account = cycle.claims[claim_id]["account_number"]
            await _scenario(sandbox, account, SCENARIOS[role])
            if role.startswith("rejected"):
                await _scenario(sandbox, f"{account}-2", PAID)  # the fixed version
    for claim_id in cycle.roles:
        await _submit(gw, cycle, claim_id)
    first = {i: ("rejected",) if r.startswith("rejected") else tuple(SETTLED)
             for i, r in cycle.roles.items()}
    await _wait(gw, cycle, first, timeout_s)
    for claim in cycle.with_role("rejected_277ca", "rejected_999"):
        if claim["status"] == "rejected":
            cycle.rejections[claim["id"]] = list(claim.get("rejection_reasons") or [])
            await _submit(gw, cycle, claim["id"])  # fixed: a new frequency-1 version
    await _wait(gw, cycle, {i: tuple(SETTLED) for i in cycle.rejections}, timeout_s)
    for claim in cycle.with_role("denied"):
        if claim["status"] == "denied":
            await _appeal(gw, cycle, claim)
    return cycle


async def _scenario(sandbox: httpx.AsyncClient, clm01: str, scenario: dict) -> None:
    r = await sandbox.put(f"/admin/claims/{clm01}", json=scenario)
    r.raise_for_status()


async def _submit(gw: Gateway, cycle: Cycle, claim_id: str, attempts: int = 6) -> None:
    """Submit; a 503 "retry later" (the service busy rendering and validating 837Ps on a
    loaded machine) is retried, with the same Idempotency-Key, after reading the claim: it
    may have gone out meanwhile (and a retry that hears "already submitted" means so too)."""
    before = cycle.claims[claim_id]["status"]
    versions = len(cycle.claims[claim_id].get("submissions") or [])
    key = os.urandom(12).hex()
    for attempt in range(attempts):
        try:
            cycle.claims[claim_id] = (await gw.call(
                ReimbursementClaimOut, post_claims_claim_id_submit.asyncio_detailed,
                client=gw.as_(), claim_id=UUID(claim_id), idempotency_key=key)).to_dict()
            return
        except ApiError as exc:
            if exc.status == 409 and attempt > 0:  # the try that answered 503 went through
                with contextlib.suppress(ApiError):
                    cycle.claims[claim_id] = await claim(gw, claim_id)
                return
            if exc.status != 503 or attempt == attempts - 1:
                cycle.problems.append(f"claim not submitted: {exc}")
                return
        await asyncio.sleep(2 ** attempt)
        with contextlib.suppress(ApiError):
            latest = await claim(gw, claim_id)
            cycle.claims[claim_id] = latest
            if latest["status"] != before or len(latest["submissions"]) > versions:
                return  # the first try went through after all


async def _wait(gw: Gateway, cycle: Cycle, wanted: dict[str, tuple[str, ...]],
                timeout_s: float) -> None:
    """Read the claims through the gateway until each reached one of its wanted statuses."""
    pending = dict(wanted)

    async def settled() -> bool:
        for claim_id in list(pending):
            latest = await claim(gw, claim_id)
            cycle.claims[claim_id] = latest
            if latest["status"] in pending[claim_id]:
                del pending[claim_id]
        return not pending

    if await poll(settled, timeout_s=timeout_s, interval_s=0.5) is None:
        cycle.problems += [f"claim {i[:8]} still {cycle.claims[i]['status']} after "
                           f"{timeout_s:.0f} s (is the exchange worker running?)"
                           for i in pending]


async def _appeal(gw: Gateway, cycle: Cycle, denied: dict) -> None:
    """Appeal the denial with the visit's note, and file it."""
    try:
        appeal = await gw.call(ReimbursementAppealOut,
                               post_claims_claim_id_appeals.asyncio_detailed,
                               client=gw.as_(), claim_id=UUID(denied["id"]),
                               body=ReimbursementAppealIn(reason=(
                                   "medically necessary: migraine refractory to oral therapy, "
                                   "see note")))
        doc = await gw.call(ReimbursementDocumentOut,
                            post_claim_appeals_appeal_id_documents.asyncio_detailed,
                            client=gw.as_(), appeal_id=appeal.id,
                            body=ReimbursementDocumentIn.from_dict({
                                "type_code": "11506-3", "type_display": "Progress note",
                                "content_type": "application/pdf",
                                "title": "Infusion visit note", "date": denied["service_date"],
                                "author_id": "Practitioner/demo",
                                "data": base64.b64encode(NOTE).decode()}))
        filed = await gw.call(ReimbursementAppealOut,
                              post_claim_appeals_appeal_id_file.asyncio_detailed,
                              client=gw.as_(), appeal_id=appeal.id, body=ReimbursementFileIn(
                                  payer_reference=f"RDT-{denied['account_number'][:8]}"))
        cycle.appeals.append({**filed.to_dict(), "document_ids": [str(doc.id)]})
        cycle.claims[denied["id"]] = await claim(gw, denied["id"])
    except ApiError as exc:
        cycle.problems.append(f"appeal not filed: {exc}")


async def read_reports(gw: Gateway, cycle: Cycle, day: str) -> None:
    """The underpayment worklist's lines for our claims, and the day's cycle reports."""
    on = date.fromisoformat(day)
    page = await gw.call(ReimbursementUnderpaymentPage, get_underpayments.asyncio_detailed,
                         client=gw.as_(), status=GetUnderpaymentsStatus.UNDERPAID, from_=on, to=on)
    lines = [x.to_dict() for x in page.items]
    cycle.underpaid = [x for x in lines if x["claim_id"] in cycle.roles]
    cycle.report = (await gw.call(ReimbursementCycleReportOut, get_reports_cycle.asyncio_detailed,
                                  client=gw.as_(), from_=on, to=on)).to_dict()
    cycle.aging = (await gw.call(ReimbursementArAgingOut, get_reports_ar_aging.asyncio_detailed,
                                 client=gw.as_(), from_=on, to=on)).to_dict()


def _pct(rate: str | None) -> str:
    return "n/a" if rate is None else f"{Decimal(rate):.1%}"


def figures(cycle: Cycle) -> dict[str, Any]:
    claims = list(cycle.claims.values())
    first_pass = [c for c in claims if (c.get("submissions") or [{}])[0].get("outcome")
                  == "accepted"]
    resent = [cycle.claims[i] for i in cycle.rejections]
    short = sum((-Decimal(x["variance"]) for x in cycle.underpaid), Decimal(0))
    denied = [c for c in claims if any(h["to_status"] == "denied" for h in c["history"])]
    r, aging = cycle.report, cycle.aging
    return {
        "claims sent to the clearinghouse": len(claims),
        "accepted first pass (999 A, 277CA A2)": len(first_pass),
        "rejected (999 / 277CA) → corrected → accepted": (
            f"{len(resent)} → {sum(1 for c in resent if len(c['submissions']) > 1)} → "
            f"{sum(1 for c in resent if c['submissions'][-1]['outcome'] == 'accepted')}"),
        "paid (835 from the clearinghouse)": sum(1 for c in claims if c["status"] == "paid"),
        "short-paid, on the underpayment worklist": (
            f"{len({x['claim_id'] for x in cycle.underpaid})} (${short:,.2f} short)"),
        "denied (CO-50)": len(denied),
        "appealed (filed with a document)": sum(
            1 for a in cycle.appeals if a["status"] == "filed" and a["document_ids"]),
        "clean-claim rate (cycle report)": _pct(r.get("clean_claim_rate")),
        "first-pass acceptance (cycle report)": _pct(r.get("first_pass_rate")),
        "denial rate (cycle report)": _pct(r.get("denial_rate")),
        "net collection rate (cycle report)": _pct(r.get("net_collection_rate")),
        "days in A/R (cycle report)": r.get("days_in_ar") or "n/a",
        "underpayment total (cycle report)": Decimal(r.get("underpayment_total") or 0),
        "A/R open (aging report)": (f"${Decimal(aging.get('total_outstanding') or 0):,.2f} in "
                                    f"{aging.get('total_claims', 0)} claims"),
    }
