"""Bad input never reaches a 5xx, through the gateway and at each service directly.

Every operation of the public API (the gateway's OpenAPI document) and of each service's own
document gets the families of tests/e2e/badinput.py, built on a valid request against real
data (a patient, orders, an appointment, a prior-authorization case and a claim made first).
The one expectation: a 4xx problem+json or a success, never a 5xx, and a refused request
changes nothing (every domain table of the four services compared before and after).
"""

from __future__ import annotations

import asyncio
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from .badinput import Base, Probe, operations, probes
from .reconcile import consumer_specs
from .visits import MEDICARE
from .world import bases, service_headers

pytestmark = pytest.mark.e2e

# It plans days or forecasts staffing (valid requests): the scheduling service preloads
# OR-Tools and statsmodels, as in production.
STACK_ENV = {"SCHEDULING_PRELOAD_MODELS": "true"}
MESSAGING = {"outbox", "inbox", "dead_letters", "broker_epochs", "alembic_version"}
# Every read of PHI is audited, also one made while serving a request that is then refused
# (the read happened): the access log is expected to grow and is not domain state.
AUDIT = {"phi_access_log"}
# The one refusal that is meant to write: a valid submit refused because the PAS request
# lacks an element keeps the case a draft and records each missing item on it (the
# worklist shows them). Only its own service's case tables, only for the valid request.
RECORDS_REFUSAL = {("POST", "/v1/authorizations/{authorization_id}/submit"):
                   {"authorization.pa_cases", "authorization.pa_case_history"}}
# Refusals that are logged, whatever the input: an 835 refused whole is quarantined (its
# reasons, never the file) so billers see what a payer sent that could not post
# (payer-exchange.md §4.3). Nothing else of the service changes.
LOGS_REFUSAL = {("POST", "/v1/remittances"): {"reimbursement.remittance_quarantine"}}
# Successes whose effects go on after the answer: a claim sent to the clearinghouse sandbox has
# its 999 and 277CA fetched by the exchange poller (every 0.5 s in the stack) and applied, a
# moment later on a busy machine. A signed order's eligibility inquiry is sent by a poller
# (every 0.2 s in the stack) after the order.signed event is taken, and its 271 releases the
# booking decision. The next family's "before" waits until that has landed.
SLOW_EFFECTS_S = {("POST", "/v1/orders/{order_id}/sign"): 2.0,
                  ("POST", "/v1/claims/{claim_id}/submit"): 5.0,
                  ("POST", "/v1/claims/{claim_id}/replace"): 5.0,
                  ("POST", "/v1/claims/{claim_id}/void"): 5.0}
# A read that succeeded starts nothing in the background: no wait for effects to land.
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
REPORT: dict[str, Counter] = defaultdict(Counter)


def all_probes(doc: dict[str, Any], w: dict[str, Any]) -> list[Probe]:
    table = bases(w)
    out: list[Probe] = []
    for op in operations(doc):
        if op.template in ("/v1/oauth/token", "/.well-known/jwks.json", "/metrics",
                           "/healthz", "/readyz"):
            continue
        base = table.get((op.method, op.template), Base())
        base = Base(path={**w["ids"], **base.path}, query=base.query, body=base.body)
        out += probes(doc, op, base)
    return out


