"""Data and requests for walking every route of the table as different callers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gateway.adapters import repository as repo
from gateway.adapters.orm import utcnow
from gateway.domain.credentials import hash_secret
from gateway.domain.principal import PARTNER_SCOPES, format_scopes
from gateway.domain.routing import Kind, Route
from gateway.entrypoints.api import schemas as gw
from gateway.entrypoints.api.contracts import authorization as au
from gateway.entrypoints.api.contracts import orders as od
from gateway.entrypoints.api.contracts import reimbursement as rb
from gateway.entrypoints.api.contracts import scheduling as sc

WHEN = "2026-03-02T14:00:00+00:00"
LATER = "2026-03-02T16:00:00+00:00"

BODIES: dict[type[Any], Any] = {
    # group purchasing (admin only): a contract, WAC prices and an invoice, each valid
    rb.GpoContractIn: {"id": "gpo-walk", "name": "walk contract", "gpo": "walk gpo",
                       "effective_from": "2026-01-01", "source": "walk test",
                       "items": [{"code": "J3032", "tiers": [
                           {"min_quantity": 0, "unit_price": "100.00"}]}]},
    rb.WacListIn: {"prices": [{"code": "J3032", "effective_from": "2026-01-01",
                               "package_price": "120.00", "source": "walk test"}]},
    rb.InvoiceIn: {"id": "inv-walk", "invoice_date": "2026-01-05", "wholesaler": "walk",
                   "lines": [{"ndc": "99207000901", "quantity": 1, "unit_price": "100.00"}]},
    od.PatientUpdate: {"weight_kg": 61.0},
    od.OutsideDoseIn: {"drug_code": "ketorolac", "dose": "30", "dose_unit": "mg",
                       "given_at": "2026-03-01T10:00:00+00:00", "source": "ED"},
    od.PutDrugRequest: {"code": "ketorolac", "name": "Ketorolac", "class": "nsaid"},
    od.ObservationKindIn: {"label": "HBV screen", "results": ["negative", "positive"],
                           "source": "walk"},
    od.ProtocolCreate: {"name": "Cocktail A", "lines": [{"sequence": 1, "drug_code": "ketorolac",
                                                         "dose_rule": {"kind": "fixed",
                                                                       "dose": "30"},
                                                         "mode": "push", "minutes": 2}]},
    od.OrderUpdate: {"urgency": "planned"},
    od.OverrideIn: {"finding_code": "qt_stack", "reason": "ECG reviewed", "line": 1},
    od.CancelIn: {"reason": "patient request"},
    od.CompleteOrderRequest: {"rendering_provider_npi": "1234567893"},
    sc.CancelRequest: {"reason": "patient request"},
    au.WithdrawRequest: {"reason": "no longer needed"},
    od.AdministrationIn: {"line_sequence": 1, "started_at": WHEN, "stopped_at": LATER,
                          "dose_given": "30", "dose_unit": "mg", "ndc": "00409-3795-01",
                          "lot": "L1", "wasted_amount": "0"},
    od.VitalsIn: {"kind": "baseline", "taken_at": WHEN, "bp_systolic": 120,
                  "bp_diastolic": 80, "heart_rate": 70, "spo2": 98},
    od.EscortIn: {"name": "Escort Name", "phone": "+1 555 010 0100"},
    od.DischargeCheckIn: {"gait_steady": True, "orthostatics_negative": True,
                          "nausea_controlled": True},
    od.ReactionIn: {"onset_at": WHEN, "suspects": [{"drug_code": "ketorolac"}],
                    "manifestations": ["126485001"], "term": "infusion_related_reaction",
                    "grade": 1, "graded_by": "rn-1", "kind": "allergy", "outcome": "resolved",
                    "resolved_at": LATER, "rechallenge": "premedicate"},
    od.ClearanceIn: {"note": "ECG normal, cleared to continue"},
    od.PainScoreIn: {"point": "arrival", "nrs": 7},
    od.FollowUpIn: {"checkpoint_hours": 24},
    od.AssessmentIn: {"kind": "midas", "taken_on": "2026-03-01", "items": [3, 2, 4, 1, 5]},
    od.ObservationIn: {"kind": "hbv_screen", "result": "negative", "observed_on": "2026-03-01",
                       "source": "lab"},
    sc.AppointmentMove: {"start": LATER},
    sc.SeriesShift: {"days": 1},
    sc.ChairIn: {"id": "chair-9", "kind": "recliner", "pediatric_capable": False},
    sc.NurseShiftIn: {"nurse_id": "rn-1", "start": WHEN, "end": LATER},
    sc.RatioPolicyIn: {"ratios": {"biologic": 2}},
    sc.PharmacyHoodsIn: {"hoods": 2},
    sc.PharmacistShiftIn: {"pharmacist_id": "rph-1", "start": WHEN, "end": LATER},
    sc.ClinicHoursIn: {"timezone": "America/New_York", "weekly": []},
    au.AuthorizationAnswers: {"answers": {"J3032.baseline-migraine-days": 12}},
    au.PayerDecisionIn: {"channel": "portal", "reference": "PORTAL-1", "outcome": "denied",
                         "reason": "not medically necessary", "reason_code": "MN"},
    au.Payer: {"id": "demo-payer", "name": "Demo payer", "payer_type": "commercial"},
    au.PolicyList: {"policies": []},
    rb.ReceiptIn: {"ndc": "00409-3795-01", "lot_number": "L1", "expires_on": "2027-01-31",
                   "packages": 2},
    rb.ProductIn: {"ndc": "00409-3795-01", "name": "Ketorolac 30 mg/mL", "strength": "30",
                   "strength_unit": "mg", "vials_per_package": 25, "single_dose": True,
                   "ndc_unit": "UN", "package_cost": "21.50", "cost_source": "GPO"},
    rb.PostRemittanceRequest: "ISA*00*          *00*~ST*835*0001~SE*2*0001~",
    rb.ReleaseIn: {"released_by": "biller-1", "reason": "crossover payer declined"},
    rb.LoadAspRequest: "HCPCS,payment_limit\nJ1885,0.512\n",
    od.PersonIn: {"family_name": "Rivera", "given_name": "Ana", "birth_date": "1979-02-11",
                  "sex": "female", "address": {"line1": "1 Main St", "city": "Boston",
                                               "state": "MA", "postal_code": "02110"}},
    od.CoverageIn: {"payer_id": "demo-payer", "member_id": "M123", "relationship": "self"},
    od.CoveragePatch: {"group_number": "G1"},
    od.LookupIn: {"member_id": "M123"},
    od.PractitionerIn: {"npi": "1234567893", "family_name": "Osei", "given_name": "Kofi",
                        "taxonomy": "2084N0402X", "roles": ["ordering"]},
    od.PractitionerPatch: {"active": True},
    au.CheckNowRequest: {"payer_id": "demo-payer"},
    au.ResolveRequest: {"reason": "coverage confirmed by phone"},
    rb.NdcIn: {"ndc": "00409-3795-01"},
    rb.BillingIdentityIn: {"name": "Demo Infusion", "npi": "1234567893", "ein": "12-3456789",
                           "npi_taxonomies": ["261QI0500X"],
                           "address": {"line1": "1 Main St", "city": "Boston", "state": "MA",
                                       "postal_code": "021101234"}},
    rb.EnrollmentIn: {"npi": "1234567893", "taxonomy": "261QI0500X", "status": "active",
                      "effective_from": "2026-01-01"},
    rb.ContractVersionIn: {"effective_from": "2026-01-01", "source": "agreement",
                           "name": "Demo PPO", "payer_kind": "commercial",
                           "drug_pricing": "asp", "drug_percent": "115"},
    rb.RateTableVersionIn: {"effective_from": "2026-01-01", "source": "exhibit B",
                            "name": "Demo fees", "rates": {"96365": "95.00"}},
    # issue 14: appeals
    rb.AppealIn: {"reason": "meets the policy"},
    rb.FileIn: {"payer_reference": "RDT-1"},
    rb.DecisionIn: {"outcome": "lost", "decided_on": "2026-04-01"},
    rb.EscalateIn: {"reason": "to the QIC"},
    rb.DocumentIn: {"type_code": "11506-3", "content_type": "text/plain", "title": "Note",
                    "date": "2026-03-01", "author_id": "Practitioner/p1", "data": "bm90ZQ=="},
    au.PaAppealIn: {"level": "peer_to_peer", "reason": "criteria met"},
    au.ScheduleIn: {"reviewer": "Payer reviewer", "scheduled_at": WHEN},
    au.AppealDecisionIn: {"outcome": "lost", "decided_on": "2026-03-05"},
    au.DocumentIn: {"type_code": "11506-3", "content_type": "text/plain", "title": "Note",
                    "date": "2026-03-01", "author_id": "Practitioner/p1", "data": "bm90ZQ=="},
    rb.ClaimActionIn: {"reason": "units corrected"},
    rb.ClaimStatusIn: {"action": "close", "reason": "paid in full"},
    rb.PayerClaimRulesIn: {"timely_filing_days": 180},
}
# Ids that name nothing of one practice (a coverage is bound through the patient in its path).
COVERAGE_ID = "8f1c8a4e-6a0b-4c55-9a51-0f2f1f7f7a04"
APPEAL_ID = "8f1c8a4e-6a0b-4c55-9a51-0f2f1f7f7a05"  # bound through the case or claim in its path
DOCUMENT_ID = "8f1c8a4e-6a0b-4c55-9a51-0f2f1f7f7a06"
QUERIES: dict[type[Any], dict[str, str]] = {
    sc.GetSlotsQuery: {"minutes": "90"}, sc.OptimizeQuery: {"date": "2026-03-02"},
    gw.BoardQuery: {"date": "2026-03-02"},
    sc.ListRecallsQuery: {"status": "due", "from": "2026-01-01", "to": "2026-12-31"},
    sc.StaffingForecastQuery: {"week": "2026-03-02"},
    sc.StaffingForecastSvgQuery: {"week": "2026-03-02"},
    rb.MarginQuery: {"from": "2026-01-01", "to": "2026-03-31"},
    rb.MarginCsvQuery: {"from": "2026-01-01", "to": "2026-03-31", "by": "practice"},
    od.ReactionReportQuery: {"from": "2026-01-01", "to": "2026-03-31"},
    od.OutcomesReportQuery: {"from": "2026-01-01", "to": "2026-03-31"},
    od.EdAvoidedReportQuery: {"from": "2026-01-01", "to": "2026-03-31"},
    rb.LoadAspQuery: {"quarter": "2026Q1"}, od.PatientPayerIdentityQuery: {"payer_id": "p1"},
    rb.GpoSavingsQuery: {"from": "2026-01-01", "to": "2026-03-31"},
    rb.GpoSavingsCsvQuery: {"from": "2026-01-01", "to": "2026-03-31"}}


@dataclass
class PracticeData:
    practice_id: str
    patient: dict[str, Any]
    order: dict[str, Any]
    appointment: dict[str, Any]
    authorization: dict[str, Any]
    claim: dict[str, Any]
    check: dict[str, Any]
    practitioner: dict[str, Any]
    reaction: dict[str, Any]
    alert: dict[str, Any]
    recall: dict[str, Any]
    series: dict[str, Any]

    @property
    def ids(self) -> dict[str, str]:
        return {"patient_id": self.patient["id"], "order_id": self.order["id"],
                "appointment_id": self.appointment["id"],
                "authorization_id": self.authorization["id"], "claim_id": self.claim["id"],
                "code": "ketorolac", "kind": "hbv_screen", "payer_id": "demo-payer",
                "protocol_id": "6f1c8a4e-6a0b-4c55-9a51-0f2f1f7f7a02", "chair_id": "chair-1",
                "shift_id": "7f1c8a4e-6a0b-4c55-9a51-0f2f1f7f7a03", "ndc": "00409-3795-01",
                "coverage_id": COVERAGE_ID, "check_id": self.check["id"],
                "practitioner_id": self.practitioner["id"], "line_sequence": "1",
                "schedule_id": "demo-fees", "version": "1",
                "appeal_id": APPEAL_ID, "document_id": DOCUMENT_ID,
                "reaction_id": self.reaction["id"], "alert_id": self.alert["id"],
                "recall_id": self.recall["id"], "series_id": self.series["id"]}

    @property
    def all_ids(self) -> set[str]:
        return {self.patient["id"], self.order["id"], self.appointment["id"],
                self.authorization["id"], self.claim["id"], self.check["id"],
                self.recall["id"], self.series["id"]}


def seed_practice(fakes: Any, practice_id: str, mrn: str) -> PracticeData:
    """One visit's records, linked only by ids (appointment/case/claim -> order -> patient)."""
    patient = fakes["orders"].put("patients", {
        "practice_id": practice_id, "mrn": mrn, "birth_date": "1979-02-11", "sex": "female",
        "weight_kg": 70})
    order = fakes["orders"].put("orders", {"patient_id": patient["id"], "status": "draft",
                                           "lines": [], "findings": []})
    appointment = fakes["scheduling"].put("appointments", {
        "order_id": order["id"], "chair_id": "chair-1", "start": WHEN, "status": "booked"})
    authorization = fakes["authorization"].put("authorizations", {
        "order_id": order["id"], "status": "pended", "lines": []})
    claim = fakes["reimbursement"].put("claims", {"order_id": order["id"], "status": "created",
                                                  "lines": []})
    check = fakes["authorization"].put("eligibility", {"patient_id": patient["id"],
                                                       "status": "inactive"})
    practitioner = fakes["orders"].put("practitioners", {
        "npi": "1234567893", "family_name": "Osei", "given_name": "Kofi",
        "taxonomy": "2084N0402X", "roles": ["ordering"], "practice_id": practice_id,
        "active": True})
    reaction = fakes["orders"].put("reactions", {"order_id": order["id"],
                                                 "patient_id": patient["id"], "grade": 1})
    alert = fakes["orders"].put("alerts", {"reaction_id": reaction["id"], "grade": 1})
    recall = fakes["scheduling"].put("recalls", {
        "practice_id": practice_id, "patient_id": patient["id"], "source_order_id": order["id"],
        "drug_code": "eptinezumab", "status": "due", "earliest": "2026-05-25"})
    series = fakes["scheduling"].put("series", {
        "patient_id": patient["id"], "practice_id": practice_id,
        "visits": [{"position": 1, "order_id": order["id"]}]})
    return PracticeData(practice_id, patient, order, appointment, authorization, claim, check,
                        practitioner, reaction, alert, recall, series)


