"""The route table, derived line by line from shared/api.md (plus the routes the services
offer besides, and the gateway's own).

Every public route is one `Route`: which service owns it, the scope it needs, and how a
partner client bound to one practice may use it. The gateway registers its endpoints, builds
its OpenAPI document and enforces access from this table alone, so a route missing here does
not exist at the edge. Matching is in table order: literal segments come before `{ids}`.
"""

from __future__ import annotations

from gateway.domain.routing import (  # noqa: F401 - re-exported for the rest of the package
    AUTHORIZATION,
    GATEWAY,
    ID_PARAMS,
    IDEMPOTENT_METHODS,
    ORDERS,
    REIMBURSEMENT,
    SAFE_METHODS,
    SCHEDULING,
    UPSTREAMS,
    Access,
    Kind,
    Match,
    Route,
)
from gateway.domain.routing import RouteTable as _RouteTable

P, S, C, PUB = Access.PRACTICE, Access.SHARED, Access.CLINIC, Access.PUBLIC
# Short names so the route table below reads as a table.
L, I, CR, A, O = Kind.LIST, Kind.ITEM, Kind.CREATE, Kind.ACTION, Kind.OTHER  # noqa: E741


def _r(method, path, upstream, scope, access, kind, summary, **kw) -> Route:
    return Route(method, path, upstream, scope, access, kind, summary, **kw)


def _appointment_step(step: str, access: Access, summary: str, **kw) -> Route:
    return _r("POST", f"/v1/appointments/{{appointment_id}}/{step}", SCHEDULING,
              "schedule:write", access, A, summary, response="Appointment", **kw)


