"""Two partner practices walk every route: each reaches its own records, gets 404 for the
other's (and nothing is forwarded for writes), lists hold only its own, clinic routes 403.
The fake services do not filter by practice at all, so every guarantee here is the gateway's.
"""

import pytest
from gateway_testkit.walk import add_partner, request_for, seed_practice

from gateway.domain.principal import PARTNER_SCOPES
from gateway.domain.routing import Access, Kind
from gateway.entrypoints.api.table import ROUTES

pytestmark = pytest.mark.integration

# The webhook routes hold a client's own subscriptions, not a practice's records: their
# isolation (another client's answer 404, events of one practice only) is test_webhooks.py's.
# The live stream never ends, and it is scoped event by event: test_stream.py walks it with
# two practices on the real broker.
WALKED = [r for r in ROUTES if r.access is not Access.PUBLIC and r.kind is not Kind.STREAM
          and not r.path.startswith("/v1/webhooks/")]


def partner_may(route) -> bool:
    return route.scope in PARTNER_SCOPES and route.access is not Access.CLINIC


async def walk_as(g, fakes, headers, mine, theirs) -> list[str]:
    problems: list[str] = []
    for route in WALKED:
        for target, own in ((mine, True), (theirs, False)):
            method, path, kwargs = request_for(route, target)
            kwargs["headers"] = {**kwargs.get("headers", {}), **headers}
            before = {name: len(fakes[name].seen) for name in fakes.states}
            r = await g.client.request(method, path, **kwargs)
            label = f"{method} {route.path} ({'own' if own else 'other'}): {r.status_code}"
            if r.headers.get("content-type", "").startswith("application/problem+json"):
                label += f" {r.json().get('detail')}"
            if not partner_may(route):
                if r.status_code != 403:
                    problems.append(label + " expected 403")
                continue
            if route.kind is Kind.SEARCH:  # what it found: only the caller's own
                found = set(r.json().get(route.found, [])) if r.status_code == 200 else set()
                if r.status_code != 200 or found & theirs.all_ids or \
                        (own and mine.patient["id"] not in found):
                    problems.append(label + f" found {sorted(found)}")
                continue
            if route.access is Access.SHARED or own:
                if not 200 <= r.status_code < 300:
                    problems.append(label + " expected 2xx")
                if route.kind is Kind.LIST:
                    ids = {i["id"] for i in r.json()["items"]}
                    if ids & theirs.all_ids:
                        problems.append(label + " list shows the other practice's records")
                continue
            if route.kind is Kind.LIST:
                ids = {i["id"] for i in r.json()["items"]}
                if r.status_code != 200 or ids & theirs.all_ids:
                    problems.append(label + " list shows the other practice's records")
                continue
            if r.status_code != 404:
                problems.append(label + " expected 404")
            if method != "GET":
                for name, state in fakes.states.items():
                    leaked = [s for s in state.seen[before[name]:]
                              if s.method == method and s.path == path]
                    if leaked:
                        problems.append(label + f" was forwarded to {name}")
    return problems


async def test_two_partners_walk_every_route(g, fakes):
    a = seed_practice(fakes, "demo-partner", "MRN-A-1")
    b = seed_practice(fakes, "practice-b", "MRN-B-1")
    secret_b = await add_partner(g.gw, "partner-b", "practice-b")
    headers_a = await g.auth("demo-partner")
    headers_b = await g.auth("partner-b", secret=secret_b)
    problems = await walk_as(g, fakes, headers_a, a, b)
    problems += await walk_as(g, fakes, headers_b, b, a)
    assert problems == []


async def test_partner_lists_hold_exactly_its_own_records(g, fakes):
    a = seed_practice(fakes, "demo-partner", "MRN-A-2")
    seed_practice(fakes, "practice-b", "MRN-B-2")
    headers = await g.auth("demo-partner")
    for path, key in [("/v1/patients", "patient"), ("/v1/orders", "order"),
                      ("/v1/appointments", "appointment"),
                      ("/v1/authorizations", "authorization"), ("/v1/claims", "claim")]:
        r = await g.client.get(path, headers=headers)
        assert [i["id"] for i in r.json()["items"]] == [getattr(a, key)["id"]], path
    # The practice filter is also sent upstream, so a service that filters does the work.
    lists = [c for c in fakes["orders"].calls("GET") if c.path == "/v1/patients"]
    assert lists[-1].query["practice_id"] == "demo-partner"
    # Asking for another practice's list answers an empty page without calling the service.
    n = len(fakes["orders"].seen)
    r = await g.client.get("/v1/patients", params={"practice_id": "practice-b"}, headers=headers)
    assert r.status_code == 200 and r.json()["items"] == [] and len(fakes["orders"].seen) == n


async def test_partner_cannot_create_for_another_practice(g, fakes):
    b = seed_practice(fakes, "practice-b", "MRN-B-3")
    headers = await g.auth("demo-partner")
    r = await g.client.post("/v1/patients", headers=headers, json={
        "practice_id": "practice-b", "mrn": "X", "birth_date": "1990-01-01", "sex": "male",
        "weight_kg": 80})
    assert r.status_code == 404
    r = await g.client.post("/v1/appointments", headers=headers,
                            json={"order_id": b.order["id"], "start": "2026-03-02T14:00:00Z"})
    assert r.status_code == 404
    assert fakes["orders"].calls("POST") == [] and fakes["scheduling"].calls("POST") == []


