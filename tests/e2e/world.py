"""Real resources and a valid request for every operation, as a clinic's day leaves them:
the starting point of the bad-input families and of the PHI-in-logs test."""

from __future__ import annotations

import contextlib
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
from chairside_client.api.authorization import (
    get_payers_payer_id,
    get_payers_payer_id_policies,
    post_authorizations_authorization_id_submit,
    post_patients_patient_id_eligibility,
)
from chairside_client.api.orders import (
    get_drugs_code,
    get_practitioners,
    get_protocols,
    post_patients_patient_id_coverages,
    post_practitioners,
    put_patients_patient_id_demographics,
)
from chairside_client.api.reimbursement import (
    get_billing_identity,
    get_inventory,
    post_pricing_fee_schedules_schedule_id_versions,
    put_billing_identity,
    put_payer_enrollments_payer_id,
)
from chairside_client.api.scheduling import (
    get_clinic_hours,
    get_nurse_shifts,
    get_ratio_policy,
    post_appointments_appointment_id_check_in,
    post_appointments_appointment_id_start,
    post_series,
)
from chairside_client.models import (
    AuthorizationAuthorization,
    AuthorizationEligibilityCheckOut,
    AuthorizationEligibilityRequest,
    AuthorizationPayerOut,
    AuthorizationPolicyListOut,
    OrdersCoverageIn,
    OrdersCoverageOut,
    OrdersDemographicsOut,
    OrdersGetDrugResponse,
    OrdersPagePractitionerOut,
    OrdersPageProtocolOut,
    OrdersPersonIn,
    OrdersPractitionerIn,
    OrdersPractitionerOut,
    ReimbursementBillingIdentityIn,
    ReimbursementBillingIdentityOut,
    ReimbursementEnrollmentIn,
    ReimbursementEnrollmentOut,
    ReimbursementInventoryPage,
    ReimbursementRateTableVersionIn,
    ReimbursementRateTableVersionOut,
    SchedulingAppointmentOut,
    SchedulingCheckInOut,
    SchedulingClinicHoursOut,
    SchedulingRatioPolicyOut,
    SchedulingSeriesCreate,
    SchedulingSeriesOut,
)

from .badinput import Base
from .client import Api, ApiError
from .visits import (
    COCKTAIL,
    EPTINEZUMAB,
    MEDICARE,
    billing_npi,
    give,
    new_order,
    new_patient,
    remittance_for,
    sign,
    status_of,
    summit,
    visit_when,
)

ADMIN_SCOPES = ("admin authorizations:read authorizations:write billing:read billing:write "
                "orders:read orders:sign orders:write patients:read patients:write "
                "schedule:read schedule:write")
ASP_CSV = ("HCPCS Code,Short Description,HCPCS Code Dosage,Payment Limit\n"
           "J1885,Ketorolac tromethamine inj,15 MG,0.281\n")


