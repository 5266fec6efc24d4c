"""The route table against api.md, and the practice-binding decisions."""

import pytest

from gateway.domain import access
from gateway.domain.principal import (
    ALL_SCOPES,
    PARTNER_SCOPES,
    ROLES,
    Principal,
    ScopeError,
    grant_scopes,
    parse_scopes,
    scopes_for_roles,
)
from gateway.domain.routing import Access, Kind, RouteTable
from gateway.entrypoints.api.table import ROUTES

TABLE = RouteTable(ROUTES)

# Every method + path named in shared/api.md (admin resources: list/add or read/replace).
API_MD = """
POST /v1/oauth/token
GET /.well-known/jwks.json
POST /v1/patients
GET /v1/patients
GET /v1/patients/{patient_id}
PATCH /v1/patients/{patient_id}
POST /v1/patients/{patient_id}/outside-doses
GET /v1/drugs
PUT /v1/drugs/{code}
GET /v1/protocols
POST /v1/protocols
POST /v1/orders
GET /v1/orders
GET /v1/orders/{order_id}
PATCH /v1/orders/{order_id}
POST /v1/orders/{order_id}/check
POST /v1/orders/{order_id}/overrides
POST /v1/orders/{order_id}/sign
POST /v1/orders/{order_id}/cancel
POST /v1/orders/{order_id}/administrations
POST /v1/orders/{order_id}/complete
GET /v1/slots
GET /v1/appointments
POST /v1/appointments
GET /v1/appointments/{appointment_id}
POST /v1/appointments/{appointment_id}/move
POST /v1/appointments/{appointment_id}/check-in
POST /v1/appointments/{appointment_id}/start
POST /v1/appointments/{appointment_id}/complete
POST /v1/appointments/{appointment_id}/cancel
POST /v1/appointments/{appointment_id}/no-show
GET /v1/board
POST /v1/schedule/optimize
GET /v1/chairs
POST /v1/chairs
GET /v1/nurse-shifts
POST /v1/nurse-shifts
GET /v1/ratio-policy
PUT /v1/ratio-policy
GET /v1/clinic-hours
PUT /v1/clinic-hours
GET /v1/authorizations
GET /v1/authorizations/{authorization_id}
POST /v1/authorizations/{authorization_id}/answers
POST /v1/authorizations/{authorization_id}/submit
POST /v1/authorizations/{authorization_id}/withdraw
GET /v1/payers
POST /v1/payers
GET /v1/payers/{payer_id}/policies
PUT /v1/payers/{payer_id}/policies
GET /v1/claims
GET /v1/claims/{claim_id}
GET /v1/claims/{claim_id}/x12
GET /v1/claims/{claim_id}/fhir
POST /v1/claims/{claim_id}/submit
POST /v1/claims/{claim_id}/replace
POST /v1/claims/{claim_id}/void
POST /v1/claims/{claim_id}/status
GET /v1/claims/timely-filing
GET /v1/payer-claim-rules/{payer_id}
PUT /v1/payer-claim-rules/{payer_id}
POST /v1/remittances
GET /v1/inventory
POST /v1/inventory
GET /v1/fee-schedules
POST /v1/fee-schedules/asp
GET /v1/reports/margin
GET /v1/reports/ar
GET /v1/visits/{order_id}
GET /v1/audit
"""


