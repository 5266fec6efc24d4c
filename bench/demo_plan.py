"""The demo day's visits: who comes, what they are given, and each visit's steps through the
public API. Drug doses follow the seeded catalog and protocols (shared/domain/clinical.md)."""

from __future__ import annotations

import math
import random
import statistics
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING
from uuid import UUID

from chairside_client.api.authorization import (
    get_authorizations_authorization_id,
    get_authorizations_metrics,
    post_authorizations_authorization_id_answers,
    post_authorizations_authorization_id_decision,
    post_authorizations_authorization_id_inquire,
    post_authorizations_authorization_id_submit,
)
from chairside_client.api.gateway import get_visits_order_id
from chairside_client.api.orders import (
    post_orders,
    post_orders_order_id_administrations,
    post_orders_order_id_complete,
    post_orders_order_id_sign,
    post_patients,
)
from chairside_client.api.reimbursement import get_reports_margin
from chairside_client.api.scheduling import (
    post_appointments_appointment_id_check_in,
    post_appointments_appointment_id_no_show,
    post_appointments_appointment_id_start,
)
from chairside_client.models import (
    AuthorizationAuthorization,
    AuthorizationAuthorizationAnswers,
    AuthorizationMetricsOut,
    AuthorizationPayerDecisionIn,
    OrdersAdministrationIn,
    OrdersAdministrationOut,
    OrdersCompleteIn,
    OrdersOrderCreate,
    OrdersOrderOut,
    OrdersPatientCreate,
    OrdersPatientOut,
    ReimbursementMarginReport,
    SchedulingAppointmentOut,
    SchedulingCheckInOut,
)
from chairside_client.models import Visit as VisitDoc
from rich.console import Console
from rich.table import Table

from bench import demo_clinical as clinical
from bench import demo_neuro as neuro
from bench import people
from bench.api import ApiError
from bench.clinic import poll
from bench.people import CENTER_SUPERVISORS, PARTNER_ORDERERS

if TYPE_CHECKING:
    from bench.demo_day import Day

NPI = CENTER_SUPERVISORS[0].npi  # the load bench's rendering provider


def _ln(seq: int, drug: str, dose: str, mode: str, minutes: int) -> dict:
    return {"sequence": seq, "drug_code": drug, "dose": dose, "dose_unit": "mg", "mode": mode,
            "minutes": minutes}


REGIMENS = {
    # DRA + diphenhydramine, ketorolac, dexamethasone (protocol ed-style-cocktail)
    "classic cocktail": [_ln(1, "prochlorperazine", "10", "infusion", 15),
                         _ln(2, "diphenhydramine", "25", "push", 2),
                         _ln(3, "ketorolac", "30", "push", 1),
                         _ln(4, "dexamethasone", "10", "infusion", 15)],
    # B1 example 1: magnesium 2 g over 30 min, then three pushes
    "magnesium cocktail": [_ln(1, "magnesium", "2000", "infusion", 30),
                           _ln(2, "ketorolac", "30", "push", 1),
                           _ln(3, "prochlorperazine", "10", "push", 2),
                           _ln(4, "diphenhydramine", "25", "push", 2)],
    # no sedating drug: the patient may drive home
    "non-sedating cocktail": [_ln(1, "magnesium", "1000", "infusion", 20),
                              _ln(2, "ketorolac", "30", "push", 1),
                              _ln(3, "ondansetron", "4", "push", 2),
                              _ln(4, "dexamethasone", "10", "push", 2)],
    # protocol dhe-antiemetic
    "DHE with antiemetic": [_ln(1, "metoclopramide", "10", "infusion", 15),
                            _ln(2, "dhe", "1", "push", 3)],
    "eptinezumab 100 mg": [_ln(1, "eptinezumab", "100", "infusion", 35)],
    # protocol pediatric-cocktail for a 25 kg child (0.15 / 1 / 0.5 mg/kg)
    "pediatric cocktail": [_ln(1, "prochlorperazine", "3.75", "infusion", 10),
                           _ln(2, "diphenhydramine", "25", "push", 2),
                           _ln(3, "ketorolac", "12.5", "push", 1)],
}
REGIMENS |= neuro.REGIMENS
DRUGS_USED = sorted({ln["drug_code"] for lines in REGIMENS.values() for ln in lines}
                    | neuro.PREMEDICATION)