@pytest.fixture(scope="module")
async def world(stack, api) -> dict[str, Any]:
    """Real resources for every path parameter and a real document to start each body from,
    as a clinic's day leaves them."""
    patient = await new_patient(api, who="demo-admin", practice_id="demo-clinic",
                                conditions=["renal_impairment"])
    cocktail = await new_order(api, patient["id"], COCKTAIL, payer=MEDICARE, who="demo-admin")
    await sign(api, cocktail["id"], who="demo-admin")
    v = await visit_when(api, cocktail["id"], lambda v: status_of(v["appointment"]) == "booked",
                         "booked")
    await give(api, v["order"], v["appointment"]["id"])
    v = await visit_when(api, cocktail["id"], lambda v: v["claim"] is not None, "claim built")
    # an order in the chair: administrations and completion are checked in full
    chair = await new_order(api, patient["id"], COCKTAIL, payer=MEDICARE, who="demo-admin")
    await sign(api, chair["id"], who="demo-admin")
    c = await visit_when(api, chair["id"], lambda v: status_of(v["appointment"]) == "booked",
                         "booked")
    staff, seated = await api.as_(), UUID(c["appointment"]["id"])
    await api.call(SchedulingCheckInOut, post_appointments_appointment_id_check_in.asyncio_detailed,
                   client=staff, appointment_id=seated)
    await api.call(SchedulingAppointmentOut,
                   post_appointments_appointment_id_start.asyncio_detailed,
                   client=staff, appointment_id=seated)
    biologic = await new_order(api, patient["id"], EPTINEZUMAB, payer=summit("PEND-77"),
                               urgency="planned", who="demo-admin")
    await sign(api, biologic["id"], who="demo-admin")
    b = await visit_when(api, biologic["id"], lambda v: v["authorization"] is not None
                         and status_of(v["appointment"]) is not None, "PA case and hold")
    # The first submit records what the PAS request lacks (no verified RxNorm code for
    # eptinezumab) and is refused; the probes' submits then find the case already held.
    with contextlib.suppress(ApiError):
        await api.call(AuthorizationAuthorization,
                       post_authorizations_authorization_id_submit.asyncio_detailed,
                       client=staff, authorization_id=UUID(b["authorization"]["id"]))
    # a series (issue 16) of two signed orders, and two more the series base request books
    course = []
    for _ in range(4):
        o = await new_order(api, patient["id"], COCKTAIL, payer=MEDICARE, urgency="planned",
                            window=(datetime.now(UTC) + timedelta(days=1),
                                    datetime.now(UTC) + timedelta(days=10)), who="demo-admin")
        await sign(api, o["id"], who="demo-admin")
        await visit_when(api, o["id"], lambda v: status_of(v["appointment"]) is not None,
                         "held")
        course.append(o["id"])
    first_day = (datetime.now(UTC) + timedelta(days=3)).date().isoformat()
    series = await api.wire(SchedulingSeriesOut, post_series.asyncio_detailed, client=staff,
                            body=SchedulingSeriesCreate.from_dict({
                                "order_ids": course[:2], "pattern": {"kind": "consecutive_days"},
                                "first_day": first_day,
                                "window": {"from": "08:00", "to": "16:00"}}))
    draft = await new_order(api, patient["id"], COCKTAIL, payer=MEDICARE, who="demo-admin")
    to_cancel = await new_order(api, patient["id"], COCKTAIL, payer=MEDICARE, who="demo-admin")
    ident = await identities(api, patient["id"], cocktail["id"])
    shifts = await api.wire(list, get_nurse_shifts.asyncio_detailed, client=staff)
    drug = await api.wire(OrdersGetDrugResponse, get_drugs_code.asyncio_detailed, "ketorolac",
                          client=staff)
    inventory = await api.wire(ReimbursementInventoryPage, get_inventory.asyncio_detailed,
                               client=staff)
    protocols = await api.wire(OrdersPageProtocolOut, get_protocols.asyncio_detailed,
                               client=staff)
    # the fee schedule the contract version's base request prices with (its own base request
    # then adds the 2027 version beside this one)
    await api.wire(ReimbursementRateTableVersionOut,
                   post_pricing_fee_schedules_schedule_id_versions.asyncio_detailed,
                   "summit-fees", client=staff, body=ReimbursementRateTableVersionIn.from_dict(
                       {**SUMMIT_FEES, "effective_from": "2026-01-01",
                        "name": "Summit fees 2026"}))
    return {
        "ids": {
            "patient_id": patient["id"], "order_id": draft["id"],
            "appointment_id": b["appointment"]["id"], "appt_id": b["appointment"]["id"],
            "authorization_id": b["authorization"]["id"], "case_id": b["authorization"]["id"],
            "claim_id": v["claim"]["id"], "code": "ketorolac", "drug_code": "ketorolac",
            "protocol_id": protocols["items"][0]["id"],
            "payer_id": "summit-health", "chair_id": "c01", "ndc": "99207000225",
            "dead_letter_id": "1", "quarter": "2026Q4",
            "shift_id": (shifts["items"] if isinstance(shifts, dict) else shifts)[-1]["id"],
            "coverage_id": ident["coverage"]["id"], "check_id": ident["check"]["id"],
            "practitioner_id": ident["practitioner"]["id"], "line_sequence": "1",
            "recall_id": str(uuid.uuid4()),  # nobody's recall: the probes read a 404
            # issue 17: nobody's webhook subscription or delivery (the probes read a 404)
            "subscription_id": str(uuid.uuid4()), "delivery_id": str(uuid.uuid4()),
            "series_id": series["id"],
        },
        "series_orders": course[2:], "series_first_day": first_day,
        "today": stack.today().isoformat(),
        "identity": ident,
        "chair_order": chair["id"], "chair_appointment": c["appointment"]["id"],
        "to_cancel": to_cancel["id"], "signed_order": biologic["id"],
        "finding": next((f["code"] for f in draft["findings"]), "renal_impairment"),
        "drug": {k: v for k, v in drug.items()
                 if k not in ("code", "catalog_version", "sources", "id")},
        "payer": await api.wire(AuthorizationPayerOut, get_payers_payer_id.asyncio_detailed,
                                "summit-health", client=staff),
        "policies": await api.wire(AuthorizationPolicyListOut,
                                   get_payers_payer_id_policies.asyncio_detailed,
                                   "summit-health", client=staff),
        "ratios": await api.wire(SchedulingRatioPolicyOut, get_ratio_policy.asyncio_detailed,
                                 client=staff),
        "hours": await api.wire(SchedulingClinicHoursOut, get_clinic_hours.asyncio_detailed,
                                client=staff),
        "product": next(i for i in inventory["items"] if i["ndc"] == "99207000225"),
        "remittance": remittance_for(v["claim"], trace="EFTBADINPUT1",
                                     payee=await billing_npi(api)),
    }