def test_every_api_md_route_is_in_the_table():
    expected = {tuple(line.split()) for line in API_MD.strip().splitlines()}
    have = {(r.method, r.path) for r in ROUTES}
    assert expected - have == set()
    # Beyond api.md: the gateway's own admin route, and routes the services offer besides.
    assert have - expected == {
        ("POST", "/v1/admin/signing-keys/rotate"), ("GET", "/v1/drugs/{code}"),
        ("GET", "/v1/drugs/{code}/versions"), ("GET", "/v1/catalog/rules"),
        ("GET", "/v1/protocols/{protocol_id}"), ("GET", "/v1/patients/{patient_id}/outside-doses"),
        ("PUT", "/v1/chairs/{chair_id}"), ("DELETE", "/v1/nurse-shifts/{shift_id}"),
        ("GET", "/v1/authorizations/metrics"),
        ("POST", "/v1/authorizations/{authorization_id}/inquire"),
        ("POST", "/v1/authorizations/{authorization_id}/decision"),
        ("GET", "/v1/payers/{payer_id}"),
        ("PUT", "/v1/payers/{payer_id}"), ("GET", "/v1/claims/denials"), ("GET", "/v1/claims/x12"),
        ("POST", "/v1/claims/{claim_id}/rebuild"), ("PUT", "/v1/inventory/{ndc}"),
        # issue 17: the live stream of bus events (the gateway's own)
        ("GET", "/v1/stream"),
        # issue 16: the pharmacy as a resource (scheduling admin)
        ("GET", "/v1/pharmacy-hoods"), ("PUT", "/v1/pharmacy-hoods"),
        ("GET", "/v1/pharmacy-shifts"), ("POST", "/v1/pharmacy-shifts"),
        ("DELETE", "/v1/pharmacy-shifts/{shift_id}"),
        # issue 16: series booking (scheduling)
        ("POST", "/v1/series"), ("GET", "/v1/series/{series_id}"),
        ("POST", "/v1/series/{series_id}/shift"),
        # issue 16: recalls (scheduling) and the PA renewal worklist (authorization)
        ("GET", "/v1/recalls"), ("GET", "/v1/recalls/{recall_id}"),
        ("GET", "/v1/authorizations/renewals"),
        # issue 16: the staffing forecast (scheduling)
        ("GET", "/v1/staffing/forecast"), ("GET", "/v1/staffing/forecast.svg"),
        # issue 15: outcomes, response history and outcome reports (orders)
        ("POST", "/v1/orders/{order_id}/pain-scores"), ("GET", "/v1/orders/{order_id}/pain-scores"),
        ("POST", "/v1/orders/{order_id}/follow-ups"), ("GET", "/v1/orders/{order_id}/outcomes"),
        ("POST", "/v1/patients/{patient_id}/assessments"),
        ("GET", "/v1/patients/{patient_id}/assessments"),
        ("GET", "/v1/patients/{patient_id}/responses"),
        ("GET", "/v1/reports/outcomes"), ("GET", "/v1/reports/ed-avoided"),
        # issue 18: results the regimen gates read (orders)
        ("POST", "/v1/patients/{patient_id}/observations"),
        ("GET", "/v1/patients/{patient_id}/observations"),
        # issue 18: observation kinds a regimen gate can name, as catalog data (orders)
        ("GET", "/v1/observation-kinds"), ("PUT", "/v1/observation-kinds/{kind}"),
        # issue 18: group purchasing (reimbursement): GPO contracts, WAC, invoices, reorder
        ("POST", "/v1/purchasing/contracts"), ("GET", "/v1/purchasing/contracts"),
        ("PUT", "/v1/purchasing/wac"), ("GET", "/v1/purchasing/wac"),
        ("POST", "/v1/purchasing/invoices"), ("GET", "/v1/purchasing/invoices"),
        ("GET", "/v1/purchasing/reorder"),
        ("GET", "/v1/reports/gpo-savings"), ("GET", "/v1/reports/gpo-savings.csv"),
        # issue 13: identities (orders), eligibility (authorization), billing identity
        ("POST", "/v1/patients/lookup"),
        ("PUT", "/v1/patients/{patient_id}/demographics"),
        ("GET", "/v1/patients/{patient_id}/demographics"),
        ("POST", "/v1/patients/{patient_id}/coverages"),
        ("GET", "/v1/patients/{patient_id}/coverages"),
        ("PATCH", "/v1/patients/{patient_id}/coverages/{coverage_id}"),
        ("DELETE", "/v1/patients/{patient_id}/coverages/{coverage_id}"),
        ("GET", "/v1/patients/{patient_id}/coverages/{coverage_id}/history"),
        ("GET", "/v1/patients/{patient_id}/access-log"),
        ("GET", "/v1/practitioners"), ("POST", "/v1/practitioners"),
        ("GET", "/v1/practitioners/{practitioner_id}"),
        ("PATCH", "/v1/practitioners/{practitioner_id}"),
        ("GET", "/v1/orders/{order_id}/payer-identity"),
        ("POST", "/v1/orders/{order_id}/vitals"), ("GET", "/v1/orders/{order_id}/vitals"),
        ("POST", "/v1/orders/{order_id}/escort"), ("GET", "/v1/orders/{order_id}/discharge"),
        ("POST", "/v1/orders/{order_id}/discharge"),
        ("GET", "/v1/patients/{patient_id}/payer-identity"),
        ("POST", "/v1/patients/{patient_id}/eligibility"),
        ("GET", "/v1/patients/{patient_id}/eligibility"),
        ("GET", "/v1/eligibility/flags"), ("GET", "/v1/eligibility/{check_id}"),
        ("POST", "/v1/eligibility/{check_id}/resolve"),
        ("POST", "/v1/claims/{claim_id}/check"),
        ("PUT", "/v1/claims/{claim_id}/administrations/{line_sequence}/ndc"),
        ("GET", "/v1/billing-identity"), ("PUT", "/v1/billing-identity"),
        ("GET", "/v1/payer-enrollments"), ("GET", "/v1/payer-enrollments/{payer_id}"),
        ("PUT", "/v1/payer-enrollments/{payer_id}"),
        # issue 14: versioned contracts, fee schedules, charge master; underpayment worklist
        ("GET", "/v1/pricing/contracts"), ("GET", "/v1/pricing/contracts/{payer_id}/versions"),
        ("POST", "/v1/pricing/contracts/{payer_id}/versions"),
        ("GET", "/v1/pricing/contracts/{payer_id}/versions/{version}"),
        ("GET", "/v1/pricing/fee-schedules"),
        ("GET", "/v1/pricing/fee-schedules/{schedule_id}/versions"),
        ("POST", "/v1/pricing/fee-schedules/{schedule_id}/versions"),
        ("GET", "/v1/pricing/fee-schedules/{schedule_id}/versions/{version}"),
        ("GET", "/v1/pricing/charge-master/versions"),
        ("POST", "/v1/pricing/charge-master/versions"),
        ("GET", "/v1/pricing/charge-master/versions/{version}"),
        ("GET", "/v1/underpayments"), ("GET", "/v1/underpayments/csv"),
        # issue 14: coordination of benefits, patient statements, credit balances
        ("GET", "/v1/claims/credit-balances"), ("GET", "/v1/claims/credit-balances.csv"),
        ("GET", "/v1/claims/{claim_id}/statement"), ("POST", "/v1/claims/{claim_id}/cob"),
        ("POST", "/v1/claims/{claim_id}/cob/release"),
        # issue 14: the denials worklist by CARC, claim appeals, PA appeals
        ("GET", "/v1/claims/denials/by-carc"),
        ("POST", "/v1/claims/{claim_id}/appeals"), ("GET", "/v1/claims/{claim_id}/appeals"),
        ("GET", "/v1/claim-appeals/{appeal_id}"),
        ("POST", "/v1/claim-appeals/{appeal_id}/file"),
        ("POST", "/v1/claim-appeals/{appeal_id}/decision"),
        ("POST", "/v1/claim-appeals/{appeal_id}/escalate"),
        ("POST", "/v1/claim-appeals/{appeal_id}/documents"),
        ("GET", "/v1/claim-appeals/{appeal_id}/documents/{document_id}/content"),
        # issue 15: structured infusion reactions (orders), the alert worklist, the report
        ("POST", "/v1/orders/{order_id}/reactions"), ("GET", "/v1/orders/{order_id}/reactions"),
        ("GET", "/v1/reactions/{reaction_id}"),
        ("POST", "/v1/reactions/{reaction_id}/clearance"),
        ("GET", "/v1/patients/{patient_id}/reactions"),
        ("GET", "/v1/alerts"), ("POST", "/v1/alerts/{alert_id}/acknowledge"),
        ("GET", "/v1/reports/reactions"),
        ("GET", "/v1/authorizations/{authorization_id}/appeals"),
        ("POST", "/v1/authorizations/{authorization_id}/appeals"),
        ("POST", "/v1/authorizations/{authorization_id}/appeals/{appeal_id}/schedule"),
        ("POST", "/v1/authorizations/{authorization_id}/appeals/{appeal_id}/decision"),
        ("POST", "/v1/authorizations/{authorization_id}/appeals/{appeal_id}/documents"),
        ("GET", "/v1/authorizations/{authorization_id}/appeals/{appeal_id}/documents/"
                "{document_id}/content"),
        # issue 14: 835s refused whole, for billers
        ("GET", "/v1/remittances/quarantine"),
        # issue 14: revenue-cycle reports (JSON and CSV)
        ("GET", "/v1/reports/ar-aging"), ("GET", "/v1/reports/ar-aging.csv"),
        ("GET", "/v1/reports/cycle"), ("GET", "/v1/reports/cycle.csv"),
        # issue 17: signed webhooks for partners (the gateway's own)
        ("POST", "/v1/webhooks/subscriptions"), ("GET", "/v1/webhooks/subscriptions"),
        ("GET", "/v1/webhooks/subscriptions/{subscription_id}"),
        ("PATCH", "/v1/webhooks/subscriptions/{subscription_id}"),
        ("DELETE", "/v1/webhooks/subscriptions/{subscription_id}"),
        ("GET", "/v1/webhooks/subscriptions/{subscription_id}/deliveries"),
        ("GET", "/v1/webhooks/dead-letters"),
        ("POST", "/v1/webhooks/deliveries/{delivery_id}/replay"),
        # issue 17: referral analytics (partners: their own practice) and margin as CSV
        ("GET", "/v1/reports/referrals"), ("GET", "/v1/reports/referrals.csv"),
        ("GET", "/v1/reports/margin.csv"),
    }


