"""Steps of the claim cycle through the public API, for test_claim_cycle.py: a visit given and
billed, the payer's behaviour set on the clearinghouse sandbox (its own admin API: a payer is
outside the clinic), and the claim watched until the exchange worker has applied its answers.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

import httpx
from chairside_client.api.orders import (
    post_orders_order_id_administrations,
    post_orders_order_id_complete,
)
from chairside_client.api.reimbursement import (
    post_claims_claim_id_replace,
    post_claims_claim_id_submit,
    post_claims_claim_id_void,
)
from chairside_client.api.scheduling import (
    post_appointments_appointment_id_check_in,
    post_appointments_appointment_id_start,
)
from chairside_client.models import (
    OrdersAdministrationIn,
    OrdersAdministrationOut,
    OrdersCompleteIn,
    OrdersOrderOut,
    ReimbursementClaimActionIn,
    ReimbursementClaimOut,
    SchedulingAppointmentOut,
    SchedulingCheckInOut,
)

from bench import people

from .client import Api, ApiError, until
from .visits import (
    STOCK,
    SUPERVISOR,
    chair_time_completed,
    claim_now,
    discharge_ready,
    give,
    new_order,
    new_patient,
    sign,
    status_of,
    visit_when,
)

# One ketorolac push: the shortest visit that bills an administration and a drug line.
KETOROLAC = [{"sequence": 1, "drug_code": "ketorolac", "dose": "30", "dose_unit": "mg",
              "mode": "push", "minutes": 1}]


async def ready_claim(api: Api, payer: dict, *, patient: dict | None = None,
                      given_at: datetime | None = None) -> dict:
    """A patient (unless given) ordered, booked, given the push and billed: the ready claim.
    ``given_at``: when the push was given, as recorded late (a date of service long ago)."""
    patient = patient or await new_patient(api, payer=payer, demographics=people.demographics(
        "female"))
    draft = await new_order(api, patient["id"], KETOROLAC, payer=payer)
    await sign(api, draft["id"])
    v = await visit_when(api, draft["id"], lambda v: status_of(v["appointment"]) == "booked"
                         and v["order"]["status"] == "scheduled", "booked",
                         who="demo-partner")
    if given_at is None:
        await give(api, v["order"], v["appointment"]["id"])
    else:
        await give_at(api, v["order"], v["appointment"]["id"], given_at)
    v = await visit_when(api, draft["id"], lambda v: v["claim"] is not None
                         and v["claim"]["status"] == "ready", "claim ready")
    return v["claim"]


async def give_at(api: Api, order: dict, appointment_id: str, at: datetime) -> None:
    """The one-line visit of ``order`` with its push recorded as given at ``at``."""
    staff, appointment, order_id = await api.as_(), UUID(appointment_id), UUID(order["id"])
    await api.call(SchedulingCheckInOut, post_appointments_appointment_id_check_in.asyncio_detailed,
                   client=staff, appointment_id=appointment)
    await api.call(SchedulingAppointmentOut,
                   post_appointments_appointment_id_start.asyncio_detailed,
                   client=staff, appointment_id=appointment)
    [line] = order["lines"]
    ndc, lot = STOCK[line["drug_code"]]
    await api.call(OrdersAdministrationOut, post_orders_order_id_administrations.asyncio_detailed,
                   client=staff, order_id=order_id, body=OrdersAdministrationIn.from_dict({
                       "line_sequence": line["sequence"], "started_at": at.isoformat(),
                       "stopped_at": (at + timedelta(minutes=1)).isoformat(),
                       "dose_given": line["dose"], "dose_unit": line["dose_unit"], "ndc": ndc,
                       "lot": lot, "wasted_amount": "0"}))
    await discharge_ready(api, order, min(at, datetime.now(UTC)) - timedelta(minutes=5))
    await api.call(OrdersOrderOut, post_orders_order_id_complete.asyncio_detailed,
                   client=staff, order_id=order_id,
                   body=OrdersCompleteIn(rendering_provider_npi=SUPERVISOR.npi,
                                         supervising_practitioner_id=SUPERVISOR.id))
    await chair_time_completed(api, appointment_id)


async def scenario(stack, clm01: str, **answer: Any) -> None:
    """What the clearinghouse and the payer answer about the claim sent as ``clm01``."""
    async with httpx.AsyncClient(base_url=stack.clearinghouse_url) as http:
        r = await http.put(f"/admin/claims/{clm01}", json=answer)
        assert r.status_code == 200, r.text


async def sent_batches(stack) -> list[dict]:
    """What the clearinghouse received (per batch: CLM01, frequency, REF*F8, ICN given)."""
    async with httpx.AsyncClient(base_url=stack.clearinghouse_url) as http:
        return (await http.get("/admin/batches")).json()["items"]


async def submit(api: Api, claim_id: str, action: str = "submit",
                 body: dict | None = None) -> dict:
    """POST .../submit (or replace / void). The call sends the 837P to the clearinghouse
    before it answers; on a loaded machine that can outlast the gateway's upstream timeout
    (503) while the service finishes it: then the claim is read until the new version shows."""
    before = len((await claim_now(api, claim_id))["submissions"])
    staff, claim = await api.as_(), UUID(claim_id)
    try:
        if action == "submit":
            return await api.wire(ReimbursementClaimOut,
                                  post_claims_claim_id_submit.asyncio_detailed,
                                  client=staff, claim_id=claim)
        op = {"replace": post_claims_claim_id_replace,
              "void": post_claims_claim_id_void}[action].asyncio_detailed
        return await api.wire(ReimbursementClaimOut, op, client=staff, claim_id=claim,
                              body=ReimbursementClaimActionIn.from_dict(body or {}))
    except ApiError as exc:
        if exc.status != 503:
            raise
    return await claim_when(api, claim_id, {"submitted", "accepted", "rejected", "paid",
                                            "partially_paid", "paid_zero", "denied", "corrected",
                                            "voided"},
                            "submitted (after a 503)",
                            also=lambda c: len(c["submissions"]) > before)


async def claim_when(api: Api, claim_id: str, statuses: set[str], what: str, *,
                     timeout_s: float = 20, also=lambda c: True) -> dict:
    """The claim once the exchange worker (or a posting) has brought it to ``statuses``."""
    seen: list[dict] = []

    async def check():
        c = await claim_now(api, claim_id)
        seen[:] = [c]
        return c if c["status"] in statuses and also(c) else None
    try:
        return await until(check, timeout_s=timeout_s, interval_s=0.2,
                           what=f"claim {claim_id}: {what}")
    except AssertionError as exc:
        last = seen[0] if seen else {}
        raise AssertionError(f"{exc}; claim status {last.get('status')}, cob "
                             f"{last.get('cob')}, reasons {last.get('rejection_reasons')}, "
                             f"reviews {last.get('reviews')}") from None


def segments(x12: str) -> list[str]:
    return [s.strip() for s in x12.replace("\r", "").split("~") if s.strip()]


def money(value: str | None) -> Decimal:
    return Decimal(value or "0")


def new_control() -> int:
    return uuid.uuid4().int % 900_000_000 + 1


def remit(claim: dict, payee: str, clps: list, *, trace: str | None = None,
          plb: tuple = ()) -> str:
    """An 835 from the payer of ``claim`` written with the service's own 835 writer."""
    from reimbursement.adapters.x12.write_835 import RemitSpec, write_835

    spec = RemitSpec(f"PAYER {claim['payer_id'].upper()}", "PAYER1", "CHAIRSIDE", payee,
                     trace or f"EFT{uuid.uuid4().hex[:10].upper()}", date.today(), clps,
                     provider_adjustments=plb)
    return write_835(spec, control_number=new_control(), created_at=datetime.now(UTC))


