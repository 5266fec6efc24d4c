"""The route table, derived line by line from shared/api.md (plus the routes the services
offer besides, and the gateway's own).

Every public route is one `Route`: which service owns it, the scope it needs, how a partner
client bound to one practice may use it, and its schemas by class: the models generated from
the owning service's OpenAPI document (contracts/, `make contracts`) or, for the gateway's own
routes, schemas.py. The gateway registers its endpoints, validates at the edge, builds its
OpenAPI document and enforces access from this table alone, so a route missing here does not
exist at the edge. Matching is in table order: literal segments come before `{ids}`.
tests/unit/test_contracts.py checks that each route is its service's operation.
"""

from __future__ import annotations

from typing import Any

from gateway.domain.routing import (
    AUTHORIZATION,
    GATEWAY,
    ORDERS,
    REIMBURSEMENT,
    SCHEDULING,
    Access,
    Kind,
    Route,
)
from gateway.entrypoints.api import schemas as gw
from gateway.entrypoints.api.contracts import authorization as au
from gateway.entrypoints.api.contracts import orders as od
from gateway.entrypoints.api.contracts import reimbursement as rb
from gateway.entrypoints.api.contracts import scheduling as sc

P, S, C, PUB = Access.PRACTICE, Access.SHARED, Access.CLINIC, Access.PUBLIC
# Short names so the route table below reads as a table.
L, I, CR, A, O = Kind.LIST, Kind.ITEM, Kind.CREATE, Kind.ACTION, Kind.OTHER  # noqa: E741


def _r(method: str, path: str, upstream: str, scope: str | None, access: Access, kind: Kind,
       summary: str, **kw: Any) -> Route:
    return Route(method, path, upstream, scope, access, kind, summary, **kw)


def _appointment_step(step: str, access: Access, summary: str, **kw: Any) -> Route:
    return _r("POST", f"/v1/appointments/{{appointment_id}}/{step}", SCHEDULING,
              "schedule:write", access, A, summary, response=sc.AppointmentOut, **kw)


