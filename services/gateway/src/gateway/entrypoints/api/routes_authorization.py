"""The authorization service's public routes: prior authorization, renewals, appeals and
eligibility (a part of the route table, table.py)."""

from __future__ import annotations

from gateway.domain.routing import AUTHORIZATION, Route
from gateway.entrypoints.api.contracts import authorization as au
from gateway.entrypoints.api.route_kit import A, C, I, L, O, P, S
from gateway.entrypoints.api.route_kit import route as _r

AUTHORIZATION_ROUTES: tuple[Route, ...] = (
    # --- prior authorization
    _r("GET", "/v1/authorizations", AUTHORIZATION, "authorizations:read", P, L,
       "Prior-authorization worklist", query=au.ListAuthorizationsQuery,
       response=au.AuthorizationPage),
    # Literal segments before `{authorization_id}`: matching is in table order.
    _r("GET", "/v1/authorizations/metrics", AUTHORIZATION, "authorizations:read", C, O,
       "Prior-authorization turnaround and decision rates", query=au.PaMetricsQuery,
       response=au.MetricsOut),
    _r("GET", "/v1/authorizations/renewals", AUTHORIZATION, "authorizations:read", C, O,
       "Renewal worklist: visits outside their approval, soonest due first",
       query=au.RenewalsQuery, response=au.RenewalPage),
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
    # Appeals of a denied case (peer-to-peer, reconsideration...): owned through the case.
    _r("GET", "/v1/authorizations/{authorization_id}/appeals", AUTHORIZATION,
       "authorizations:read", P, A, "The case's appeals and what may be requested next",
       response=au.PaAppealList),
    _r("POST", "/v1/authorizations/{authorization_id}/appeals", AUTHORIZATION,
       "authorizations:write", P, A, "Request a peer-to-peer or an appeal of the denial",
       body=au.PaAppealIn, response=au.PaAppealOut, status=201),
    _r("POST", "/v1/authorizations/{authorization_id}/appeals/{appeal_id}/schedule",
       AUTHORIZATION, "authorizations:write", P, A,
       "Schedule the peer-to-peer with the payer's reviewer", body=au.ScheduleIn,
       response=au.PaAppealOut),
    _r("POST", "/v1/authorizations/{authorization_id}/appeals/{appeal_id}/decision",
       AUTHORIZATION, "authorizations:write", P, A,
       "Record the payer's decision on the appeal (a win approves the case)",
       body=au.AppealDecisionIn, response=au.Authorization),
    _r("POST", "/v1/authorizations/{authorization_id}/appeals/{appeal_id}/documents",
       AUTHORIZATION, "authorizations:write", P, A, "Attach a document to the appeal",
       body=au.DocumentIn, response=au.DocumentOut, status=201),
    _r("GET", "/v1/authorizations/{authorization_id}/appeals/{appeal_id}/documents/"
       "{document_id}/content", AUTHORIZATION, "authorizations:read", P, A,
       "An appeal document's bytes", response=au.DocumentContentResponse,
       response_type="application/octet-stream"),
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
    # --- eligibility (authorization service, X12 270/271)
    _r("POST", "/v1/patients/{patient_id}/eligibility", AUTHORIZATION, "authorizations:write",
       P, A, "Check the patient's eligibility now (X12 270/271)", body=au.CheckNowRequest,
       body_optional=True, response=au.EligibilityCheckOut, status=201, also=(202,)),
    _r("GET", "/v1/patients/{patient_id}/eligibility", AUTHORIZATION, "authorizations:read",
       P, A, "The patient's eligibility answers, newest first", query=au.ListChecksQuery,
       response=au.EligibilityPage),
    # Literal segments before `{check_id}`: matching is in table order.
    _r("GET", "/v1/eligibility/flags", AUTHORIZATION, "authorizations:read", C, O,
       "Orders held by an eligibility flag (staff worklist)", query=au.FlagsQuery,
       response=au.FlagPage),
    _r("GET", "/v1/eligibility/{check_id}", AUTHORIZATION, "authorizations:read", P, I,
       "One eligibility check", response=au.EligibilityCheckOut),
    _r("POST", "/v1/eligibility/{check_id}/resolve", AUTHORIZATION, "authorizations:write",
       C, A, "Resolve a flagged check: the order's booking proceeds",
       body=au.ResolveRequest, response=au.EligibilityCheckOut),
)