def test_every_route_is_scoped_unless_public_and_scopes_exist():
    for r in ROUTES:
        if r.access is Access.PUBLIC:
            assert r.scope is None
        elif r.kind is Kind.STREAM:  # each event type needs its scope (domain/stream.py)
            assert r.scope is None and r.path == "/v1/stream"
        else:
            assert r.scope in ALL_SCOPES, r


def test_write_routes_never_need_only_read_scopes():
    for r in ROUTES:
        # A SEARCH is a read sent as POST (its criteria stay out of URLs).
        if r.method in ("PUT", "PATCH") or (r.method == "POST" and r.access is not Access.PUBLIC
                                             and not r.path.endswith("/check")
                                             and r.kind is not Kind.SEARCH):
            assert not r.scope.endswith(":read"), r


def test_practice_routes_are_tied_to_a_resource_or_an_owner_field():
    for r in ROUTES:
        if r.access is Access.PRACTICE:
            if r.kind is Kind.CREATE:
                assert r.owner_field in ("practice_id", "patient_id", "order_id", "order_ids")
            elif r.kind in (Kind.ITEM, Kind.ACTION):
                assert r.resource in access.RESOURCE_LOCATIONS
            elif r.kind is Kind.SEARCH:
                assert r.found == "patient_ids" and r.method == "POST"
            elif r.kind is Kind.REPORT:
                assert r.method == "GET" and "practice_id" in r.query.model_fields
            elif r.kind is Kind.STREAM:
                assert r.method == "GET"  # events are filtered by practice one by one
            else:
                assert r.kind is Kind.LIST
            assert r.phi