def clp(claim: dict, status: str, *, paid: dict[int, Decimal] | None = None,
        adjust=None, sign: int = 1, remarks: tuple[str, ...] = (), icn: str = "") -> Any:
    """One CLP for ``claim``: each line paid ``paid[number]`` (default its allowed less 20 %
    coinsurance), ``adjust(line, paid)`` giving its CAS (default CO-45 + PR-2)."""
    from reimbursement.adapters.x12.write_835 import ClpSpec, SvcSpec

    services = []
    for ln in claim["lines"]:
        charge, allowed = money(ln["charge"]), money(ln["allowed"])
        coins = (allowed * Decimal("0.2")).quantize(Decimal("0.01"))
        pays = (paid or {}).get(ln["number"], allowed - coins)
        cas = adjust(ln, pays) if adjust else [("CO", "45", charge - allowed),
                                               ("PR", "2", allowed - pays)]
        services.append(SvcSpec(ln["code"], charge, pays, [c for c in cas if c[2]],
                                tuple(ln["modifiers"]), ln["units"], allowed,
                                remarks=remarks))
    return ClpSpec(claim["account_number"], status, services, payer_claim_number=icn,
                   service_date=date.fromisoformat(claim["service_date"]), sign=sign,
                   remarks=remarks)


async def post_835(api: Api, text: str, expect: int | tuple[int, ...] = 201) -> dict:
    # Raw HTTP: the typed client has no text uploads (KNOWN_GAPS, services/gateway/tools/client.py)
    r = await api.request("POST", "/v1/remittances", content=text, expect=expect,
                          headers={"content-type": "text/plain"})
    return r.json()