ROUTES: tuple[Route, ...] = (
    # --- access (the gateway's own)
    _r("POST", "/v1/oauth/token", GATEWAY, None, PUB, O, "Issue an access token",
       body="TokenRequest", response="TokenResponse",
       body_type="application/x-www-form-urlencoded"),
    _r("GET", "/.well-known/jwks.json", GATEWAY, None, PUB, O, "Public signing keys",
       response="Jwks"),
    # --- patients (orders service)
    _r("POST", "/v1/patients", ORDERS, "patients:write", P, CR, "Register a patient",
       body="PatientCreate", response="Patient", owner_field="practice_id", status=201),
    _r("GET", "/v1/patients", ORDERS, "patients:read", P, L, "List patients",
       query="PatientQuery", response="PatientPage"),
    _r("GET", "/v1/patients/{patient_id}", ORDERS, "patients:read", P, I, "Get a patient",
       response="Patient"),
    _r("PATCH", "/v1/patients/{patient_id}", ORDERS, "patients:write", P, A,
       "Update a patient's clinical facts", body="PatientPatch", response="Patient"),
    _r("POST", "/v1/patients/{patient_id}/outside-doses", ORDERS, "patients:write", P, A,
       "Record a dose given elsewhere", body="OutsideDoseCreate", response="OutsideDose",
       status=201),
    _r("GET", "/v1/patients/{patient_id}/outside-doses", ORDERS, "patients:read", P, A,
       "Doses given elsewhere", query="PageQuery", response="AnyDocument"),
    # --- catalog (orders service)
    _r("GET", "/v1/drugs", ORDERS, "orders:read", S, O, "Drug catalog",
       query="PageQuery", response="DrugPage"),
    _r("GET", "/v1/drugs/{code}", ORDERS, "orders:read", S, O, "One catalog drug",
       response="Drug"),
    _r("GET", "/v1/drugs/{code}/versions", ORDERS, "orders:read", S, O,
       "Catalog versions that changed this drug", response="AnyDocument"),
    _r("PUT", "/v1/drugs/{code}", ORDERS, "admin", C, O, "Create or replace a catalog drug",
       body="Drug", response="Drug"),
    _r("GET", "/v1/catalog/rules", ORDERS, "orders:read", S, O,
       "Rule thresholds of the current catalog version", response="AnyDocument"),
    _r("GET", "/v1/protocols", ORDERS, "orders:read", S, O, "Protocol templates",
       query="PageQuery", response="ProtocolPage"),
    _r("POST", "/v1/protocols", ORDERS, "admin", C, O, "Create a protocol template",
       body="ProtocolCreate", response="Protocol", status=201),
    _r("GET", "/v1/protocols/{protocol_id}", ORDERS, "orders:read", S, O, "One protocol",
       response="Protocol"),
    # --- orders (orders service)
    _r("POST", "/v1/orders", ORDERS, "orders:write", P, CR, "Create a draft order",
       body="OrderCreate", response="Order", owner_field="patient_id", status=201),
    _r("GET", "/v1/orders", ORDERS, "orders:read", P, L, "List orders",
       query="OrderQuery", response="OrderPage"),
    _r("GET", "/v1/orders/{order_id}", ORDERS, "orders:read", P, I, "Get an order",
       response="Order"),
    _r("PATCH", "/v1/orders/{order_id}", ORDERS, "orders:write", P, A, "Edit a draft order",
       body="OrderPatch", response="Order"),
    _r("POST", "/v1/orders/{order_id}/check", ORDERS, "orders:write", P, A,
       "Run the safety checks (no state change)", response="FindingList"),
    _r("POST", "/v1/orders/{order_id}/overrides", ORDERS, "orders:sign", P, A,
       "Override a safety finding (clinician)", body="OverrideCreate", response="Override",
       status=201),
    _r("POST", "/v1/orders/{order_id}/sign", ORDERS, "orders:sign", P, A, "Sign an order",
       response="Order"),
    _r("POST", "/v1/orders/{order_id}/cancel", ORDERS, "orders:write", P, A, "Cancel an order",
       body="CancelRequest", response="Order"),
    _r("POST", "/v1/orders/{order_id}/administrations", ORDERS, "orders:write", C, A,
       "Record one administered line (MAR)", body="AdministrationCreate",
       response="Administration", status=201),
    _r("POST", "/v1/orders/{order_id}/complete", ORDERS, "orders:write", C, A,
       "Complete the visit (status administered)", body="CompleteRequest", body_optional=True,
       response="Order"),
    # --- scheduling
    _r("GET", "/v1/slots", SCHEDULING, "schedule:read", S, O, "Free chair slots, earliest first",
       query="SlotQuery", response="SlotList"),
    _r("GET", "/v1/appointments", SCHEDULING, "schedule:read", P, L, "List appointments",
       query="AppointmentQuery", response="AppointmentPage"),
    _r("POST", "/v1/appointments", SCHEDULING, "schedule:write", P, CR, "Book an appointment",
       body="AppointmentCreate", response="Appointment", owner_field="order_id", status=201),
    _r("GET", "/v1/appointments/{appointment_id}", SCHEDULING, "schedule:read", P, I,
       "Get an appointment", response="Appointment"),
    _r("POST", "/v1/appointments/{appointment_id}/move", SCHEDULING, "schedule:write", P, A,
       "Move an appointment", body="AppointmentMove", response="Appointment"),
    _appointment_step("check-in", C, "Check the patient in"),
    _appointment_step("start", C, "Seat the patient (in chair)"),
    _appointment_step("complete", C, "Complete the chair time"),
    _appointment_step("cancel", P, "Cancel an appointment", body="AppointmentCancel",
                      body_optional=True),
    _appointment_step("no-show", C, "Record a no-show"),
    _r("GET", "/v1/board", GATEWAY, "schedule:read", C, O,
       "The day's board (chairs, appointments with their orders)", query="BoardQuery",
       response="Board"),
    _r("POST", "/v1/schedule/optimize", SCHEDULING, "schedule:write", C, O,
       "Propose (or apply) schedule moves", query="OptimizeQuery", response="OptimizeResult"),
    _r("GET", "/v1/chairs", SCHEDULING, "schedule:read", C, O, "Chairs",
       query="PageQuery", response="ChairPage"),
    _r("POST", "/v1/chairs", SCHEDULING, "admin", C, O, "Add a chair", body="ChairCreate",
       response="Chair", status=201),
    _r("PUT", "/v1/chairs/{chair_id}", SCHEDULING, "admin", C, O, "Replace a chair",
       body="ChairCreate", response="Chair"),
    _r("GET", "/v1/nurse-shifts", SCHEDULING, "schedule:read", C, O, "Nurse shifts",
       query="ShiftQuery", response="NurseShiftPage"),
    _r("POST", "/v1/nurse-shifts", SCHEDULING, "admin", C, O, "Add a nurse shift",
       body="NurseShiftCreate", response="NurseShift", status=201),
    _r("DELETE", "/v1/nurse-shifts/{shift_id}", SCHEDULING, "admin", C, O,
       "Remove a nurse shift", status=204),
    _r("GET", "/v1/ratio-policy", SCHEDULING, "schedule:read", C, O,
       "Nurse-to-patient ratio policy", response="RatioPolicy"),
    _r("PUT", "/v1/ratio-policy", SCHEDULING, "admin", C, O, "Replace the ratio policy",
       body="RatioPolicy", response="RatioPolicy"),
    _r("GET", "/v1/clinic-hours", SCHEDULING, "schedule:read", C, O, "Clinic hours",
       response="ClinicHours"),
    _r("PUT", "/v1/clinic-hours", SCHEDULING, "admin", C, O, "Replace the clinic hours",
       body="ClinicHours", response="ClinicHours"),
    # --- prior authorization
    _r("GET", "/v1/authorizations", AUTHORIZATION, "authorizations:read", P, L,
       "Prior-authorization worklist", query="AuthorizationQuery",
       response="AuthorizationPage"),
    # Literal segments before `{authorization_id}`: matching is in table order.
    _r("GET", "/v1/authorizations/metrics", AUTHORIZATION, "authorizations:read", C, O,
       "Prior-authorization turnaround and decision rates", query="MetricsQuery",
       response="AnyDocument"),
    _r("GET", "/v1/authorizations/{authorization_id}", AUTHORIZATION, "authorizations:read",
       P, I, "Get a prior-authorization case", response="Authorization"),
    _r("POST", "/v1/authorizations/{authorization_id}/answers", AUTHORIZATION,
       "authorizations:write", P, A, "Answer documentation questions",
       body="AuthorizationAnswers", response="Authorization"),
    _r("POST", "/v1/authorizations/{authorization_id}/submit", AUTHORIZATION,
       "authorizations:write", P, A, "Submit the case to the payer", response="Authorization"),
    _r("POST", "/v1/authorizations/{authorization_id}/withdraw", AUTHORIZATION,
       "authorizations:write", P, A, "Withdraw the case", body="WithdrawRequest",
       body_optional=True, response="Authorization"),
    _r("POST", "/v1/authorizations/{authorization_id}/inquire", AUTHORIZATION,
       "authorizations:write", P, A, "Ask the payer for the case's status",
       response="Authorization"),
    _r("GET", "/v1/payers", AUTHORIZATION, "authorizations:read", S, O, "Payers",
       query="PageQuery", response="PayerPage"),
    _r("POST", "/v1/payers", AUTHORIZATION, "admin", C, O, "Add a payer", body="PayerCreate",
       response="Payer", status=201),
    _r("GET", "/v1/payers/{payer_id}", AUTHORIZATION, "authorizations:read", S, O, "One payer",
       response="Payer"),
    _r("PUT", "/v1/payers/{payer_id}", AUTHORIZATION, "admin", C, O,
       "Replace a payer (plans, decision clocks)", body="PayerCreate", response="Payer"),
    _r("GET", "/v1/payers/{payer_id}/policies", AUTHORIZATION, "authorizations:read", S, O,
       "Coverage policies per HCPCS", response="PolicyList"),
    _r("PUT", "/v1/payers/{payer_id}/policies", AUTHORIZATION, "admin", C, O,
       "Replace a payer's coverage policies", body="PolicyList", response="PolicyList"),
    # --- billing (reimbursement service)
    _r("GET", "/v1/claims", REIMBURSEMENT, "billing:read", P, L, "List claims",
       query="ClaimQuery", response="ClaimPage"),
    _r("GET", "/v1/claims/denials", REIMBURSEMENT, "billing:read", C, O, "Denials to work",
       response="AnyDocument"),
    _r("GET", "/v1/claims/x12", REIMBURSEMENT, "billing:read", C, O,
       "Submitted claims as one X12 837P batch", response_type="text/plain"),
    _r("GET", "/v1/claims/{claim_id}", REIMBURSEMENT, "billing:read", P, I, "Get a claim",
       response="Claim"),
    _r("GET", "/v1/claims/{claim_id}/x12", REIMBURSEMENT, "billing:read", P, A,
       "The claim as X12 837P", response_type="text/plain"),
    _r("GET", "/v1/claims/{claim_id}/fhir", REIMBURSEMENT, "billing:read", P, A,
       "The claim as a FHIR Claim", response="FhirResource",
       response_type="application/fhir+json"),
    _r("POST", "/v1/claims/{claim_id}/submit", REIMBURSEMENT, "billing:write", C, A,
       "Submit the claim", response="Claim"),
    _r("POST", "/v1/claims/{claim_id}/rebuild", REIMBURSEMENT, "billing:write", C, A,
       "Rebuild the claim from its visit", response="Claim"),
    _r("POST", "/v1/remittances", REIMBURSEMENT, "billing:write", C, O,
       "Post an 835 remittance", body="X12Text", response="Remittance", body_type="text/plain",
       status=201),
    _r("GET", "/v1/inventory", REIMBURSEMENT, "billing:read", C, O, "Drug inventory",
       query="PageQuery", response="InventoryPage"),
    _r("POST", "/v1/inventory", REIMBURSEMENT, "billing:write", C, O,
       "Receive product (NDC, lot, cost)", body="InventoryReceipt", response="InventoryItem",
       status=201),
    _r("PUT", "/v1/inventory/{ndc}", REIMBURSEMENT, "billing:write", C, O,
       "Replace a product (NDC)", body="InventoryReceipt", response="InventoryItem"),
    _r("GET", "/v1/fee-schedules", REIMBURSEMENT, "billing:read", C, O, "Fee schedules",
       query="PageQuery", response="FeeSchedulePage"),
    _r("POST", "/v1/fee-schedules/asp", REIMBURSEMENT, "billing:write", C, O,
       "Load the quarterly ASP file", body="CsvText", response="FeeScheduleLoad",
       body_type="text/csv", status=201),
    _r("GET", "/v1/reports/margin", REIMBURSEMENT, "billing:read", C, O, "Margin report",
       query="MarginQuery", response="MarginReport"),
    _r("GET", "/v1/reports/ar", REIMBURSEMENT, "billing:read", C, O, "Accounts receivable",
       response="ArReport"),
    # --- composed views and the gateway's own records
    _r("GET", "/v1/visits/{order_id}", GATEWAY, "orders:read", P, I,
       "One visit: order, prior authorization, appointment and claim", response="Visit"),
    _r("GET", "/v1/audit", GATEWAY, "admin", C, O, "Audit log of patient-data access",
       query="AuditQuery", response="AuditPage"),
    _r("POST", "/v1/admin/signing-keys/rotate", GATEWAY, "admin", C, O,
       "Rotate the token signing key (the old key verifies until its tokens expire)",
       response="Jwks"),
)




class RouteTable(_RouteTable):
    def __init__(self, routes: tuple[Route, ...] = ROUTES) -> None:
        super().__init__(routes)