async def test_a_series_naming_one_foreign_order_is_refused(g, fakes):
    """Issue 16: every order of a series must be the caller's, not only the first."""
    a = seed_practice(fakes, "demo-partner", "MRN-A-4")
    b = seed_practice(fakes, "practice-b", "MRN-B-4")
    headers = await g.auth("demo-partner")
    body = {"pattern": {"kind": "consecutive_days"}, "first_day": "2026-03-02",
            "window": {"from": "08:00", "to": "12:00"}}
    for ids in ([a.order["id"], b.order["id"]], [b.order["id"], a.order["id"]]):
        r = await g.client.post("/v1/series", headers=headers, json={**body, "order_ids": ids})
        assert r.status_code == 404, r.text
    assert fakes["scheduling"].calls("POST") == []
    r = await g.client.post("/v1/series", headers=headers,
                            json={**body, "order_ids": [a.order["id"]] * 2})
    assert r.status_code == 201, r.text


async def test_staff_reach_every_practice(g, fakes):
    a = seed_practice(fakes, "demo-partner", "MRN-A-4")
    b = seed_practice(fakes, "practice-b", "MRN-B-4")
    headers = await g.auth("demo-admin")
    failures = []
    for route in WALKED:
        for target in (a, b):
            method, path, kwargs = request_for(route, target)
            kwargs["headers"] = {**kwargs.get("headers", {}), **headers}
            r = await g.client.request(method, path, **kwargs)
            if not 200 <= r.status_code < 300:
                failures.append(f"{method} {path}: {r.status_code} {r.text[:200]}")
    assert failures == []
    r = await g.client.get("/v1/claims", headers=headers)
    assert {i["id"] for i in r.json()["items"]} == {a.claim["id"], b.claim["id"]}


async def test_another_practices_id_and_a_random_id_get_the_same_answer(g, fakes):
    """No existence oracle: for every route naming a resource, a partner cannot tell "exists
    but is another practice's" from "does not exist" (status, detail, body shape)."""
    theirs = seed_practice(fakes, "practice-b", "MRN-B-5")
    nobody = seed_practice(fakes, "practice-b", "MRN-B-6")
    for state in fakes.states.values():  # ids that exist nowhere
        for collection in state.docs.values():
            for doc_id in list(nobody.all_ids & set(collection)):
                del collection[doc_id]
    headers = await g.auth("demo-partner")
    differences = []
    for route in WALKED:
        if not (partner_may(route) and route.id_param and route.access is Access.PRACTICE):
            continue
        answers = []
        for target in (theirs, nobody):
            method, path, kwargs = request_for(route, target)
            kwargs["headers"] = {**kwargs.get("headers", {}), **headers}
            r = await g.client.request(method, path, **kwargs)
            body = r.json()
            body["instance"] = body.get("instance", "").replace(
                target.ids[route.id_param], "{id}")
            answers.append((r.status_code, r.headers["content-type"], body))
        if answers[0] != answers[1] or answers[0][0] != 404:
            differences.append(f"{route.method} {route.path}: {answers}")
    assert differences == []


async def test_partner_referral_report_is_its_own_practice_only(g, fakes):
    """Issue 17: the referral report (JSON and CSV) through the gateway. The fake service
    answers a row of "practice-b" whatever it is asked; a partner never sees it, its query is
    forced to its own practice, and naming another practice is 404 without a call."""
    headers = await g.auth("demo-partner")
    period = {"from": "2026-03-01", "to": "2026-03-31"}
    r = await g.client.get("/v1/reports/referrals", params=period, headers=headers)
    assert r.status_code == 200, r.text
    assert [row["practice_id"] for row in r.json()["rows"]] == ["demo-partner"]
    sent = [c for c in fakes["reimbursement"].calls("GET") if c.path == "/v1/reports/referrals"]
    assert sent[-1].query["practice_id"] == "demo-partner"
    r = await g.client.get("/v1/reports/referrals.csv", params=period, headers=headers)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.text == "practice_id,period_start,orders_received\ndemo-partner,2026-03-01,3\n"
    n = len(fakes["reimbursement"].seen)
    for path in ("/v1/reports/referrals", "/v1/reports/referrals.csv"):
        r = await g.client.get(path, params=period | {"practice_id": "practice-b"},
                               headers=headers)
        assert r.status_code == 404, r.text
    assert len(fakes["reimbursement"].seen) == n
    # The center's staff see every practice; margin stays the center's own.
    staff = await g.auth("demo-admin")
    r = await g.client.get("/v1/reports/referrals.csv", params=period, headers=staff)
    assert r.status_code == 200 and "practice-b,2026-03-01,5" in r.text
    r = await g.client.get("/v1/reports/margin.csv", params=period | {"by": "practice"},
                           headers=headers)
    assert r.status_code == 403