PAYERS = {
    # Traditional Medicare orders name no plan (the contract allows it; Part B is used)
    "medicare": {"payer_id": "medicare"},
    "summit": {"payer_id": "summit-health", "plan_id": "summit-ppo"},
    "medicaid": {"payer_id": "river-medicaid", "plan_id": "river-mco"},
}
PA_ANSWERS = {"J3032.baseline-migraine-days": 10,
              "J3032.failed-preventive-classes": ["beta-blocker", "tca-snri"],
              "J3032.prescriber-specialty": "neurology",
              "J3032.concurrent-cgrp-antibody": False, **neuro.PA_ANSWERS}


@dataclass
class Visit:
    kind: str  # referral | walk-in | biologic | pediatric
    regimen: str
    who: str  # the API client that orders: demo-partner (referrals) or demo-admin (clinic)
    urgency: str
    payer: dict
    dependent: bool = False  # a child on a parent's plan (2000C on the 837P)
    no_show: bool = False
    order_id: str | None = None
    signed_at: datetime | None = None
    appointment_id: str | None = None
    appointment_status: str | None = None
    start: str | None = None
    case_status: str | None = None
    case_channel: str | None = None  # "pas", or how staff got the payer's decision off PAS
    administered: bool = False
    claim: dict | None = None
    course: clinical.Course | None = None  # pain and reactions (bench/demo_clinical.py)
    problems: list[str] = field(default_factory=list)
    neuro: dict = field(default_factory=dict)  # gates, premedication (bench/demo_neuro.py)


# A day's arrivals, interleaved: partner referrals, walk-ins, biologics, children.
PATTERN = ["referral", "walk-in", "biologic", "referral", "walk-in", "biologic", "pediatric",
           "referral", "walk-in", "biologic", "referral", "walk-in"]


def plan_day(n: int, *, walk_ins: bool) -> list[Visit]:
    """``n`` visits; every third biologic is refused by the payer (DENY- member ids), the
    others pend and are approved on inquiry (PEND-), or approved on the payer's portal when
    the PAS request is held; about 8% do not show up."""
    visits, biologics = [], 0
    for i in range(n):
        kind = PATTERN[i % len(PATTERN)]
        if kind == "walk-in" and not walk_ins:
            kind = "referral"
        if kind == "biologic":
            mid = ("DENY-" if biologics % 3 == 2 else "PEND-") + uuid.uuid4().hex[:6]
            biologics += 1
            visits.append(Visit(kind, "eptinezumab 100 mg", random.choice(
                ["demo-partner", "demo-admin"]), "planned", PAYERS["summit"] | {
                "member_id": mid}))
        elif kind == "pediatric":  # a child on a parent's commercial plan, or on Medicaid
            on_parent = random.random() < 0.6
            visits.append(Visit(kind, "pediatric cocktail", "demo-admin",
                                "same_day" if walk_ins else "planned", people.member_of(
                                    PAYERS["summit" if on_parent else "medicaid"]),
                                dependent=on_parent))
        elif kind == "walk-in":
            visits.append(Visit(kind, random.choice(["non-sedating cocktail", "classic cocktail",
                                                     "magnesium cocktail"]), "demo-admin",
                                "same_day", people.member_of(PAYERS[random.choice(["medicare",
                                                                         "medicaid"])])))
        else:
            visits.append(Visit(kind, random.choice(["classic cocktail", "magnesium cocktail",
                                                     "DHE with antiemetic"]), "demo-partner",
                                "planned", people.member_of(PAYERS[random.choice(["medicare",
                                                                        "summit"])])))
    for v in visits:
        v.no_show = random.random() < 0.08
    clinical.plan_courses(visits)
    return visits + neuro.plan(PAYERS)  # they come, whatever the day's size


def _birth_date(v: Visit) -> str:
    today = datetime.now(UTC).date()
    years = {"pediatric": 9, "alzheimers": random.randint(66, 78)}.get(
        v.kind, random.randint(22, 70))
    return date(today.year - years, random.randint(1, 12), random.randint(1, 28)).isoformat()


def _orderer(v: Visit) -> str:
    """The partner's physicians refer; the center's clinicians order walk-ins and children."""
    return str(random.choice(PARTNER_ORDERERS if v.who == "demo-partner"
                             else CENTER_SUPERVISORS).id)