ROUTES: tuple[Route, ...] = (
    # --- access (the gateway's own)
    _r("POST", "/v1/oauth/token", GATEWAY, None, PUB, O, "Issue an access token",
       body=gw.TokenRequest, response=gw.TokenResponse,
       body_type="application/x-www-form-urlencoded"),
    _r("GET", "/.well-known/jwks.json", GATEWAY, None, PUB, O, "Public signing keys",
       response=gw.Jwks),
    # --- patients (orders service)
    _r("POST", "/v1/patients", ORDERS, "patients:write", P, CR, "Register a patient",
       body=od.PatientCreate, response=od.PatientOut, owner_field="practice_id", status=201),
    _r("GET", "/v1/patients", ORDERS, "patients:read", P, L, "List patients",
       query=od.ListPatientsQuery, response=od.PagePatientOut),
    _r("GET", "/v1/patients/{patient_id}", ORDERS, "patients:read", P, I, "Get a patient",
       response=od.PatientOut),
    _r("PATCH", "/v1/patients/{patient_id}", ORDERS, "patients:write", P, A,
       "Update a patient's clinical facts", body=od.PatientUpdate, response=od.PatientOut),
    _r("POST", "/v1/patients/{patient_id}/outside-doses", ORDERS, "patients:write", P, A,
       "Record a dose given elsewhere", body=od.OutsideDoseIn, response=od.OutsideDoseOut,
       status=201),
    _r("GET", "/v1/patients/{patient_id}/outside-doses", ORDERS, "patients:read", P, A,
       "Doses given elsewhere", response=od.PageOutsideDoseOut),
    # --- catalog (orders service)
    _r("GET", "/v1/drugs", ORDERS, "orders:read", S, O, "Drug catalog",
       response=od.ListDrugsResponse),
    _r("GET", "/v1/drugs/{code}", ORDERS, "orders:read", S, O, "One catalog drug",
       response=od.GetDrugResponse),
    _r("GET", "/v1/drugs/{code}/versions", ORDERS, "orders:read", S, O,
       "Catalog versions that changed this drug", response=od.DrugVersionsResponse),
    _r("PUT", "/v1/drugs/{code}", ORDERS, "admin", C, O, "Create or replace a catalog drug",
       body=od.PutDrugRequest, response=od.PutDrugResponse),
    _r("GET", "/v1/catalog/rules", ORDERS, "orders:read", S, O,
       "Rule thresholds of the current catalog version", response=od.RulesResponse),
    _r("GET", "/v1/protocols", ORDERS, "orders:read", S, O, "Protocol templates",
       response=od.PageProtocolOut),
    _r("POST", "/v1/protocols", ORDERS, "admin", C, O, "Create a protocol template",
       body=od.ProtocolCreate, response=od.ProtocolOut, status=201),
    _r("GET", "/v1/protocols/{protocol_id}", ORDERS, "orders:read", S, O, "One protocol",
       response=od.ProtocolOut),
    # --- orders (orders service)
    _r("POST", "/v1/orders", ORDERS, "orders:write", P, CR, "Create a draft order",
       body=od.OrderCreate, response=od.OrderOut, owner_field="patient_id", status=201),
    _r("GET", "/v1/orders", ORDERS, "orders:read", P, L, "List orders",
       query=od.ListOrdersQuery, response=od.PageOrderOut),
    _r("GET", "/v1/orders/{order_id}", ORDERS, "orders:read", P, I, "Get an order",
       response=od.OrderOut),
    _r("PATCH", "/v1/orders/{order_id}", ORDERS, "orders:write", P, A, "Edit a draft order",
       body=od.OrderUpdate, response=od.OrderOut),
    _r("POST", "/v1/orders/{order_id}/check", ORDERS, "orders:write", P, A,
       "Run the safety checks (no state change)", response=od.CheckOut),
    _r("POST", "/v1/orders/{order_id}/overrides", ORDERS, "orders:sign", P, A,
       "Override a safety finding (clinician)", body=od.OverrideIn, response=od.OrderOut,
       status=201),
    _r("POST", "/v1/orders/{order_id}/sign", ORDERS, "orders:sign", P, A, "Sign an order",
       response=od.OrderOut),
    _r("POST", "/v1/orders/{order_id}/cancel", ORDERS, "orders:write", P, A, "Cancel an order",
       body=od.CancelIn, response=od.OrderOut),
    _r("POST", "/v1/orders/{order_id}/administrations", ORDERS, "orders:write", C, A,
       "Record one administered line (MAR)", body=od.AdministrationIn,
       response=od.AdministrationOut, status=201),
    _r("POST", "/v1/orders/{order_id}/complete", ORDERS, "orders:write", C, A,
       "Complete the visit (status administered)", body=od.CompleteOrderRequest, body_optional=True,
       response=od.OrderOut),
    # --- scheduling
    _r("GET", "/v1/slots", SCHEDULING, "schedule:read", S, O, "Free chair slots, earliest first",
       query=sc.GetSlotsQuery, response=sc.GetSlotsResponse),
    _r("GET", "/v1/appointments", SCHEDULING, "schedule:read", P, L, "List appointments",
       query=sc.ListAppointmentsQuery, response=sc.AppointmentPage),
    _r("POST", "/v1/appointments", SCHEDULING, "schedule:write", P, CR, "Book an appointment",
       body=sc.AppointmentCreate, response=sc.AppointmentOut, owner_field="order_id", status=201),
    _r("GET", "/v1/appointments/{appointment_id}", SCHEDULING, "schedule:read", P, I,
       "Get an appointment", response=sc.AppointmentOut),
    _r("POST", "/v1/appointments/{appointment_id}/move", SCHEDULING, "schedule:write", P, A,
       "Move an appointment", body=sc.AppointmentMove, response=sc.AppointmentOut),
    _appointment_step("check-in", C, "Check the patient in"),
    _appointment_step("start", C, "Seat the patient (in chair)"),
    _appointment_step("complete", C, "Complete the chair time"),
    _appointment_step("cancel", P, "Cancel an appointment", body=sc.CancelRequest,
                      body_optional=True),
    _appointment_step("no-show", C, "Record a no-show"),
    _r("GET", "/v1/board", GATEWAY, "schedule:read", C, O,
       "The day's board (chairs, appointments with their orders)", query=gw.BoardQuery,
       response=gw.Board),
    _r("POST", "/v1/schedule/optimize", SCHEDULING, "schedule:write", C, O,
       "Propose (or apply) schedule moves", query=sc.OptimizeQuery, response=sc.OptimizeOut),
    _r("GET", "/v1/chairs", SCHEDULING, "schedule:read", C, O, "Chairs",
       response=sc.ListChairsResponse),
    _r("POST", "/v1/chairs", SCHEDULING, "admin", C, O, "Add a chair", body=sc.ChairIn,
       response=sc.ChairOut, status=201),
    _r("PUT", "/v1/chairs/{chair_id}", SCHEDULING, "admin", C, O, "Replace a chair",
       body=sc.ChairIn, response=sc.ChairOut),
    _r("GET", "/v1/nurse-shifts", SCHEDULING, "schedule:read", C, O, "Nurse shifts",
       query=sc.ListShiftsQuery, response=sc.ListShiftsResponse),
    _r("POST", "/v1/nurse-shifts", SCHEDULING, "admin", C, O, "Add a nurse shift",
       body=sc.NurseShiftIn, response=sc.NurseShiftOut, status=201),
    _r("DELETE", "/v1/nurse-shifts/{shift_id}", SCHEDULING, "admin", C, O,
       "Remove a nurse shift", status=204),
    _r("GET", "/v1/ratio-policy", SCHEDULING, "schedule:read", C, O,
       "Nurse-to-patient ratio policy", response=sc.RatioPolicyOut),
    _r("PUT", "/v1/ratio-policy", SCHEDULING, "admin", C, O, "Replace the ratio policy",
       body=sc.RatioPolicyIn, response=sc.RatioPolicyOut),
    _r("GET", "/v1/clinic-hours", SCHEDULING, "schedule:read", C, O, "Clinic hours",
       response=sc.ClinicHoursOut),
    _r("PUT", "/v1/clinic-hours", SCHEDULING, "admin", C, O, "Replace the clinic hours",
       body=sc.ClinicHoursIn, response=sc.ClinicHoursOut),
    # --- prior authorization
    _r("GET", "/v1/authorizations", AUTHORIZATION, "authorizations:read", P, L,
       "Prior-authorization worklist", query=au.ListAuthorizationsQuery,
       response=au.AuthorizationPage),
    # Literal segments before `{authorization_id}`: matching is in table order.
    _r("GET", "/v1/authorizations/metrics", AUTHORIZATION, "authorizations:read", C, O,
       "Prior-authorization turnaround and decision rates", query=au.PaMetricsQuery,
       response=au.MetricsOut),
    _r("GET", "/v1/authorizations/{authorization_id}", AUTHORIZATION, "authorizations:read",
       P, I, "Get a prior-authorization case", response=au.Authorization),
    _r("POST", "/v1/authorizations/{authorization_id}/answers", AUTHORIZATION,
       "authorizations:write", P, A, "Answer documentation questions",
       body=au.AuthorizationAnswers, response=au.Authorization),
    _r("POST", "/v1/authorizations/{authorization_id}/submit", AUTHORIZATION,
       "authorizations:write", P, A, "Submit the case to the payer", response=au.Authorization),
    _r("POST", "/v1/authorizations/{authorization_id}/withdraw", AUTHORIZATION,
       "authorizations:write", P, A, "Withdraw the case", body=au.WithdrawRequest,
       body_optional=True, response=au.Authorization),
    _r("POST", "/v1/authorizations/{authorization_id}/inquire", AUTHORIZATION,
       "authorizations:write", P, A, "Ask the payer for the case's status",
       response=au.Authorization),
    _r("POST", "/v1/authorizations/{authorization_id}/decision", AUTHORIZATION,
       "authorizations:write", P, A,
       "Record the payer's decision obtained by portal, phone or fax",
       body=au.PayerDecisionIn, response=au.Authorization),
    _r("GET", "/v1/payers", AUTHORIZATION, "authorizations:read", S, O, "Payers",
       response=au.PayerPage),
    _r("POST", "/v1/payers", AUTHORIZATION, "admin", C, O, "Add a payer", body=au.Payer,
       response=au.PayerOut, status=201),
    _r("GET", "/v1/payers/{payer_id}", AUTHORIZATION, "authorizations:read", S, O, "One payer",
       response=au.PayerOut),
    _r("PUT", "/v1/payers/{payer_id}", AUTHORIZATION, "admin", C, O,
       "Replace a payer (plans, decision clocks)", body=au.Payer, response=au.PayerOut),
    _r("GET", "/v1/payers/{payer_id}/policies", AUTHORIZATION, "authorizations:read", S, O,
       "Coverage policies per HCPCS", query=au.GetPoliciesQuery,
       response=au.PolicyListOut),
    _r("PUT", "/v1/payers/{payer_id}/policies", AUTHORIZATION, "admin", C, O,
       "Replace a payer's coverage policies", body=au.PolicyList, response=au.PolicyListOut),
    # --- billing (reimbursement service)
    _r("GET", "/v1/claims", REIMBURSEMENT, "billing:read", P, L, "List claims",
       query=rb.ListClaimsQuery, response=rb.PageClaimOut),
    _r("GET", "/v1/claims/denials", REIMBURSEMENT, "billing:read", C, O, "Denials to work",
       response=rb.DenialsResponse),
    _r("GET", "/v1/claims/x12", REIMBURSEMENT, "billing:read", C, O,
       "Submitted claims as one X12 837P batch", query=rb.BatchX12Query,
       response=rb.BatchX12Response, response_type="text/plain"),
    _r("GET", "/v1/claims/{claim_id}", REIMBURSEMENT, "billing:read", P, I, "Get a claim",
       response=rb.ClaimOut),
    _r("GET", "/v1/claims/{claim_id}/x12", REIMBURSEMENT, "billing:read", P, A,
       "The claim as X12 837P", response=rb.ClaimX12Response,
       response_type="text/plain"),
    _r("GET", "/v1/claims/{claim_id}/fhir", REIMBURSEMENT, "billing:read", P, A,
       "The claim as a FHIR Claim", response=rb.ClaimFhirResponse,
       response_type="application/fhir+json"),
    _r("POST", "/v1/claims/{claim_id}/submit", REIMBURSEMENT, "billing:write", C, A,
       "Submit the claim", response=rb.ClaimOut),
    _r("POST", "/v1/claims/{claim_id}/rebuild", REIMBURSEMENT, "billing:write", C, A,
       "Rebuild the claim from its visit", response=rb.ClaimOut),
    _r("POST", "/v1/remittances", REIMBURSEMENT, "billing:write", C, O,
       "Post an 835 remittance", body=rb.PostRemittanceRequest, response=rb.RemittanceOut,
       body_type="text/plain",
       status=201),
    _r("GET", "/v1/inventory", REIMBURSEMENT, "billing:read", C, O, "Drug inventory",
       query=rb.InventoryQuery, response=rb.InventoryPage),
    _r("POST", "/v1/inventory", REIMBURSEMENT, "billing:write", C, O,
       "Receive product (NDC, lot, cost)", body=rb.ReceiptIn, response=rb.InventoryItemOut,
       status=201),
    _r("PUT", "/v1/inventory/{ndc}", REIMBURSEMENT, "billing:write", C, O,
       "Replace a product (NDC)", body=rb.ProductIn, response=rb.InventoryItemOut),
    _r("GET", "/v1/fee-schedules", REIMBURSEMENT, "billing:read", C, O, "Fee schedules",
       response=rb.PageFeeScheduleItem),
    _r("POST", "/v1/fee-schedules/asp", REIMBURSEMENT, "billing:write", C, O,
       "Load the quarterly ASP file", query=rb.LoadAspQuery, body=rb.LoadAspRequest,
       body_type="text/csv", response=rb.LoadAspResponse, status=201),
    _r("GET", "/v1/reports/margin", REIMBURSEMENT, "billing:read", C, O, "Margin report",
       query=rb.MarginQuery, response=rb.MarginReport),
    _r("GET", "/v1/reports/ar", REIMBURSEMENT, "billing:read", C, O, "Accounts receivable",
       query=rb.ArQuery, response=rb.ArReportOut),
    # --- composed views and the gateway's own records
    _r("GET", "/v1/visits/{order_id}", GATEWAY, "orders:read", P, I,
       "One visit: order, prior authorization, appointment and claim", response=gw.Visit),
    _r("GET", "/v1/audit", GATEWAY, "admin", C, O, "Audit log of patient-data access",
       query=gw.AuditQuery, response=gw.AuditPage),
    _r("POST", "/v1/admin/signing-keys/rotate", GATEWAY, "admin", C, O,
       "Rotate the token signing key (the old key verifies until its tokens expire)",
       response=gw.Jwks),
)