@pytest.mark.parametrize(
    "method,path,template,params",
    [
        ("GET", "/v1/orders/abc", "/v1/orders/{order_id}", {"order_id": "abc"}),
        ("POST", "/v1/orders/abc/sign", "/v1/orders/{order_id}/sign", {"order_id": "abc"}),
        ("POST", "/v1/fee-schedules/asp", "/v1/fee-schedules/asp", {}),
        ("GET", "/v1/payers/p1/policies", "/v1/payers/{payer_id}/policies", {"payer_id": "p1"}),
        ("POST", "/v1/appointments/x/no-show", "/v1/appointments/{appointment_id}/no-show",
         {"appointment_id": "x"}),
    ],
)
def test_matching(method, path, template, params):
    m = TABLE.match(method, path)
    assert m is not None and m.route.path == template and m.params == params


@pytest.mark.parametrize("method,path", [("DELETE", "/v1/orders/a"), ("GET", "/v1/orders/a/b"),
                                         ("GET", "/v1/order"), ("GET", "/v1/orders/a/")])
def test_no_match(method, path):
    assert TABLE.match(method, path) is None


def test_allowed_methods_for_405():
    assert TABLE.allowed_methods("/v1/orders/x") == ["GET", "PATCH"]
    assert TABLE.allowed_methods("/v1/nurse-shifts/x") == ["DELETE"]
    assert TABLE.allowed_methods("/nope") == []