def bases(w: dict[str, Any]) -> dict[tuple[str, str], Base]:
    """A valid request per operation; path parameters come from ``w["ids"]`` by name."""
    now = datetime.now(UTC)
    soon = (now + timedelta(days=2)).replace(second=0, microsecond=0)
    monday = (soon.date() + timedelta(days=7 - soon.weekday())).isoformat()  # staffing week
    window = {"from": soon.isoformat(), "to": (soon + timedelta(days=5)).isoformat()}
    patient = {"practice_id": "demo-clinic", "mrn": "BAD-1", "birth_date": "1984-06-02",
               "sex": "female", "weight_kg": 64, "pregnant": False, "qtc_ms": 440,
               "allergies": [{"substance": "sulfa", "kind": "class", "reaction": "rash",
                              "severity": "mild"}],
               "conditions": ["renal_impairment"],
               "medications": [{"name": "sumatriptan", "class": "triptan", "rxnorm": "37418",
                                "last_dose_at": (now - timedelta(days=3)).isoformat()}]}
    line = {"sequence": 1, "drug_code": "ketorolac", "dose": "15", "dose_unit": "mg",
            "mode": "push", "minutes": 2}
    order = {"patient_id": w["ids"]["patient_id"], "urgency": "planned",
             "requested_window": window, "diagnosis": ["G43.109"], "lines": [line],
             "payer": MEDICARE}
    chair = {"order_id": w["chair_order"]}
    product = {k: w["product"][k] for k in (
        "ndc", "name", "hcpcs", "strength", "strength_unit", "volume_ml", "vials_per_package",
        "single_dose", "ndc_unit", "package_cost", "cost_source", "reorder_point")}
    payer = w["payer"].get("payer", w["payer"])
    ratios = {k: w["ratios"][k] for k in ("ratios", "setup_minutes") if k in w["ratios"]}
    hours = {k: w["hours"][k] for k in ("timezone", "state", "weekly", "closed_dates")
             if k in w["hours"]}
    return {
        ("POST", "/v1/patients"): Base(body=patient),
        ("PATCH", "/v1/patients/{patient_id}"): Base(body={
            "weight_kg": 65, "pregnant": False, "qtc_ms": 450,
            "medications": patient["medications"], "allergies": patient["allergies"]}),
        ("POST", "/v1/patients/{patient_id}/outside-doses"): Base(body={
            "drug_code": "ketorolac", "dose": "15", "dose_unit": "mg",
            "given_at": (now - timedelta(hours=30)).isoformat(), "source": "urgent care"}),
        ("PUT", "/v1/drugs/{code}"): Base(body=w["drug"]),
        ("POST", "/v1/protocols"): Base(body={"name": "bad-input protocol", "lines": [
            {"sequence": 1, "drug_code": "ketorolac",
             "dose_rule": {"kind": "fixed", "dose": "15"}, "mode": "push", "minutes": 2}]}),
        ("POST", "/v1/orders"): Base(body=order),
        ("PATCH", "/v1/orders/{order_id}"): Base(body={"requested_window": window,
                                                       "lines": [line],
                                                       "diagnosis": ["G43.109"]}),
        ("POST", "/v1/orders/{order_id}/overrides"): Base(body={
            "finding_code": w["finding"], "reason": "reviewed by the neurologist"}),
        ("POST", "/v1/orders/{order_id}/cancel"): Base(path={"order_id": w["to_cancel"]},
                                                       body={"reason": "patient declined"}),
        ("POST", "/v1/orders/{order_id}/administrations"): Base(path=chair, body={
            "line_sequence": 2, "started_at": (now - timedelta(minutes=20)).isoformat(),
            "stopped_at": (now - timedelta(minutes=18)).isoformat(), "dose_given": "30",
            "dose_unit": "mg", "ndc": "99207000225", "lot": "D01A", "wasted_amount": "0",
            "reaction": "none"}),
        ("POST", "/v1/orders/{order_id}/complete"): Base(path=chair, body={
            "rendering_provider_npi": "1234567893",
            "discharge_override_reason": "the bad-input sweep does not record vitals"}),
        # the visit at the chair (issue 15): vitals, escort, discharge check, a reaction, pain
        ("POST", "/v1/orders/{order_id}/vitals"): Base(path=chair, body={
            "kind": "baseline", "taken_at": (now - timedelta(minutes=25)).isoformat(),
            "bp_systolic": 122, "bp_diastolic": 78, "heart_rate": 72, "respiratory_rate": 14,
            "spo2": 98}),
        ("POST", "/v1/orders/{order_id}/escort"): Base(path=chair, body={
            "name": "Marisol Brennan", "phone": "6175550142"}),
        ("POST", "/v1/orders/{order_id}/discharge"): Base(path=chair, body={
            "gait_steady": True, "orthostatics_negative": True, "nausea_controlled": True}),
        ("POST", "/v1/orders/{order_id}/reactions"): Base(path=chair, body={
            "onset_at": (now - timedelta(minutes=15)).isoformat(), "minutes_from_start": 5,
            "suspects": [{"drug_code": "ketorolac"}], "manifestations": ["126485001"],
            "term": "infusion_related_reaction", "grade": 1, "graded_by": "rn-bad-input",
            "kind": "allergy", "outcome": "resolved",
            "resolved_at": (now - timedelta(minutes=10)).isoformat(),
            "rechallenge": "premedicate"}),
        ("POST", "/v1/orders/{order_id}/pain-scores"): Base(path=chair, body={
            "point": "arrival", "nrs": 7}),
        ("POST", "/v1/orders/{order_id}/follow-ups"): Base(body={"checkpoint_hours": 24}),
        ("POST", "/v1/patients/{patient_id}/assessments"): Base(body={
            "kind": "midas", "taken_on": (now - timedelta(days=1)).date().isoformat(),
            "items": [3, 2, 4, 1, 5]}),
        ("POST", "/v1/patients/{patient_id}/observations"): Base(body={
            "kind": "hbv_screen", "result": "negative", "source": "lab",
            "observed_on": (now - timedelta(days=1)).date().isoformat()}),
        ("GET", "/v1/slots"): Base(query={"minutes": "30", "acuity_class": "standard",
                                          "from": soon.isoformat(), "limit": "3"}),
        ("GET", "/v1/appointments"): Base(query={"date": soon.date().isoformat()}),
        ("POST", "/v1/appointments"): Base(body={"order_id": w["signed_order"],
                                                 "start": soon.isoformat()}),
        ("POST", "/v1/appointments/{appointment_id}/move"): Base(body={
            "start": soon.isoformat()}),
        ("POST", "/v1/appointments/{appt_id}/move"): Base(body={"start": soon.isoformat()}),
        ("POST", "/v1/appointments/{appointment_id}/cancel"): Base(body={"reason": "sick"}),
        ("POST", "/v1/series"): Base(body={
            "order_ids": w["series_orders"], "pattern": {"kind": "day_offsets",
                                                         "offsets": [0, 7]},
            "first_day": w["series_first_day"], "window": {"from": "08:00", "to": "16:00"},
            "allow_closed_day_gap": False}),
        ("POST", "/v1/series/{series_id}/shift"): Base(body={"days": 1, "from_position": 2}),
        ("POST", "/v1/appointments/{appt_id}/cancel"): Base(body={"reason": "sick"}),
        ("GET", "/v1/board"): Base(query={"date": soon.date().isoformat()}),
        ("GET", "/v1/staffing/forecast"): Base(query={"week": monday}),
        ("GET", "/v1/staffing/forecast.svg"): Base(query={"week": monday}),
        ("POST", "/v1/schedule/optimize"): Base(query={"date": soon.date().isoformat()}),
        ("POST", "/v1/chairs"): Base(body={"id": "c99", "kind": "recliner",
                                           "pediatric_capable": False, "active": True}),
        ("PUT", "/v1/chairs/{chair_id}"): Base(body={"id": "c01", "kind": "recliner",
                                                     "pediatric_capable": False,
                                                     "active": True}),
        ("GET", "/v1/nurse-shifts"): Base(query={"from": soon.isoformat()}),
        ("POST", "/v1/nurse-shifts"): Base(body={
            "nurse_id": "rn-bad", "start": (soon + timedelta(days=30)).isoformat(),
            "end": (soon + timedelta(days=30, hours=8)).isoformat(),
            "breaks": [{"start": (soon + timedelta(days=30, hours=4)).isoformat(),
                        "end": (soon + timedelta(days=30, hours=4, minutes=30)).isoformat()}]}),
        ("GET", "/v1/pharmacy-shifts"): Base(query={"from": soon.isoformat()}),
        ("POST", "/v1/pharmacy-shifts"): Base(body={
            "pharmacist_id": "rph-bad", "start": (soon + timedelta(days=30)).isoformat(),
            "end": (soon + timedelta(days=30, hours=8)).isoformat(),
            "breaks": [{"start": (soon + timedelta(days=30, hours=4)).isoformat(),
                        "end": (soon + timedelta(days=30, hours=4, minutes=30)).isoformat()}]}),
        ("PUT", "/v1/pharmacy-hoods"): Base(body={"hoods": None}),
        ("PUT", "/v1/ratio-policy"): Base(body=ratios),
        ("PUT", "/v1/clinic-hours"): Base(body=hours),
        ("GET", "/v1/authorizations"): Base(query={"due_before": soon.isoformat()}),
        ("GET", "/v1/authorizations/metrics"): Base(query={"from": now.isoformat()}),
        ("POST", "/v1/authorizations/{authorization_id}/answers"): Base(body={"answers": {
            "J3032.baseline-migraine-days": 10,
            "J3032.failed-preventive-classes": ["beta-blocker", "tca-snri"]}}),
        ("POST", "/v1/authorizations/{authorization_id}/withdraw"): Base(body={
            "reason": "changed plan"}),
        ("POST", "/v1/authorizations/{authorization_id}/decision"): Base(body={
            "channel": "portal", "reference": "PROBE-1", "outcome": "approved",
            "auth_number": "PROBE-1", "valid_from": now.date().isoformat(),
            "valid_to": (now + timedelta(days=90)).date().isoformat(),
            "lines": [{"hcpcs": "J3032", "approved_units": 100}]}),
        ("POST", "/v1/payers"): Base(body={**payer, "id": f"bad-{uuid.uuid4().hex[:8]}"}),
        ("PUT", "/v1/payers/{payer_id}"): Base(body=payer),
        ("PUT", "/v1/payers/{payer_id}/policies"): Base(body={
            "policies": w["policies"]["policies"]}),
        ("POST", "/v1/remittances"): Base(body=w["remittance"]),
        ("POST", "/v1/inventory"): Base(body={
            "ndc": "99207000225", "lot_number": "BAD1", "expires_on": "2031-01-31",
            "packages": 1, "package_cost": "12.50", "cost_source": "invoice 1",
            "reference": "PO-1", "product": product}),
        ("PUT", "/v1/inventory/{ndc}"): Base(body=product),
        ("POST", "/v1/fee-schedules/asp"): Base(query={"quarter": "2027Q1"}, body=ASP_CSV),
        # the reimbursement service's own admin routes (not in the public API)
        ("PUT", "/v1/fee-schedules/contracts/{payer_id}"): Base(body={
            "name": "Summit PPO 2027", "kind": "commercial", "drug_basis": "asp_percent",
            "drug_percent": "1.2", "drug_rates": {"J1885": "0.50"}, "admin_rates": {
                "96365": "120.00"}, "coinsurance": "0.2", "sequestration": "0",
            "x12_payer_id": "SUMMIT01", "claim_filing": "CI",
            "policy": {"rounding": "up", "jw_jz": True}, "source": "contract 2027"}),
        ("PUT", "/v1/fee-schedules/charge-master"): Base(body={
            "version": "2027-01", "rates": {"96365": "250.00", "J1885": "4.00"}}),
        ("PUT", "/v1/fee-schedules/hcpcs/{code}"): Base(path={"code": "J1885"}, body={
            "description": "Ketorolac tromethamine inj", "amount": "15", "unit": "mg",
            "source": "CMS HCPCS file"}),
        ("GET", "/v1/reports/margin"): Base(query={"from": "2026-01-01", "to": "2026-12-31",
                                                   "by": "drug"}),
        ("GET", "/v1/reports/ar"): Base(query={"from": "2026-01-01", "to": "2026-12-31"}),
        # issue 17: webhooks (the host is on no allowed list: the base itself is a 422 on url)
        ("POST", "/v1/webhooks/subscriptions"): Base(body={
            "url": "https://hooks.partner.example/in", "event_types": ["order.signed"]}),
        ("PATCH", "/v1/webhooks/subscriptions/{subscription_id}"): Base(body={
            "description": "probe", "event_types": ["order.signed"]}),
        ("GET", "/v1/webhooks/dead-letters"): Base(query={"limit": "10"}),
        ("GET", "/v1/reports/margin.csv"): Base(query={"from": "2026-01-01", "to": "2026-12-31",
                                                       "by": "protocol"}),
        ("GET", "/v1/reports/referrals"): Base(query={"from": "2026-01-01", "to": "2026-12-31",
                                                      "period": "week"}),
        ("GET", "/v1/reports/referrals.csv"): Base(query={"from": "2026-01-01",
                                                          "to": "2026-12-31"}),
        ("GET", "/v1/reports/reactions"): Base(query={"from": "2026-01-01", "to": "2026-12-31"}),
        ("GET", "/v1/reports/gpo-savings"): Base(query={"from": "2026-01-01",
                                                        "to": "2026-12-31"}),
        ("GET", "/v1/reports/gpo-savings.csv"): Base(query={"from": "2026-01-01",
                                                            "to": "2026-12-31"}),
        **pricing_bases(),
        **identity_bases(w),
    }