async def add_partner(gw: Any, client_id: str, practice_id: str) -> str:
    secret = f"{client_id}-secret"
    async with gw.sessions() as s, s.begin():
        await repo.add_practice(s, practice_id=practice_id, name=practice_id, kind="partner",
                                created_at=utcnow())
        await repo.add_client(s, client_id=client_id, secret_hash=hash_secret(secret),
                              name=client_id, scopes=format_scopes(PARTNER_SCOPES),
                              practice_id=practice_id, allows_password_grant=False, active=True,
                              created_at=utcnow())
    return secret


def request_for(route: Route, target: PracticeData) -> tuple[str, str, dict[str, Any]]:
    """A valid request for `route` that names `target`'s records."""
    path = route.path.format(**target.ids)
    kwargs: dict[str, Any] = {}
    if route.query in QUERIES:
        kwargs["params"] = QUERIES[route.query]
    if route.kind is Kind.REPORT:  # a practice's report: names the target's practice
        kwargs["params"] = {"from": "2026-01-01", "to": "2026-03-31",
                            "practice_id": target.practice_id}
    if route.body is od.PatientCreate:
        kwargs["json"] = {"practice_id": target.practice_id, "mrn": "NEW-1",
                          "birth_date": "1990-01-01", "sex": "male", "weight_kg": 80}
    elif route.body is od.OrderCreate:
        kwargs["json"] = {"patient_id": target.patient["id"], "urgency": "same_day",
                          "diagnosis": ["G43.711"], "payer": {"payer_id": "p1", "member_id": "m1"},
                          "lines": [{"drug_code": "ketorolac", "dose": "30", "dose_unit": "mg",
                                     "mode": "push", "minutes": 5, "sequence": 1}]}
    elif route.body is od.LookupIn:
        kwargs["json"] = {"member_id": "M123", "practice_id": target.practice_id}
    elif route.body is sc.AppointmentCreate:
        kwargs["json"] = {"order_id": target.order["id"], "start": WHEN}
    elif route.body is sc.SeriesCreate:  # every order named must be the caller's
        kwargs["json"] = {"order_ids": [target.order["id"]] * 2,
                          "pattern": {"kind": "consecutive_days"}, "first_day": "2026-03-02",
                          "window": {"from": "08:00", "to": "12:00"}}
    elif route.body in BODIES:
        body = BODIES[route.body]
        if isinstance(body, str):
            kwargs["content"] = body.encode()
            kwargs["headers"] = {"content-type": route.body_type}
        else:
            kwargs["json"] = body
    return route.method, path, kwargs