def test_only_idempotent_routes_are_retryable():
    for r in ROUTES:
        assert r.retryable is (r.method in ("GET", "PUT", "DELETE"))


@pytest.mark.parametrize("path,template", [
    ("/v1/authorizations/metrics", "/v1/authorizations/metrics"),
    ("/v1/claims/denials", "/v1/claims/denials"), ("/v1/claims/x12", "/v1/claims/x12")])
def test_literal_segments_win_over_ids(path, template):
    assert TABLE.match("GET", path).route.path == template


# --- scopes and roles


def test_roles_map_to_expected_scopes():
    assert "orders:sign" in ROLES["clinician"] and "orders:sign" not in ROLES["scheduler"]
    assert "billing:write" in ROLES["biller"] and "billing:write" not in ROLES["clinician"]
    assert ROLES["admin"] == ALL_SCOPES
    assert scopes_for_roles(["scheduler", "biller"]) == ROLES["scheduler"] | ROLES["biller"]
    assert scopes_for_roles(["nobody"]) == frozenset()


def test_partner_scopes_exclude_clinic_operations():
    assert "admin" not in PARTNER_SCOPES and "billing:write" not in PARTNER_SCOPES
    assert PARTNER_SCOPES < ALL_SCOPES


@pytest.mark.parametrize(
    "requested,granted",
    [(None, PARTNER_SCOPES), ("", PARTNER_SCOPES), ("orders:read", {"orders:read"}),
     ("orders:read  patients:read", {"orders:read", "patients:read"})],
)
def test_grant_scopes(requested, granted):
    assert grant_scopes(PARTNER_SCOPES, requested) == frozenset(granted)


@pytest.mark.parametrize("requested", ["admin", "billing:write", "root", "orders:read bogus"])
def test_grant_scopes_never_widens(requested):
    with pytest.raises(ScopeError):
        grant_scopes(PARTNER_SCOPES, requested)


def test_parse_scopes_accepts_string_or_list():
    assert parse_scopes("a b  c") == {"a", "b", "c"}
    assert parse_scopes(["a", "b"]) == {"a", "b"}
    assert parse_scopes(None) == frozenset()


# --- practice binding

PARTNER = Principal("p", PARTNER_SCOPES, practice_id="prac-a")
STAFF = Principal("s", ALL_SCOPES)


def _route(method, path):
    return TABLE.match(method, path).route


@pytest.mark.parametrize(
    "method,path,who,gate",
    [
        ("GET", "/v1/patients/x", PARTNER, access.Gate.CHECK),
        ("GET", "/v1/patients/x", STAFF, access.Gate.OPEN),
        ("GET", "/v1/drugs", PARTNER, access.Gate.OPEN),
        ("GET", "/v1/board", PARTNER, access.Gate.FORBIDDEN),
        ("POST", "/v1/orders/x/administrations", PARTNER, access.Gate.FORBIDDEN),
        ("POST", "/v1/claims/x/submit", PARTNER, access.Gate.FORBIDDEN),
        ("GET", "/v1/claims/x/x12", PARTNER, access.Gate.CHECK),
        ("POST", "/v1/appointments/x/cancel", PARTNER, access.Gate.CHECK),
        ("POST", "/v1/appointments/x/check-in", PARTNER, access.Gate.FORBIDDEN),
        ("GET", "/v1/audit", PARTNER, access.Gate.FORBIDDEN),
    ],
)
def test_gate(method, path, who, gate):
    assert access.gate(_route(method, path), who) is gate


@pytest.mark.parametrize(
    "doc,owner",
    [
        ({"practice_id": "a", "patient_id": "p"}, access.Owned("a")),
        ({"patient_id": "p", "order_id": "o"}, access.Lookup("patient", "p")),
        ({"order_id": "o"}, access.Lookup("order", "o")),
        ({"practice_id": ""}, access.Unknown()),
        ({"practice_id": 5}, access.Unknown()),
        ({"id": "x"}, access.Unknown()),
        ([], access.Unknown()),
        (None, access.Unknown()),
    ],
)
def test_owner_of(doc, owner):
    assert access.owner_of(doc) == owner