# --- issue 14: versioned contracts, fee schedules and charge master; underpayments
SUMMIT_FEES = {"effective_from": "2027-01-01", "name": "Summit fees 2027",
               "source": "exhibit B", "rates": {"96365": "120.00", "J1885": "0.50"}}


def pricing_bases() -> dict[tuple[str, str], Base]:
    fees = SUMMIT_FEES
    version = {"version": "1"}
    return {
        ("POST", "/v1/pricing/fee-schedules/{schedule_id}/versions"): Base(
            path={"schedule_id": "summit-fees"}, body=fees),
        ("GET", "/v1/pricing/fee-schedules/{schedule_id}/versions"): Base(
            path={"schedule_id": "summit-fees"}),
        ("GET", "/v1/pricing/fee-schedules/{schedule_id}/versions/{version}"): Base(
            path={"schedule_id": "summit-fees", **version}),
        ("POST", "/v1/pricing/contracts/{payer_id}/versions"): Base(
            path={"payer_id": "summit-health"}, body={
                "effective_from": "2027-01-01", "source": "contract 2027",
                "name": "Summit PPO", "payer_kind": "commercial", "drug_pricing": "asp",
                "drug_percent": "120", "fee_schedule_id": "summit-fees",
                "tolerance_amount": "5.00", "tolerance_percent": "1"}),
        ("GET", "/v1/pricing/contracts/{payer_id}/versions/{version}"): Base(
            path={"payer_id": "summit-health", **version}),
        ("POST", "/v1/pricing/charge-master/versions"): Base(body=fees | {
            "effective_from": "2099-01-01", "name": "charge master 2099"}),
        ("GET", "/v1/pricing/charge-master/versions/{version}"): Base(path=version),
        ("GET", "/v1/underpayments"): Base(query={"from": "2026-01-01", "to": "2026-12-31",
                                                  "status": "flagged"}),
        ("GET", "/v1/underpayments/csv"): Base(query={"status": "underpaid"}),
    }