class Fingerprints:
    """A digest per domain table of every service: equal digests, nothing written. One query
    per database, run side by side."""

    def __init__(self, urls: dict[str, str]) -> None:
        self.engines = {s: create_async_engine(url) for s, url in urls.items()}
        self.queries: dict[str, Any] = {}
        self.consumers = consumer_specs()

    async def close(self) -> None:
        await asyncio.gather(*(e.dispose() for e in self.engines.values()))

    async def _one(self, service: str) -> dict[str, str]:
        async with self.engines[service].connect() as conn:
            if service not in self.queries:
                tables = sorted(set((await conn.execute(text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))).scalars())
                    - MESSAGING - AUDIT)
                self.queries[service] = text(" UNION ALL ".join(
                    f"SELECT '{t}', count(*), md5(coalesce(string_agg(t::text, '|' "
                    f"ORDER BY t::text), '')) FROM \"{t}\" t" for t in tables))
            rows = (await conn.execute(self.queries[service])).all()
        return {f"{service}.{name}": f"{n}:{digest}" for name, n, digest in rows}

    async def take(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in await asyncio.gather(*(self._one(s) for s in self.engines)):
            out.update(part)
        return out

    async def _flow(self, service: str) -> tuple[int, Counter, int]:
        """(outbox rows not yet published, rows per (topic, type), events handled or
        dead-lettered by this service's consumer)."""
        async with self.engines[service].connect() as conn:
            unsent = (await conn.execute(text(
                "SELECT count(*) FROM outbox WHERE sent_at IS NULL"))).scalar_one()
            published = Counter({(t, e): n for t, e, n in await conn.execute(text(
                "SELECT topic, event_type, count(*) FROM outbox GROUP BY topic, event_type"))})
            taken = (await conn.execute(text(
                "SELECT (SELECT count(*) FROM inbox) + (SELECT count(*) FROM dead_letters)"))
                ).scalar_one()
        return unsent, published, taken

    async def drained(self) -> bool:
        """Every event of every service published and taken by each consumer that handles
        it: a cascade between services (order signed -> eligibility -> booking request) has
        quiet gaps while an event waits in an outbox or on the broker, longer than any fixed
        quiet time on a loaded machine."""
        flows = dict(zip(self.engines, await asyncio.gather(
            *(self._flow(s) for s in self.engines)), strict=True))
        if any(unsent for unsent, _, _ in flows.values()):
            return False
        for consumer, (topics, handled) in self.consumers.items():
            owed = sum(n for _, published, _ in flows.values()
                       for (topic, kind), n in published.items()
                       if topic in topics and kind in handled)
            if consumer in flows and flows[consumer][2] < owed:
                return False
        return True

    async def settled(self, quiet_s: float = 0.3) -> dict[str, str]:
        """The digests once background effects of earlier successes have landed: every event
        taken and the digests unchanged for ``quiet_s`` (within a bound)."""
        last = await self.take()
        loop = asyncio.get_running_loop()
        quiet_since, deadline = loop.time(), loop.time() + max(6.0, 4 * quiet_s)
        while loop.time() < deadline:
            await asyncio.sleep(0.3)
            now = await self.take()
            if now != last:
                last, quiet_since = now, loop.time()
            elif loop.time() - quiet_since >= quiet_s and await self.drained():
                return now
        return last


async def send(client: httpx.AsyncClient, probe: Probe, headers: dict[str, str]
               ) -> httpx.Response:
    h = dict(headers)
    if probe.content_type:
        h["content-type"] = probe.content_type
    # The URL goes out exactly as built (dot segments and encodings included).
    request = client.build_request(probe.method, str(client.base_url), headers=h,
                                   content=probe.content)
    request.url = request.url.copy_with(raw_path=probe.url.encode("ascii"))
    return await client.send(request)


async def run_families(client: httpx.AsyncClient, doc: dict[str, Any], w: dict[str, Any],
                       headers: dict[str, str], target: str, urls: dict[str, str]) -> list[str]:
    prints = Fingerprints(urls)
    try:
        return await _run_families(client, doc, w, headers, target, prints)
    finally:
        await prints.close()


async def _run_families(client: httpx.AsyncClient, doc: dict[str, Any], w: dict[str, Any],
                        headers: dict[str, str], target: str, prints: Fingerprints
                        ) -> list[str]:
    """Every probe once; returns the failures (5xx, 4xx that is not problem+json, or a write
    on a refused request)."""
    failures: list[str] = []
    groups: dict[tuple[str, str, str], list[Probe]] = defaultdict(list)
    for p in all_probes(doc, w):
        groups[(p.method, p.template, p.family)].append(p)
    before = await prints.settled()
    for (method, template, family), group in groups.items():
        succeeded = False
        for probe in group:
            r = await send(client, probe, headers)
            REPORT[f"{target} {family}"]["requests"] += 1
            where = f"{target} {family} {method} {template} [{probe.what}] -> {r.status_code}"
            if r.status_code >= 500:
                REPORT[f"{target} {family}"]["5xx"] += 1
                failures.append(f"{where}: {r.text[:200]}")
            elif r.status_code >= 400:
                if not r.headers.get("content-type", "").startswith("application/problem+json"):
                    failures.append(f"{where}: not problem+json ({r.headers.get('content-type')})")
            else:
                succeeded = True
            if family == "base" and r.status_code >= 400:
                # the valid request itself was refused: its fields were only tried shallowly
                REPORT[f"{target} base"]["refused"] += 1
                print(f"base refused: {target} {method} {template} -> {r.status_code} "
                      f"{r.text[:160]}")
        after = await prints.take()
        if not succeeded and after != before:
            after = await prints.settled()  # an earlier success may still have been landing
            changed = sorted(k for k in after if after.get(k) != before.get(k)
                             and k not in LOGS_REFUSAL.get((method, template), set()))
            if family == "base":
                changed = [k for k in changed
                           if k not in RECORDS_REFUSAL.get((method, template), set())]
            if changed:
                failures.append(f"{target} {family} {method} {template}: refused requests "
                                f"changed {changed}")
        elif succeeded and method not in SAFE_METHODS:
            after = await prints.settled(SLOW_EFFECTS_S.get((method, template), 0.3))
        before = after
    return failures


# Every probe of every public operation: ~180 s beside another test worker on two cores.
@pytest.mark.timeout(900)
async def test_public_api_never_answers_bad_input_with_a_5xx(stack, api, world):
    urls = {s: stack.databases[s] for s in ("orders", "scheduling", "authorization",
                                            "reimbursement")}
    token = await api.token("demo-admin")
    async with httpx.AsyncClient(base_url=stack.gateway_url, timeout=60) as client:
        doc = (await client.get("/openapi.json")).json()
        failures = await run_families(client, doc, world,
                                      {"authorization": f"Bearer {token}"}, "gateway", urls)
    print_report("gateway")
    assert not failures, "\n".join(failures[:60])


@pytest.mark.parametrize("service", ["orders", "scheduling", "authorization", "reimbursement"])
async def test_each_service_never_answers_bad_input_with_a_5xx(stack, world, service):
    urls = {s: stack.databases[s] for s in ("orders", "scheduling", "authorization",
                                            "reimbursement")}
    async with httpx.AsyncClient(base_url=stack.url(service), timeout=60) as client:
        doc = (await client.get("/openapi.json")).json()
        failures = await run_families(client, doc, world, service_headers(), service, urls)
    print_report(service)
    assert not failures, "\n".join(failures[:60])


async def test_no_accepted_request_left_an_event_dead_lettered(stack, world):
    """What the families got accepted flowed on as events; every consumer handled them."""
    urls = {s: stack.databases[s] for s in ("orders", "scheduling", "authorization",
                                            "reimbursement")}
    prints = Fingerprints(urls)
    try:
        await prints.settled()
    finally:
        await prints.close()
    dead = []
    for service, url in urls.items():
        engine = create_async_engine(url)
        try:
            async with engine.connect() as conn:
                dead += [f"{service}: {r.event_type} {r.error}" for r in (await conn.execute(
                    text("SELECT event_type, error FROM dead_letters"))).all()]
        finally:
            await engine.dispose()
    assert not dead, "\n".join(dead)


def print_report(target: str) -> None:
    for key in sorted(k for k in REPORT if k.startswith(target + " ")):
        c = REPORT[key]
        print(f"bad input {key}: {c['requests']} requests, {c['5xx']} 5xx")


async def test_the_reported_calendar_edge_requests_are_422s_naming_the_field(stack, api, world):
    """Issue 11's exact requests (each was a 502 from an OverflowError in a service)."""
    early, late = "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"
    patient = {"practice_id": "demo-clinic", "mrn": "EDGE-1", "birth_date": "1984-06-02",
               "sex": "female", "weight_kg": 64}
    soon = datetime.now(UTC) + timedelta(days=2)
    order = {"patient_id": world["ids"]["patient_id"], "urgency": "planned",
             "diagnosis": ["G43.109"], "payer": MEDICARE,
             "lines": [{"sequence": 1, "drug_code": "ketorolac", "dose": "15",
                        "dose_unit": "mg", "mode": "push", "minutes": 2}]}
    cases = [
        ("POST", "/v1/patients", {**patient, "medications": [
            {"name": "sumatriptan", "last_dose_at": early}]}, None, "medications.0.last_dose_at"),
        ("POST", "/v1/patients", {**patient, "medications": [
            {"name": "sumatriptan", "last_dose_at": late}]}, None, "medications.0.last_dose_at"),
        ("POST", "/v1/orders", {**order, "requested_window": {
            "from": soon.isoformat(), "to": late}}, None, "requested_window.to"),
        ("POST", f"/v1/patients/{world['ids']['patient_id']}/outside-doses", {
            "drug_code": "ketorolac", "dose": "15", "dose_unit": "mg", "given_at": early,
            "source": "urgent care"}, None, "given_at"),
        ("POST", "/v1/nurse-shifts", {"nurse_id": "rn-edge", "start": early, "end": late},
         None, "start"),
        ("GET", "/v1/slots", None, {"minutes": "30", "from": early}, "from"),
        ("GET", "/v1/authorizations", None, {"due_before": early}, "due_before"),
        ("GET", "/v1/appointments", None, {"date": "9999-12-31"}, "date"),
        ("GET", "/v1/board", None, {"date": "0001-01-01"}, "date"),
        ("POST", "/v1/schedule/optimize", None, {"date": "0001-01-01"}, "date"),
    ]
    for method, path, body, params, field in cases:
        r = await api.request(method, path, json=body, params=params, expect=(422,))
        assert r.headers["content-type"].startswith("application/problem+json"), r.text
        named = [e["field"] for e in r.json().get("errors", [])]
        assert field in named, (method, path, r.json())
