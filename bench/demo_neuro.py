"""The demo day's neurology visits (issue 18): an MS patient's first ocrelizumab infusion and
an Alzheimer's patient's first donanemab infusion. Their gates are met by results recorded
before signing (HBV screen; baseline MRI and ApoE status), premedication comes by rule, the
titrated infusion sets the chair time, the payer's criteria and PA apply, and the claim is
coded like any other. Doses, gates and codes are the seeded catalog's and payers'."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING
from uuid import UUID

from chairside_client.api.orders import (
    get_orders_order_id,
    post_orders_order_id_administrations,
    post_orders_order_id_complete,
    post_orders_order_id_discharge,
    post_patients_patient_id_observations,
)
from chairside_client.api.scheduling import (
    post_appointments_appointment_id_check_in,
    post_appointments_appointment_id_start,
)
from chairside_client.models import (
    OrdersAdministrationIn,
    OrdersAdministrationOut,
    OrdersCompleteIn,
    OrdersDischargeCheckIn,
    OrdersDischargeOut,
    OrdersObservationIn,
    OrdersObservationOut,
    OrdersOrderOut,
    SchedulingAppointmentOut,
    SchedulingCheckInOut,
)

from bench import demo_clinical as clinical
from bench import people
from bench.people import CENTER_SUPERVISORS

if TYPE_CHECKING:
    from rich.console import Console

    from bench.demo_day import Day
    from bench.demo_plan import Visit


def _infusion(drug: str, dose: str, minutes: int) -> list[dict]:
    return [{"sequence": 1, "drug_code": drug, "dose": dose, "dose_unit": "mg",
             "mode": "infusion", "minutes": minutes}]


# Dose 1 of each: ocrelizumab 300 mg titrated over 159 min (30 -> 180 mL/h), donanemab 350 mg
# over 30 min. The premedication (methylprednisolone, diphenhydramine) is added by the catalog.
REGIMENS = {"ocrelizumab 300 mg (MS, dose 1)": _infusion("ocrelizumab", "300", 159),
            "donanemab 350 mg (Alzheimer's, dose 1)": _infusion("donanemab", "350", 30)}
PREMEDICATION = {"methylprednisolone", "diphenhydramine"}  # stocked for the premedication
KINDS = {"ms": "ocrelizumab 300 mg (MS, dose 1)",
         "alzheimers": "donanemab 350 mg (Alzheimer's, dose 1)"}
DIAGNOSES = {"ms": ["G35"], "alzheimers": ["G30.1"]}
# What the gates read, as the referring practice's records show them (days before the visit)
GATE_RESULTS = {"ms": [("hbv_screen", "negative", 21)],
                "alzheimers": [("mri_brain", "no_aria", 30), ("apoe", "e4_noncarrier", 45)]}
# The payer's MS criteria (summit-health J2350), as the partner's staff answer them
PA_ANSWERS = {"J2350.hbv-screen-negative": True, "J2350.concurrent-ms-dmt": False,
              "J2350.prescriber-specialty": "neurology"}


def plan(payers: dict) -> list[Visit]:
    """One of each: the MS patient on the commercial plan (PA), the Alzheimer's patient on
    Traditional Medicare (no PA; the diagnosis criteria apply)."""
    from bench.demo_plan import Visit

    return [Visit("ms", KINDS["ms"], "demo-partner", "planned", people.member_of(
                  payers["summit"] | {"member_id": "PEND-" + uuid.uuid4().hex[:6]})),
            Visit("alzheimers", KINDS["alzheimers"], "demo-admin", "planned",
                  people.member_of(payers["medicare"]))]


def is_neuro(v: Visit) -> bool:
    return v.kind in KINDS


async def record_gate_results(day: Day, v: Visit, patient_id: UUID) -> None:
    for kind, result, days_ago in GATE_RESULTS[v.kind]:
        observed = (datetime.now(UTC) - timedelta(days=days_ago)).date()
        await day.gw.call(OrdersObservationOut,
                          post_patients_patient_id_observations.asyncio_detailed,
                          client=day.gw.as_(v.who), patient_id=patient_id,
                          body=OrdersObservationIn.from_dict({
                              "kind": kind, "result": result, "observed_on": observed.isoformat(),
                              "source": "referring practice records"}))
        v.neuro.setdefault("gates", []).append(f"{kind} {result}")


def _vitals(kind: str, at: datetime) -> dict:
    """A stable patient: discharge vitals are compared with the baseline, so they match it."""
    return {"kind": kind, "taken_at": at.isoformat(), "bp_systolic": 124, "bp_diastolic": 78,
            "heart_rate": 72, "respiratory_rate": 14, "spo2": 98, "temperature_c": "36.7"}


async def run_visit(day: Day, v: Visit, first_given: datetime) -> None:
    """Check in, seat, baseline vitals, every line of the signed order (premedication first,
    as the order lists them), discharge vitals and check, then complete."""
    gw, appt, oid = day.gw, UUID(str(v.appointment_id)), UUID(str(v.order_id))
    order = (await gw.call(OrdersOrderOut, get_orders_order_id.asyncio_detailed,
                           client=gw.as_(), order_id=oid)).to_dict()
    await gw.call(SchedulingCheckInOut, post_appointments_appointment_id_check_in.asyncio_detailed,
                  client=gw.as_(), appointment_id=appt)
    if order["requires_driver"]:  # diphenhydramine sedates: the escort is named at check-in
        await clinical._escort(gw, v)
    await gw.call(SchedulingAppointmentOut, post_appointments_appointment_id_start.asyncio_detailed,
                  client=gw.as_(), appointment_id=appt)
    await clinical._record_vitals(gw, v, _vitals("baseline", first_given - timedelta(minutes=5)))
    t = first_given
    lines = sorted(order["lines"], key=lambda ln: ln["sequence"])
    v.neuro["premedication"] = [ln["drug_code"] for ln in lines if ln["drug_code"] in PREMEDICATION]
    v.neuro["chair minutes"] = order["estimated_chair_minutes"]
    for ln in lines:
        item = day.stock[ln["drug_code"]]
        stop = t + timedelta(minutes=int(ln["minutes"]))
        dose = Decimal(str(ln["dose"]))
        await gw.call(OrdersAdministrationOut,
                      post_orders_order_id_administrations.asyncio_detailed,
                      client=gw.as_(), order_id=oid, body=OrdersAdministrationIn.from_dict({
                          "line_sequence": ln["sequence"], "started_at": t.isoformat(),
                          "stopped_at": stop.isoformat(), "dose_given": str(dose),
                          "dose_unit": ln["dose_unit"], "ndc": item["ndc"], "lot": item["lot"],
                          "wasted_amount": str(_waste(item, dose))}))
        t = stop + timedelta(minutes=1)
    await clinical._record_vitals(  # awake and alert (POSS 1)
        gw, v, _vitals("discharge", datetime.now(UTC)) | {"poss": "1"})
    await gw.call(OrdersDischargeOut, post_orders_order_id_discharge.asyncio_detailed,
                  client=gw.as_(), order_id=oid, body=OrdersDischargeCheckIn(
                      gait_steady=True, orthostatics_negative=True, nausea_controlled=True))
    supervisor = random.choice(CENTER_SUPERVISORS)
    await gw.call(OrdersOrderOut, post_orders_order_id_complete.asyncio_detailed,
                  client=gw.as_(), order_id=oid,
                  body=OrdersCompleteIn(rendering_provider_npi=supervisor.npi,
                                        supervising_practitioner_id=supervisor.id))
    v.administered, v.appointment_status = True, "completed"


def _waste(item: dict, dose: Decimal) -> Decimal:
    from bench.demo_plan import _waste as waste

    return waste(item, dose)


def print_table(console: Console, visits: list[Visit]) -> None:
    """One line per visit, never wrapped (a table would break its codes on a narrow
    terminal)."""
    console.print("[bold]Neurology visits (issue 18)[/]")
    for v in visits:
        if not is_neuro(v):
            continue
        lines = ", ".join(
            f"{ln['code']}{'-' + '-'.join(ln['modifiers']) if ln.get('modifiers') else ''}"
            f" x{ln['units']}" for ln in (v.claim or {}).get("lines", []))
        pa = f"{v.case_status} ({v.case_channel})" if v.case_status else "not required"
        console.print(f"  {v.regimen}: gates met by {'; '.join(v.neuro.get('gates', []))}; "
                      f"premedication {', '.join(v.neuro.get('premedication', [])) or 'none'}; "
                      f"chair {v.neuro.get('chair minutes', '-')} min; PA {pa}; "
                      f"claim {lines or 'none'}", soft_wrap=True)
