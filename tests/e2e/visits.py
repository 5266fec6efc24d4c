"""One visit's steps through the public API, as the front end and a partner practice take
them. Drug data are the seeded catalog's; NDCs and lots are the reimbursement demo stock."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from chairside_client.api.authorization import (
    get_authorizations_authorization_id,
    post_authorizations_authorization_id_answers,
    post_authorizations_authorization_id_decision,
    post_authorizations_authorization_id_submit,
)
from chairside_client.api.gateway import get_board, get_visits_order_id
from chairside_client.api.orders import (
    post_orders,
    post_orders_order_id_administrations,
    post_orders_order_id_complete,
    post_orders_order_id_discharge,
    post_orders_order_id_escort,
    post_orders_order_id_sign,
    post_orders_order_id_vitals,
    post_patients,
)
from chairside_client.api.reimbursement import (
    get_billing_identity,
    get_claims_claim_id,
    get_claims_claim_id_x12,
    get_reports_margin,
    post_claims_claim_id_submit,
)
from chairside_client.api.scheduling import (
    get_appointments_appointment_id,
    post_appointments_appointment_id_check_in,
    post_appointments_appointment_id_start,
)
from chairside_client.models import (
    AuthorizationAuthorization,
    AuthorizationAuthorizationAnswers,
    AuthorizationPayerDecisionIn,
    Board,
    OrdersAdministrationIn,
    OrdersAdministrationOut,
    OrdersCompleteIn,
    OrdersDischargeCheckIn,
    OrdersDischargeOut,
    OrdersEscortIn,
    OrdersEscortOut,
    OrdersOrderCreate,
    OrdersOrderOut,
    OrdersPatientCreate,
    OrdersPatientOut,
    OrdersVitalsIn,
    OrdersVitalsOut,
    ReimbursementBillingIdentityOut,
    ReimbursementClaimOut,
    ReimbursementMarginReport,
    SchedulingAppointmentOut,
    SchedulingCheckInOut,
    Visit,
)

from bench import people
from bench.people import CENTER_SUPERVISORS, PARTNER_ORDERERS

from .client import Api, ApiError, until

# The orders demo seed's practitioners (fixed ids, valid NPIs, NUCC taxonomies): the center's
# neurologist supervises the infusions (incident-to: the rendering provider, 2310B) and orders
# for the clinic; the partner practice's neurologist orders its referrals (2420E).
SUPERVISOR = CENTER_SUPERVISORS[0]
CENTER_ORDERER = CENTER_SUPERVISORS[1]
PARTNER_ORDERER = PARTNER_ORDERERS[0]
NPI = SUPERVISOR.npi  # the rendering provider on the claim
# Made-up member ids in each payer's format (Medicare: an MBI).
MEDICARE = {"payer_id": "medicare", "member_id": "2QT4JK7RD85", "plan_id": "part-b"}
MEDICAID = {"payer_id": "river-medicaid", "member_id": "RM7730001", "plan_id": "river-mco"}


def medicare(plan_id: str | None = "part-b") -> dict:
    """A Traditional Medicare member of their own (a fresh MBI); ``plan_id=None`` sends the
    order without a plan, as the contract allows (Medicare's only plan is then used)."""
    return {"payer_id": "medicare", "member_id": people.mbi(),
            **({"plan_id": plan_id} if plan_id else {})}


def summit(member_id: str) -> dict:
    """The commercial demo payer whose eptinezumab policy needs PA. The payer sandbox steers
    its answer by member id: PEND-* pends (approves on the 2nd inquiry), DENY-* denies."""
    return {"payer_id": "summit-health", "member_id": member_id, "plan_id": "summit-ppo"}


# drug code -> (NDC, lot) of the reimbursement demo stock
STOCK = {
    "magnesium": ("99207000125", "D00A"), "ketorolac": ("99207000225", "D01A"),
    "prochlorperazine": ("99207000310", "D02A"), "diphenhydramine": ("99207000425", "D03A"),
    "eptinezumab": ("99207000901", "D08A"),
}

# Worked example 1 of shared/domain/prior-auth-billing.md (B1): magnesium 2 g over 30 min,
# then ketorolac, prochlorperazine and diphenhydramine pushes.
COCKTAIL = [
    {"sequence": 1, "drug_code": "magnesium", "dose": "2000", "dose_unit": "mg",
     "mode": "infusion", "minutes": 30},
    {"sequence": 2, "drug_code": "ketorolac", "dose": "30", "dose_unit": "mg", "mode": "push",
     "minutes": 1},
    {"sequence": 3, "drug_code": "prochlorperazine", "dose": "10", "dose_unit": "mg",
     "mode": "push", "minutes": 2},
    {"sequence": 4, "drug_code": "diphenhydramine", "dose": "25", "dose_unit": "mg",
     "mode": "push", "minutes": 2},
]
EPTINEZUMAB = [{"sequence": 1, "drug_code": "eptinezumab", "dose": "100", "dose_unit": "mg",
                "mode": "infusion", "minutes": 35}]
# Documentation the summit-health J3032 policy asks for (criteria met).
PA_ANSWERS = {
    "J3032.baseline-migraine-days": 10,
    "J3032.failed-preventive-classes": ["beta-blocker", "tca-snri"],
    "J3032.prescriber-specialty": "neurology",
    "J3032.concurrent-cgrp-antibody": False,
}


def mrn() -> str:
    return f"E2E-{uuid.uuid4().hex[:10]}"


async def new_patient(api: Api, *, birth_date: str = "1984-06-02", sex: str = "female",
                      weight_kg: float = 64, who: str = "demo-partner",
                      payer: dict | None = MEDICARE, coverage: dict | None = None,
                      demographics: dict | None = None, **facts: Any) -> dict:
    """A patient with invented demographics (a home address, never the clinic's) and, when
    ``payer`` is given, a coverage with that payer (the order's payer picks it): the patient
    is the subscriber unless ``coverage`` (bench.people.coverage) says otherwise."""
    body = {"mrn": mrn(), "birth_date": birth_date, "sex": sex, "weight_kg": weight_kg, **facts,
            "demographics": demographics or people.demographics(sex)}
    if coverage is not None or payer is not None:
        body["coverages"] = [coverage or people.coverage(payer)]  # type: ignore[arg-type]
    return await api.wire(OrdersPatientOut, post_patients.asyncio_detailed,
                          client=await api.as_(who), body=OrdersPatientCreate.from_dict(body))


async def new_order(api: Api, patient_id: str, lines: list[dict], *, urgency: str = "same_day",
                    payer: dict | None = None, diagnosis: tuple[str, ...] = ("G43.109",),
                    window: tuple[datetime, datetime] | None = None,
                    who: str = "demo-partner", ordering: str | None = None) -> dict:
    """A draft order; ``ordering`` is the ordering practitioner's id (by default the partner's
    neurologist for a partner's order, the center's headache specialist for the center's)."""
    body: dict[str, Any] = {"patient_id": patient_id, "urgency": urgency,
                            "diagnosis": list(diagnosis), "lines": lines,
                            "ordering_practitioner_id": ordering or str(
                                (PARTNER_ORDERER if who == "demo-partner" else CENTER_ORDERER).id)}
    if payer:
        body["payer"] = payer
    if window:
        body["requested_window"] = {"from": window[0].isoformat(), "to": window[1].isoformat()}
    return await api.wire(OrdersOrderOut, post_orders.asyncio_detailed,
                          client=await api.as_(who), body=OrdersOrderCreate.from_dict(body))


async def sign(api: Api, order_id: str, who: str = "demo-partner") -> dict:
    return await api.wire(OrdersOrderOut, post_orders_order_id_sign.asyncio_detailed,
                          client=await api.as_(who), order_id=UUID(order_id))


async def case_of(api: Api, case_id: str, who: str = "demo-partner") -> dict:
    return await api.wire(AuthorizationAuthorization,
                          get_authorizations_authorization_id.asyncio_detailed,
                          client=await api.as_(who), authorization_id=UUID(case_id))


async def board_of(api: Api, day: str) -> dict:
    return await api.wire(Board, get_board.asyncio_detailed, client=await api.as_(),
                          date=date.fromisoformat(day))


async def visit(api: Api, order_id: str, who: str = "demo-admin") -> dict:
    return await api.wire(Visit, get_visits_order_id.asyncio_detailed,
                          client=await api.as_(who), order_id=UUID(order_id))


async def visit_when(api: Api, order_id: str, pred, what: str, *, who: str = "demo-admin",
                     timeout_s: float = 30) -> dict:
    seen: dict = {}

    async def check():
        v = await visit(api, order_id, who)
        seen["last"] = v
        return v if pred(v) else None
    try:
        return await until(check, timeout_s=timeout_s, what=f"order {order_id}: {what}")
    except AssertionError as exc:  # name what the visit was still at, not just "None"
        raise AssertionError(f"{exc}; the visit was at {_stage(seen.get('last'))}") from None


def _stage(v: dict | None) -> dict | None:
    if not isinstance(v, dict):
        return None
    order, appointment = v.get("order") or {}, v.get("appointment")
    return {"order": order.get("status"),
            "authorization": order.get("authorization_status"),
            "appointment": status_of(appointment),
            "claim": (v.get("claim") or {}).get("status")}


def status_of(part: dict | None) -> str | None:
    return part.get("status") if isinstance(part, dict) else None


def _vitals(kind: str, at: datetime, **values: object) -> dict:
    return {"kind": kind, "taken_at": at.isoformat(), "bp_systolic": 122, "bp_diastolic": 78,
            "heart_rate": 74, "respiratory_rate": 14, "spo2": 98, "temperature_c": "36.8",
            **values}


async def discharge_ready(api: Api, order: dict, baseline_at: datetime) -> dict:
    """What the chair nurse records so the visit may end: baseline and discharge vitals, the
    escort a no-drive order needs, and the discharge check. Returns the discharge criteria."""
    oid, staff = UUID(order["id"]), await api.as_()
    for vitals in (_vitals("baseline", baseline_at, nrs=7),
                   _vitals("discharge", datetime.now(UTC), nrs=2, poss="1")):
        await api.call(OrdersVitalsOut, post_orders_order_id_vitals.asyncio_detailed,
                       client=staff, order_id=oid, body=OrdersVitalsIn.from_dict(vitals))
    if order.get("requires_driver"):
        await api.call(OrdersEscortOut, post_orders_order_id_escort.asyncio_detailed,
                       client=staff, order_id=oid,
                       body=OrdersEscortIn(name="Escort Of-Record", phone="+1 555 010 0199"))
    return await api.wire(OrdersDischargeOut, post_orders_order_id_discharge.asyncio_detailed,
                          client=staff, order_id=oid, body=OrdersDischargeCheckIn(
                              gait_steady=True, orthostatics_negative=True,
                              nausea_controlled=True))


async def chair_time_completed(api: Api, appointment_id: str) -> dict:
    """order.administered completes the appointment in scheduling: wait for it."""
    async def done():
        a = await api.wire(SchedulingAppointmentOut,
                           get_appointments_appointment_id.asyncio_detailed,
                           client=await api.as_(), appointment_id=UUID(appointment_id))
        return a if a["status"] == "completed" else None
    return await until(done, what=f"appointment {appointment_id} completed")


async def give(api: Api, order: dict, appointment_id: str, *,
               wasted: dict[int, str] | None = None, doses: dict[int, str] | None = None,
               supervisor=SUPERVISOR, chair_time: bool = True,
               stock: dict[str, tuple[str, str]] | None = None) -> dict:
    """Day of the visit, as the center's staff: check in, seat, record every line and the
    discharge check, complete the order (order.administered), which completes the chair time
    (waited for unless ``chair_time`` is False: with the broker down it waits in the outbox).
    ``stock``: (NDC, lot) per drug code, beyond the demo stock. Returns the completed order."""
    staff, appointment = await api.as_(), UUID(appointment_id)
    await api.call(SchedulingCheckInOut, post_appointments_appointment_id_check_in.asyncio_detailed,
                   client=staff, appointment_id=appointment)
    await api.call(SchedulingAppointmentOut,
                   post_appointments_appointment_id_start.asyncio_detailed,
                   client=staff, appointment_id=appointment)
    lines = sorted(order["lines"], key=lambda ln: ln["sequence"])
    total = sum(int(ln["minutes"]) + 1 for ln in lines)
    t = datetime.now(UTC) - timedelta(minutes=total + 1)  # every line given before "now"
    baseline_at = t - timedelta(minutes=5)
    for ln in lines:
        ndc, lot = {**STOCK, **(stock or {})}[ln["drug_code"]]
        stop = t + timedelta(minutes=int(ln["minutes"]))
        await api.call(OrdersAdministrationOut,
                       post_orders_order_id_administrations.asyncio_detailed,
                       client=staff, order_id=UUID(order["id"]),
                       body=OrdersAdministrationIn.from_dict({
                           "line_sequence": ln["sequence"], "started_at": t.isoformat(),
                           "stopped_at": stop.isoformat(),
                           "dose_given": (doses or {}).get(ln["sequence"], ln["dose"]),
                           "dose_unit": ln["dose_unit"], "ndc": ndc, "lot": lot,
                           "wasted_amount": (wasted or {}).get(ln["sequence"], "0")}))
        t = stop + timedelta(minutes=1)
    # Who supervised the nurses (incident-to): the claim's rendering provider, by id; the NPI
    # is the one the orders service hands on with order.administered.
    await discharge_ready(api, order, baseline_at)
    done = await api.wire(OrdersOrderOut, post_orders_order_id_complete.asyncio_detailed,
                          client=staff, order_id=UUID(order["id"]),
                          body=OrdersCompleteIn(rendering_provider_npi=supervisor.npi,
                                                supervising_practitioner_id=supervisor.id))
    if chair_time:
        await chair_time_completed(api, appointment_id)
    return done


async def document_and_submit(api: Api, case_id: str, *, answers: dict = PA_ANSWERS,
                              who: str = "demo-partner") -> dict:
    """Answer the PA case's questions and submit it to the payer (the sandbox)."""
    await _answer(api, case_id, answers, who)
    return await api.wire(AuthorizationAuthorization,
                          post_authorizations_authorization_id_submit.asyncio_detailed,
                          client=await api.as_(who), authorization_id=UUID(case_id))


async def _answer(api: Api, case_id: str, answers: dict, who: str) -> None:
    await api.call(AuthorizationAuthorization,
                   post_authorizations_authorization_id_answers.asyncio_detailed,
                   client=await api.as_(who), authorization_id=UUID(case_id),
                   body=AuthorizationAuthorizationAnswers.from_dict({"answers": answers}))


# The catalog has no verified RxNorm code for eptinezumab: its PAS request is held (409).
RXNORM_HOLD = "missing for the PAS request: RxNorm code for eptinezumab"


async def document_and_find_held(api: Api, case_id: str, *, answers: dict = PA_ANSWERS,
                                 who: str = "demo-partner") -> dict:
    """Answer the questions and submit: electronic PA cannot be used (the request lacks the
    drug's RxNorm code), so the 409 names it and the case stays a draft. Returns the case."""
    await _answer(api, case_id, answers, who)
    partner = await api.as_(who)
    with pytest.raises(ApiError) as held:
        await api.call(AuthorizationAuthorization,
                       post_authorizations_authorization_id_submit.asyncio_detailed,
                       client=partner, authorization_id=UUID(case_id))
    assert held.value.status == 409, held.value.body
    assert held.value.body["type"].endswith("submission-blocked")
    assert [r for r in held.value.body["reasons"] if r.startswith(RXNORM_HOLD)], held.value.body
    case = await api.wire(AuthorizationAuthorization,
                          get_authorizations_authorization_id.asyncio_detailed,
                          client=partner, authorization_id=UUID(case_id))
    assert case["status"] == "draft" and case["submitted_at"] is None
    assert case["history"][-1]["action"] == "held_for_pas"
    return case


async def record_payer_decision(api: Api, case: dict, outcome: str, *, channel: str = "portal",
                                who: str = "demo-partner", **fields: Any) -> dict:
    """Staff record what the payer decided through its portal, by phone or by fax. An approval
    grants the requested units for the requested period unless ``fields`` say otherwise."""
    ref = f"{channel.upper()}-{uuid.uuid4().hex[:8].upper()}"
    body: dict[str, Any] = {"channel": channel, "reference": ref, "outcome": outcome}
    if outcome == "approved":
        body |= {"auth_number": f"PA{uuid.uuid4().hex[:10].upper()}",
                 "valid_from": case["requested_period"]["from"],
                 "valid_to": case["requested_period"]["to"],
                 "lines": [{"hcpcs": ln["hcpcs"], "approved_units": ln["requested_units"]}
                           for ln in case["lines"]]}
    body |= fields
    decided = await api.wire(AuthorizationAuthorization,
                             post_authorizations_authorization_id_decision.asyncio_detailed,
                             client=await api.as_(who), authorization_id=UUID(case["id"]),
                             body=AuthorizationPayerDecisionIn.from_dict(body))
    assert decided["status"] == outcome, decided
    last = decided["history"][-1]
    assert (last["action"], last["detail"]["channel"], last["detail"]["reference"]) == (
        outcome, channel, ref)
    return decided


# Contract terms of the demo payers (reimbursement seed): coinsurance, sequestration.
PAYER_TERMS = {"medicare": (Decimal("0.20"), Decimal("0.02")),
               "summit-health": (Decimal("0.20"), Decimal(0)),
               "river-medicaid": (Decimal(0), Decimal(0))}


def remittance_for(claim: dict, *, trace: str, payee: str, deny_code: str | None = None) -> str:
    """The payer's 835 for ``claim``: each line paid at its allowed amount less the patient's
    coinsurance (PR-2) and sequestration (CO-253); or the whole claim denied (CLP02=4).
    ``payee``: the practice's billing NPI (an 835 paid to anyone else is refused)."""
    from reimbursement.adapters.x12.write_835 import ClpSpec, RemitSpec, SvcSpec, write_835

    coins_rate, seq_rate = PAYER_TERMS[claim["payer_id"]]
    cent = Decimal("0.01")
    services = []
    for ln in claim["lines"]:
        charge, allowed = Decimal(ln["charge"]), Decimal(ln["allowed"])
        if deny_code:
            services.append(SvcSpec(ln["code"], charge, Decimal(0), [("CO", deny_code, charge)],
                                    tuple(ln["modifiers"]), ln["units"]))
            continue
        coins = (allowed * coins_rate).quantize(cent)
        seq = ((allowed - coins) * seq_rate).quantize(cent)
        adjustments = [("CO", "45", charge - allowed), ("PR", "2", coins)]
        if seq:
            adjustments.append(("CO", "253", seq))
        services.append(SvcSpec(ln["code"], charge, allowed - coins - seq, adjustments,
                                tuple(ln["modifiers"]), ln["units"], allowed))
    spec = RemitSpec(f"PAYER {claim['payer_id'].upper()}", "PAYER1", "CHAIRSIDE", payee,
                     trace, date.today(),
                     [ClpSpec(claim["account_number"], "4" if deny_code else "1", services,
                              service_date=date.fromisoformat(claim["service_date"]))])
    return write_835(spec, control_number=int(uuid.uuid4().int % 900_000_000) + 1,
                     created_at=datetime.now(UTC))


async def billing_npi(api: Api) -> str:
    """The practice's billing NPI: the payee an 835 must name."""
    identity = await api.call(ReimbursementBillingIdentityOut,
                              get_billing_identity.asyncio_detailed, client=await api.as_())
    return identity.npi


async def post_remittance(api: Api, text: str) -> dict:
    # Raw HTTP: the typed client has no text uploads (KNOWN_GAPS, services/gateway/tools/client.py)
    r = await api.request("POST", "/v1/remittances", content=text,
                          headers={"content-type": "text/plain"})
    return r.json()


def money(value: str | None) -> Decimal:
    return Decimal(value or "0")


# ------------------------------------------------------------------------------ checks
def local_date(stack, at: str | datetime) -> str:
    t = datetime.fromisoformat(at) if isinstance(at, str) else at
    return t.astimezone(ZoneInfo(stack.clinic_timezone)).date().isoformat()


def codes(claim: dict) -> list[tuple[str, list[str], int]]:
    return [(ln["code"], ln["modifiers"], ln["units"]) for ln in claim["lines"]]


async def claim_now(api: Api, claim_id: str) -> dict:
    return await api.wire(ReimbursementClaimOut, get_claims_claim_id.asyncio_detailed,
                          client=await api.as_(), claim_id=UUID(claim_id))


async def x12_of(api: Api, claim_id: str) -> str:
    """The claim's latest 837P, as the payer receives it."""
    return (await api.content(get_claims_claim_id_x12.asyncio_detailed, client=await api.as_(),
                              claim_id=UUID(claim_id))).decode()


async def pay(api: Api, claim: dict) -> dict:
    """The payer remits the claim (835); returns the claim afterwards."""
    text = remittance_for(claim, trace=f"EFT{uuid.uuid4().hex[:10].upper()}",
                          payee=await billing_npi(api))
    posted = await post_remittance(api, text)
    [outcome] = posted["claims"]
    assert outcome["claim_id"] == claim["id"] and outcome["outcome"] == "paid", posted
    after = await claim_now(api, claim["id"])
    assert after["status"] == "paid"
    assert money(after["paid_amount"]) == money(outcome["paid"]) > 0
    assert money(after["patient_responsibility"]) == money(outcome["patient_responsibility"])
    # What was collected is what the claim expected, to a cent per line (rounding per line).
    revenue = money(after["paid_amount"]) + money(after["patient_responsibility"])
    assert abs(revenue - money(claim["expected_payment"])) <= Decimal("0.01") * len(
        claim["lines"])
    # posting the same file again changes nothing
    again = await post_remittance(api, text)
    assert again["duplicate"] is True
    assert (await claim_now(api, claim["id"]))["paid_amount"] == after["paid_amount"]
    return after


async def margin_row(api: Api, stack, claim: dict) -> dict:
    day = date.fromisoformat(claim["service_date"])
    report = await api.wire(ReimbursementMarginReport, get_reports_margin.asyncio_detailed,
                            client=await api.as_(), from_=day, to=day)
    [row] = [r for r in report["rows"] if r["key"] == claim["order_id"]]
    return row


async def accepted_by_the_payer(api: Api, claim: dict, *, timeout_s: float = 30) -> dict:
    """Submitted claims go to the clearinghouse sandbox; its 999 (A) and 277CA (A2 + REF*1K)
    come back through the exchange worker: the claim ends accepted with the payer's ICN."""
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        now = await claim_now(api, claim["id"])
        if now["status"] != "submitted" or asyncio.get_running_loop().time() > deadline:
            break
        await asyncio.sleep(0.25)
    assert now["status"] == "accepted", (now["status"], now["rejection_reasons"])
    [version] = now["submissions"]
    assert version["clm01"] == claim["account_number"] and version["frequency"] == "1"
    assert version["icn"] and now["payer_claim_number"] == version["icn"]
    assert [h["to_status"] for h in now["history"]] == ["ready", "submitted", "accepted"]
    return now


async def submit_and_export(api: Api, claim: dict) -> str:
    staff, claim_id = await api.as_(), UUID(claim["id"])
    submitted = await api.wire(ReimbursementClaimOut, post_claims_claim_id_submit.asyncio_detailed,
                               client=staff, claim_id=claim_id)
    assert submitted["status"] == "submitted" and submitted["submitted_at"]
    x12 = await x12_of(api, claim["id"])
    assert x12.startswith("ISA*") and "ST*837*" in x12 and "005010X222A1" in x12
    assert f"CLM*{claim['account_number']}*" in x12
    return x12