async def order(day: Day, v: Visit) -> None:
    gw = day.gw
    body = {"mrn": f"DEMO-{uuid.uuid4().hex[:10]}", "birth_date": _birth_date(v),
            "sex": random.choice(["female", "female", "male"]),
            "weight_kg": 25 if v.kind == "pediatric" else random.randint(52, 95)}
    if v.who == "demo-admin":
        body["practice_id"] = "demo-clinic"
    people.identify(body, v.payer, dependent=v.dependent)
    patient = await gw.call(OrdersPatientOut, post_patients.asyncio_detailed,
                            client=gw.as_(v.who), body=OrdersPatientCreate.from_dict(body))
    req: dict = {"patient_id": str(patient.id), "urgency": v.urgency, "payer": v.payer,
                 "ordering_practitioner_id": _orderer(v),
                 "diagnosis": neuro.DIAGNOSES.get(
                     v.kind, ["G43.709" if v.kind == "biologic" else "G43.109"]),
                 "lines": REGIMENS[v.regimen]}
    if v.urgency == "planned":
        w = next(x for x in day.hours["weekly"] if x["weekday"] == day.day.weekday())
        opens = max(day.local(time.fromisoformat(w["opens"])),
                    datetime.now(UTC) + timedelta(minutes=60))
        closes = day.local(time.fromisoformat(w["closes"])) - timedelta(minutes=30)
        if neuro.is_neuro(v):  # a 4-hour chair: the first day in the coming week with room
            closes += timedelta(days=7)
        req["requested_window"] = {"from": opens.isoformat(), "to": closes.isoformat()}
    if neuro.is_neuro(v):  # the regimen's gates read these results
        await neuro.record_gate_results(day, v, patient.id)
    draft = await gw.call(OrdersOrderOut, post_orders.asyncio_detailed, client=gw.as_(v.who),
                          body=OrdersOrderCreate.from_dict(req))
    v.order_id = str(draft.id)
    signed = await gw.call(OrdersOrderOut, post_orders_order_id_sign.asyncio_detailed,
                           client=gw.as_(v.who), order_id=draft.id)
    v.signed_at = signed.signed_at


async def _visit(day: Day, v: Visit) -> dict:
    doc = await day.gw.call(VisitDoc, get_visits_order_id.asyncio_detailed,
                            client=day.gw.as_(), order_id=UUID(v.order_id))
    return doc.to_dict()


async def authorize(day: Day, v: Visit) -> None:
    """Document the PA case, submit it, and ask the payer until it decides."""
    gw = day.gw

    async def drafted():
        case = (await _visit(day, v))["authorization"]
        return case if case and case.get("status") == "draft" else None
    case = await poll(drafted, timeout_s=30)
    if case is None:
        v.problems.append("no PA case opened")
        return
    case_id = UUID(str(case["id"]))
    codes = {ln["hcpcs"] for ln in case["lines"]}  # each policy's own questions
    answers = {k: a for k, a in PA_ANSWERS.items() if k.split(".")[0] in codes}
    await gw.call(AuthorizationAuthorization,
                  post_authorizations_authorization_id_answers.asyncio_detailed,
                  client=gw.as_(v.who), authorization_id=case_id,
                  body=AuthorizationAuthorizationAnswers.from_dict({"answers": answers}))
    r = await gw.send(post_authorizations_authorization_id_submit.asyncio_detailed,
                      client=gw.as_(v.who), authorization_id=case_id)
    if r.status_code == 409:  # electronic PA cannot be used: the payer's portal, then
        decided = await _decided_off_pas(day, v, case_id, ApiError("submit", r).body)
        if decided is None:
            return
        status = decided.status
    elif isinstance(r.parsed, AuthorizationAuthorization):
        v.case_channel, status = "pas", r.parsed.status
    else:
        raise ApiError("post_authorizations_authorization_id_submit", r)
    for _ in range(4):
        if status not in ("submitted", "pended"):
            break
        status = (await gw.call(AuthorizationAuthorization,
                                post_authorizations_authorization_id_inquire.asyncio_detailed,
                                client=gw.as_(v.who), authorization_id=case_id)).status
    v.case_status = str(status)


async def _decided_off_pas(day: Day, v: Visit, case_id: UUID,
                          problem: dict) -> AuthorizationAuthorization | None:
    """The PAS request is held (e.g. no verified RxNorm code for the drug): staff read the
    payer's decision on its portal and record it. The demo payer decides as its sandbox
    would (DENY- members are refused; the others get the requested units and period)."""
    reasons = problem.get("reasons") or []
    if not reasons or not all(r.startswith("missing for the PAS request: ") for r in reasons):
        v.problems.append(f"PA not submitted: {problem.get('detail')}")
        return None
    case = (await day.gw.call(AuthorizationAuthorization,
                              get_authorizations_authorization_id.asyncio_detailed,
                              client=day.gw.as_(), authorization_id=case_id)).to_dict()
    body: dict = {"channel": "portal", "reference": f"WEB-{uuid.uuid4().hex[:8].upper()}"}
    if v.payer["member_id"].startswith("DENY-"):
        body |= {"outcome": "denied", "reason_code": "MN",
                 "reason": "Medical necessity not established (payer portal)"}
    else:
        body |= {"outcome": "approved", "auth_number": f"WEB{uuid.uuid4().hex[:9].upper()}",
                 "valid_from": case["requested_period"]["from"],
                 "valid_to": case["requested_period"]["to"],
                 "lines": [{"hcpcs": ln["hcpcs"], "approved_units": ln["requested_units"]}
                           for ln in case["lines"]]}
    v.case_channel = "portal"
    return await day.gw.call(AuthorizationAuthorization,
                             post_authorizations_authorization_id_decision.asyncio_detailed,
                             client=day.gw.as_(v.who), authorization_id=case_id,
                             body=AuthorizationPayerDecisionIn.from_dict(body))