# --- issue 13: identities (orders), eligibility (authorization), billing identity

PERSON = {"family_name": "Okafor", "given_name": "Adaeze", "middle_name": "N",
          "birth_date": "1984-06-02", "sex": "female", "phone": "6175550123",
          "address": {"line1": "12 Tremont St", "line2": "Apt 4", "city": "Boston",
                      "state": "MA", "postal_code": "021081234"}}
SUBSCRIBER = {**PERSON, "given_name": "Chidi", "birth_date": "1980-02-14", "sex": "male"}
BILLING = {"name": "Chairside Infusion Center", "npi": "1234567893", "ein": "04-1234567",
           "taxonomy": "261QI0500X", "npi_taxonomies": ["261QI0500X"],
           "address": {"line1": "100 Summer St", "line2": None, "city": "Boston",
                       "state": "MA", "postal_code": "021101234"}}
ENROLLMENT = {"npi": "1234567893", "taxonomy": "261QI0500X", "status": "active",
              "effective_from": "2026-01-01", "effective_to": None}


def npi() -> str:
    """A fresh NPI with a valid check digit (Luhn over 80840 + the first nine digits)."""
    first = "1" + f"{uuid.uuid4().int % 10**8:08d}"
    digits = [int(c) for c in "80840" + first]
    total = sum(d if i % 2 else sum(divmod(d * 2, 10)) for i, d in enumerate(reversed(digits)))
    return first + str((10 - total % 10) % 10)