@pytest.mark.parametrize(
    "path,body,owner",
    [
        ("/v1/patients", {"practice_id": "a"}, access.Owned("a")),
        ("/v1/orders", {"patient_id": "p"}, access.Lookup("patient", "p")),
        ("/v1/appointments", {"order_id": "o"}, access.Lookup("order", "o")),
        ("/v1/orders", {}, access.Unknown()),
        ("/v1/orders", "junk", access.Unknown()),
    ],
)
def test_owner_of_new(path, body, owner):
    assert access.owner_of_new(_route("POST", path), body) == owner


def test_every_order_of_a_series_is_an_owner():
    route = _route("POST", "/v1/series")
    assert access.owners_of_new(route, {"order_ids": ["o1", "o2"]}) == [
        access.Lookup("order", "o1"), access.Lookup("order", "o2")]
    assert access.owners_of_new(route, {"order_ids": []}) == [access.Unknown()]
    assert access.owners_of_new(route, {"order_ids": [5]}) == [access.Unknown()]


def test_bind_list_query_forces_own_practice_or_answers_empty():
    assert access.bind_list_query({"status": "draft"}, "a") == {"status": "draft",
                                                                 "practice_id": "a"}
    assert access.bind_list_query({"practice_id": "a"}, "a") == {"practice_id": "a"}
    assert access.bind_list_query({"practice_id": "b"}, "a") is None


def test_actions_are_checked_before_forwarding_item_reads_after():
    assert access.needs_precheck(_route("POST", "/v1/orders/x/sign"))
    assert access.needs_precheck(_route("GET", "/v1/claims/x/x12"))
    assert not access.needs_precheck(_route("GET", "/v1/orders/x"))
    assert access.needs_precheck(_route("GET", "/v1/visits/x"))  # composed: no single response


# --- forwarded paths


def test_forwarded_paths_are_built_from_the_template_one_encoded_segment_per_parameter():
    from gateway.domain.routing import expand

    assert expand("/v1/drugs/{code}/versions", {"code": "ketorolac"}) == \
        "/v1/drugs/ketorolac/versions"
    assert expand("/v1/payers/{payer_id}", {"payer_id": "a/../b?c#d\\e"}) == \
        "/v1/payers/a%2F..%2Fb%3Fc%23d%5Ce"
    for dots in (".", "..", "..."):
        with pytest.raises(ValueError):
            expand("/v1/drugs/{code}", {"code": dots})


# --- issue 13's routes: identities, eligibility, billing identity


@pytest.mark.parametrize(
    "method,path,who,gate",
    [
        ("GET", "/v1/patients/x/demographics", PARTNER, access.Gate.CHECK),
        ("PUT", "/v1/patients/x/demographics", PARTNER, access.Gate.CHECK),
        ("DELETE", "/v1/patients/x/coverages/c", PARTNER, access.Gate.CHECK),
        ("POST", "/v1/patients/lookup", PARTNER, access.Gate.CHECK),
        ("GET", "/v1/patients/x/access-log", PARTNER, access.Gate.FORBIDDEN),
        ("GET", "/v1/orders/x/payer-identity", PARTNER, access.Gate.FORBIDDEN),
        ("GET", "/v1/patients/x/payer-identity", PARTNER, access.Gate.FORBIDDEN),
        ("GET", "/v1/billing-identity", PARTNER, access.Gate.FORBIDDEN),
        ("PUT", "/v1/payer-enrollments/p", PARTNER, access.Gate.FORBIDDEN),
        ("PUT", "/v1/claims/x/administrations/1/ndc", PARTNER, access.Gate.FORBIDDEN),
        ("GET", "/v1/eligibility/x", PARTNER, access.Gate.CHECK),
        ("POST", "/v1/eligibility/x/resolve", PARTNER, access.Gate.FORBIDDEN),
        ("GET", "/v1/practitioners/x", PARTNER, access.Gate.OPEN),
        ("POST", "/v1/practitioners", PARTNER, access.Gate.FORBIDDEN),
    ],
)
def test_gate_of_issue_13_routes(method, path, who, gate):
    assert access.gate(_route(method, path), who) is gate