async def placed(day: Day, v: Visit) -> None:
    """Wait until the chair question is settled: booked, queued, or released."""
    held = False

    async def settled():
        nonlocal held
        doc = await _visit(day, v)
        a = doc["appointment"]
        if not a or a.get("unavailable"):
            return None
        # "held" is never the end: the decision (or the order's own "no PA") books or
        # releases it, a moment after the order itself has heard of the decision.
        held = held or a["status"] == "held"
        return a if a["status"] in ("booked", "cancelled", "queued") else None
    # A planned request with no room in its window gets no appointment at all: give up soon.
    # A decided PA, or a chair already held, is different: its booking or release follows
    # for certain, through two services' events, which a loaded machine may take a while
    # to carry.
    a = await poll(settled, timeout_s=60 if v.case_status in ("approved", "denied") else 12)
    if a is None and held:
        a = await poll(settled, timeout_s=48)
    if a is None:
        doc = await _visit(day, v)
        a = doc["appointment"] or {}
    v.appointment_id, v.appointment_status = a.get("id"), a.get("status")
    v.start = a.get("start")


def _waste(item: dict, dose: Decimal) -> Decimal:
    """What is left in single-dose vials after the dose (same unit only)."""
    if not item.get("single_dose"):
        return Decimal(0)
    strength = Decimal(str(item["strength"]))
    if item["strength_unit"] == "g":
        strength *= 1000
    elif item["strength_unit"] != "mg":
        return Decimal(0)
    return strength * math.ceil(dose / strength) - dose


async def run_visit(day: Day, v: Visit) -> None:
    gw, appt = day.gw, UUID(str(v.appointment_id))
    if v.no_show:
        await gw.call(SchedulingAppointmentOut,
                      post_appointments_appointment_id_no_show.asyncio_detailed,
                      client=gw.as_(), appointment_id=appt)
        v.appointment_status = "no_show"
        return
    if neuro.is_neuro(v):
        await neuro.run_visit(day, v, clinical.visit_start())
        return
    await gw.call(SchedulingCheckInOut, post_appointments_appointment_id_check_in.asyncio_detailed,
                  client=gw.as_(), appointment_id=appt)
    await clinical.at_check_in(gw, v, day.clinical)
    await gw.call(SchedulingAppointmentOut, post_appointments_appointment_id_start.asyncio_detailed,
                  client=gw.as_(), appointment_id=appt)
    t = first_given = clinical.visit_start()
    await clinical.before_drugs(gw, v, first_given)
    for ln in REGIMENS[v.regimen]:
        item = day.stock[ln["drug_code"]]
        stop = t + timedelta(minutes=ln["minutes"])
        await gw.call(OrdersAdministrationOut,
                      post_orders_order_id_administrations.asyncio_detailed,
                      client=gw.as_(), order_id=UUID(v.order_id),
                      body=OrdersAdministrationIn.from_dict({
                          "line_sequence": ln["sequence"], "started_at": t.isoformat(),
                          "stopped_at": stop.isoformat(), "dose_given": ln["dose"],
                          "dose_unit": ln["dose_unit"], "ndc": item["ndc"], "lot": item["lot"],
                          "wasted_amount": str(_waste(item, Decimal(ln["dose"])))}))
        t = stop + timedelta(minutes=1)
    await clinical.react(gw, v, first_given, day.clinical)
    await clinical.discharge(gw, v, first_given, day.clinical)
    # The clinician who supervised the nurses (incident-to) renders the claim.
    supervisor = random.choice(CENTER_SUPERVISORS)
    await gw.call(OrdersOrderOut, post_orders_order_id_complete.asyncio_detailed,
                  client=gw.as_(), order_id=UUID(v.order_id),
                  body=OrdersCompleteIn(rendering_provider_npi=supervisor.npi,
                                        supervising_practitioner_id=supervisor.id))
    # order.administered completes the appointment in scheduling
    v.administered, v.appointment_status = True, "completed"
    await clinical.follow_up(gw, v, day.clinical)