async def identities(api: Api, patient_id: str, order_id: str) -> dict[str, Any]:
    """Demographics and coverages on the patient, a practitioner, the billing identity and an
    enrollment, and an eligibility answer: real data for issue 13's routes."""
    staff, patient = await api.as_(), UUID(patient_id)
    await api.call(OrdersDemographicsOut, put_patients_patient_id_demographics.asyncio_detailed,
                   patient, client=staff, body=OrdersPersonIn.from_dict(PERSON))

    async def cover(body: dict[str, Any]) -> dict[str, Any]:
        return await api.wire(OrdersCoverageOut,
                              post_patients_patient_id_coverages.asyncio_detailed, patient,
                              client=staff, body=OrdersCoverageIn.from_dict(body))
    coverage = await cover({**{k: MEDICARE[k] for k in MEDICARE},
                            "relationship": "self", "priority": "primary"})
    to_end = await cover({"payer_id": "summit-health", "member_id": "PEND-91",
                          "relationship": "spouse", "subscriber": SUBSCRIBER,
                          "priority": "secondary"})
    known = (await api.wire(OrdersPagePractitionerOut, get_practitioners.asyncio_detailed,
                            client=staff, npi="1234567893"))["items"]
    practitioner = known[0] if known else await api.wire(
        OrdersPractitionerOut, post_practitioners.asyncio_detailed, client=staff,
        body=OrdersPractitionerIn.from_dict({
            "npi": "1234567893", "family_name": "Reyes", "given_name": "Marta",
            "taxonomy": "2084N0402X", "roles": ["ordering", "rendering", "supervising"]}))
    try:
        billing = await api.wire(ReimbursementBillingIdentityOut,
                                 get_billing_identity.asyncio_detailed, client=staff)
    except ApiError as missing:
        if missing.status != 404:
            raise
        billing = await api.wire(ReimbursementBillingIdentityOut,
                                 put_billing_identity.asyncio_detailed, client=staff,
                                 body=ReimbursementBillingIdentityIn.from_dict(BILLING))
    enrollment = {**ENROLLMENT, "npi": billing["npi"], "taxonomy": billing["taxonomy"]}
    await api.call(ReimbursementEnrollmentOut, put_payer_enrollments_payer_id.asyncio_detailed,
                   "summit-health", client=staff,
                   body=ReimbursementEnrollmentIn.from_dict(enrollment))
    check = await api.wire(AuthorizationEligibilityCheckOut,
                           post_patients_patient_id_eligibility.asyncio_detailed, patient,
                           client=staff, body=AuthorizationEligibilityRequest.from_dict({
                               "payer_id": "medicare", "order_id": order_id}))
    return {"coverage": coverage, "to_end": to_end, "practitioner": practitioner,
            "check": check, "billing": billing, "enrollment": enrollment}