def test_lookup_is_post_only_and_literal_before_the_patient_id():
    assert TABLE.match("POST", "/v1/patients/lookup").route.kind is Kind.SEARCH
    # the GET form (names in the URL) is not public, and the literal path hides the
    # patient-id template: GET or PATCH there is a 405 naming POST, not a patient id
    assert TABLE.match("GET", "/v1/patients/lookup") is None
    assert TABLE.match("PATCH", "/v1/patients/lookup") is None
    assert TABLE.allowed_methods("/v1/patients/lookup") == ["POST"]
    assert TABLE.shadowed() == {"/v1/patients/lookup": ["GET", "PATCH"]}
    assert TABLE.match("GET", "/v1/eligibility/flags").route.path == "/v1/eligibility/flags"


def test_eligibility_checks_are_owned_through_their_patient():
    route = _route("GET", "/v1/eligibility/x")
    assert route.resource == "eligibility_check" and route.id_param == "check_id"
    assert access.owner_of({"id": "c", "patient_id": "p"}) == access.Lookup("patient", "p")
    # coverage routes are bound through the patient in their path
    assert _route("PATCH", "/v1/patients/x/coverages/c").id_param == "patient_id"


def test_search_is_bound_to_the_callers_practice():
    route = _route("POST", "/v1/patients/lookup")
    assert access.bind_search({"family_name": "X"}, "a")
    assert access.bind_search({"practice_id": "a"}, "a")
    assert not access.bind_search({"practice_id": "b"}, "a")
    assert access.found_ids(route, {"patient_ids": ["p1", 5, "p2"]}) == ["p1", "p2"]
    assert access.found_ids(route, {"patient_ids": "p1"}) == []


def test_a_partner_report_is_bound_to_its_practice_and_keeps_only_its_rows():
    assert access.bind_report_query({"period": "week"}, "p-a") == {
        "period": "week", "practice_id": "p-a"}
    assert access.bind_report_query({"practice_id": "p-a"}, "p-a") == {"practice_id": "p-a"}
    assert access.bind_report_query({"practice_id": "p-b"}, "p-a") is None
    doc = {"rows": [{"practice_id": "p-a", "n": 1}, {"practice_id": "p-b"}, {"n": 2}, "x"]}
    assert access.own_report_rows(doc, "p-a") == {"rows": [{"practice_id": "p-a", "n": 1}]}
    mine = {"rows": [{"practice_id": "p-a"}]}
    assert access.own_report_rows(mine, "p-a") is mine
    assert access.own_report_rows({"buckets": []}, "p-a") == {"buckets": []}
    text = 'period,practice_id,n\n2026-03,p-a,1\n2026-03,p-b,2\n2026-04,"p-a",3\n\n'
    assert access.own_csv_rows(text, "p-a") == 'period,practice_id,n\n2026-03,p-a,1\n' \
        '2026-04,"p-a",3\n'
    assert access.own_csv_rows("key,margin\nx,1\n", "p-a") == "key,margin\n"  # fail closed
    assert access.own_csv_rows("", "p-a") == ""


@pytest.mark.parametrize(
    "method,path,scope",
    [
        ("POST", "/v1/purchasing/contracts", "admin"),
        ("PUT", "/v1/purchasing/wac", "admin"),
        ("POST", "/v1/purchasing/invoices", "admin"),
        ("GET", "/v1/purchasing/contracts", "billing:read"),
        ("GET", "/v1/purchasing/invoices", "billing:read"),
        ("GET", "/v1/purchasing/reorder", "billing:read"),
        ("GET", "/v1/reports/gpo-savings", "billing:read"),
        ("GET", "/v1/reports/gpo-savings.csv", "billing:read"),
    ],
)
def test_group_purchasing_is_staff_only_and_written_by_admins(method, path, scope):
    route = _route(method, path)
    assert route.scope == scope
    assert access.gate(route, PARTNER) is access.Gate.FORBIDDEN
    assert access.gate(route, STAFF) is access.Gate.OPEN