async def claimed(day: Day, v: Visit) -> None:
    async def built():
        return (await _visit(day, v))["claim"]
    v.claim = await poll(built, timeout_s=30)
    if v.claim is None:
        v.problems.append("no claim built")


def _d(x) -> Decimal:
    return Decimal(str(x or 0))


async def figures(day: Day, board: dict) -> dict:
    vs = day.visits
    same_day = [v for v in vs if v.urgency == "same_day" and v.order_id]
    accepted = [v for v in same_day if v.appointment_status in ("booked", "completed",
                                                                 "no_show", "held")]
    claims = [v.claim for v in vs if v.claim]
    remitted = [c for c in claims if c["status"] in ("paid", "partially_paid", "denied")]
    cases = [v for v in vs if v.case_status]
    util = board.get("utilization") or {}
    metrics = (await day.gw.call(AuthorizationMetricsOut,
                                 get_authorizations_metrics.asyncio_detailed,
                                 client=day.gw.as_(),
                                 from_=min(v.signed_at for v in vs if v.signed_at))).to_dict()
    margin_rows = []
    if claims:
        days = sorted({c["service_date"] for c in claims})
        report = (await day.gw.call(ReimbursementMarginReport, get_reports_margin.asyncio_detailed,
                                    client=day.gw.as_(), from_=date.fromisoformat(days[0]),
                                    to=date.fromisoformat(days[-1]))).to_dict()
        ours = {v.order_id for v in vs}
        margin_rows = [r for r in report["rows"] if r["key"] in ours]
    return {
        "visits requested": len(vs),
        "orders signed": sum(1 for v in vs if v.order_id),
        "visits completed": sum(1 for v in vs if v.administered),
        "no-shows": sum(1 for v in vs if v.appointment_status == "no_show"),
        "released (PA denied / not covered)": sum(
            1 for v in vs if v.appointment_status == "cancelled"),
        "waiting in the same-day queue": sum(1 for v in vs if v.appointment_status == "queued"),
        "no room in the requested window": sum(
            1 for v in vs if v.order_id and v.appointment_status is None),
        "chair held, PA undecided": sum(1 for v in vs if v.appointment_status == "held"),
        "chair utilization (booked)": f"{util.get('ratio', 0):.0%} of "
                                      f"{util.get('available_chair_minutes', 0)} chair-minutes",
        "same-day acceptance": (f"{len(accepted)}/{len(same_day)} "
                                f"({len(accepted) / len(same_day):.0%})" if same_day else "n/a"),
        "PA decided": f"{sum(1 for v in cases if v.case_status == 'approved')} approved, "
                      f"{sum(1 for v in cases if v.case_status == 'denied')} denied",
        "PA decided on the payer portal (PAS held)": sum(
            1 for v in cases if v.case_channel == "portal"),
        "PA turnaround (median h)": (metrics.get("turnaround") or {}).get("median_hours"),
        "claims": dict(Counter(c["status"] for c in claims)),
        "claims held for a missing identity": sum(1 for c in claims if c["status"] == "held"),
        "expected payment (remitted claims)": sum((_d(c["expected_payment"]) for c in remitted),
                                                  Decimal(0)),
        "paid (payer + patient share)": sum((_d(c["paid_amount"]) + _d(
            c["patient_responsibility"]) for c in remitted), Decimal(0)),
        "acquisition cost": sum((_d(c["acquisition_cost"]) for c in claims), Decimal(0)),
        "margin (margin report)": sum((_d(r["margin"]) for r in margin_rows), Decimal(0)),
        "problems": [p for v in vs for p in v.problems],
        "_p50_call_ms": statistics.median([x for xs in day.gw.timings.values() for x in xs])
        * 1000 if day.gw.timings else None,
    }


def print_figures(console: Console, f: dict, day) -> None:
    table = Table(title=f"Chairside clinic day {day.day}", show_header=False)
    for k, v in f.items():
        if k.startswith("_") or k == "problems":
            continue
        if isinstance(v, Decimal):
            v = f"${v:,.2f}"
        elif isinstance(v, dict):
            v = ", ".join(f"{n} {s}" for s, n in sorted(v.items())) or "none"
        table.add_row(k, str(v))
    console.print(table)
    if f["problems"]:
        console.print(f"[yellow]{len(f['problems'])} step(s) did not go through:[/]")
        for p in f["problems"][:8]:
            console.print(f"  - {p}")