def identity_bases(w: dict[str, Any]) -> dict[tuple[str, str], Base]:
    ident = w["identity"]
    billing = {k: ident["billing"][k] for k in BILLING}
    lookup = {k: PERSON[k] for k in ("family_name", "given_name", "birth_date")}
    return {
        ("PUT", "/v1/patients/{patient_id}/demographics"): Base(body=PERSON),
        ("GET", "/v1/patients/{patient_id}/demographics"): Base(query={"purpose": "treatment"}),
        ("POST", "/v1/patients/{patient_id}/coverages"): Base(body={
            "payer_id": "summit-health", "plan_id": "summit-ppo", "member_id": "PEND-92",
            "group_number": "GRP-7", "relationship": "spouse", "subscriber": SUBSCRIBER,
            "priority": "tertiary", "effective_from": "2026-01-01",
            "effective_to": "2026-12-31"}),
        ("GET", "/v1/patients/{patient_id}/coverages"): Base(query={
            "status": "active", "purpose": "payment"}),
        ("PATCH", "/v1/patients/{patient_id}/coverages/{coverage_id}"): Base(body={
            "group_number": "GRP-8", "plan_id": "part-b",
            "version": ident["coverage"]["version"]}),
        ("DELETE", "/v1/patients/{patient_id}/coverages/{coverage_id}"): Base(
            path={"coverage_id": ident["to_end"]["id"]},
            query={"effective_to": w["today"]}),
        ("GET", "/v1/patients/{patient_id}/coverages/{coverage_id}/history"): Base(
            query={"purpose": "operations"}),
        ("POST", "/v1/patients/lookup"): Base(body={**lookup, "purpose": "treatment"}),
        ("GET", "/v1/patients/lookup"): Base(query={"member_id": MEDICARE["member_id"]}),
        ("GET", "/v1/patients/{patient_id}/access-log"): Base(query={"limit": "5"}),
        ("GET", "/v1/practitioners"): Base(query={"role": "ordering", "npi": "1234567893"}),
        ("POST", "/v1/practitioners"): Base(body={
            "npi": npi(), "family_name": "Lindqvist", "given_name": "Sofia",
            "taxonomy": "2084N0402X", "roles": ["ordering"], "practice_id": "demo-partner",
            "active": True}),
        ("PATCH", "/v1/practitioners/{practitioner_id}"): Base(body={
            "roles": ["ordering", "rendering", "supervising"], "active": True}),
        ("GET", "/v1/orders/{order_id}/payer-identity"): Base(
            path={"order_id": w["signed_order"]}, query={"purpose": "payment"}),
        ("GET", "/v1/patients/{patient_id}/payer-identity"): Base(query={
            "payer_id": "medicare", "purpose": "payment"}),
        ("POST", "/v1/patients/{patient_id}/eligibility"): Base(body={
            "payer_id": "medicare", "order_id": w["signed_order"],
            "service_date": w["today"],
            "expected_allowed_amount": "120.00"}),
        ("GET", "/v1/patients/{patient_id}/eligibility"): Base(query={"limit": "5"}),
        ("GET", "/v1/eligibility/flags"): Base(query={"limit": "10"}),
        ("POST", "/v1/eligibility/{check_id}/resolve"): Base(body={
            "reason": "coverage confirmed by phone"}),
        ("PUT", "/v1/billing-identity"): Base(body=billing),
        ("PUT", "/v1/payer-enrollments/{payer_id}"): Base(body=ident["enrollment"]),
        ("PUT", "/v1/claims/{claim_id}/administrations/{line_sequence}/ndc"): Base(body={
            "ndc": "99207000225", "lot": "D01A"}),
    }


def service_headers() -> dict[str, str]:
    return {"x-chairside-client-id": "demo-admin", "x-chairside-scopes": ADMIN_SCOPES,
            "x-chairside-user-id": "bad-input-tester", "x-chairside-roles": "admin clinician"}
