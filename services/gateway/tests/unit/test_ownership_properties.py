"""Property: following references never attributes a record to the wrong practice.

The proxy's owner resolution runs against an in-memory stand-in for the services (no
network): random graphs of patients, orders, appointments, authorizations and claims, some
with broken or missing references. The answer must be the true owning practice, or None
(fail closed) when the chain is broken — never some other practice.
"""

import asyncio
import json

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from gateway.adapters.cursors import CursorSealer
from gateway.domain import access
from gateway.domain.principal import PARTNER_SCOPES, Principal
from gateway.domain.routing import RouteTable
from gateway.entrypoints.api.table import ROUTES
from gateway.service.proxy import Call, Proxy

PRACTICES = ["p-a", "p-b", "p-c"]
CURSORS = CursorSealer("unit-test-secret", ttl_s=60)


class MemoryUpstream:
    def __init__(self, docs):
        self.docs = docs
        self.calls = 0

    async def request(self, method, path, **_):
        self.calls += 1
        doc = self.docs.get(path)
        if doc is None:
            return httpx.Response(404, json={"detail": "no such resource"})
        return httpx.Response(200, content=json.dumps(doc).encode(),
                              headers={"content-type": "application/json"})


class MemoryUpstreams:
    def __init__(self, docs):
        self.upstream = MemoryUpstream(docs)

    def __getitem__(self, name):
        return self.upstream


@st.composite
def graphs(draw):
    n_patients = draw(st.integers(1, 4))
    patients = {f"pat-{i}": draw(st.sampled_from(PRACTICES)) for i in range(n_patients)}
    orders = {}
    for i in range(draw(st.integers(1, 4))):
        patient = draw(st.sampled_from([*patients, "pat-missing"]))
        orders[f"ord-{i}"] = (patient, draw(st.booleans()))  # order states its practice?
    leaves = {}
    for kind in ("appointment", "authorization", "claim"):
        for i in range(draw(st.integers(0, 3))):
            leaves[f"{kind}-{i}"] = (kind, draw(st.sampled_from([*orders, "ord-missing"])))
    return patients, orders, leaves


def build_docs(patients, orders, leaves):
    docs = {f"/v1/patients/{p}": {"id": p, "practice_id": prac} for p, prac in patients.items()}
    for o, (patient, states_practice) in orders.items():
        doc = {"id": o, "patient_id": patient}
        if states_practice and patient in patients:
            doc["practice_id"] = patients[patient]
        docs[f"/v1/orders/{o}"] = doc
    for leaf, (kind, order) in leaves.items():
        docs[f"/v1/{kind}s/{leaf}"] = {"id": leaf, "order_id": order}
    return docs


def truth(patients, orders, leaves, resource, rid):
    if resource == "patient":
        return patients.get(rid)
    if resource == "order":
        return patients.get(orders[rid][0]) if rid in orders else None
    kind, order = leaves[rid]
    return truth(patients, orders, leaves, "order", order)


@settings(max_examples=300, deadline=None)
@given(graphs(), st.sampled_from(PRACTICES))
def test_owner_resolution_is_exact_or_fails_closed(graph, practice):
    patients, orders, leaves = graph
    proxy = Proxy(MemoryUpstreams(build_docs(patients, orders, leaves)), CURSORS)
    route = RouteTable(ROUTES).match("GET", "/v1/orders/x").route
    targets = [("patient", p) for p in patients] + [("order", o) for o in orders] + \
              [(kind, leaf) for leaf, (kind, _) in leaves.items()]

    async def run():
        call = Call(route=route, principal=Principal("c", PARTNER_SCOPES, practice_id=practice),
                    path="/", params={}, query={})
        for resource, rid in targets:
            got = await proxy.practice_of(access.Lookup(resource, rid), call)
            assert got == truth(patients, orders, leaves, resource, rid), (resource, rid)
            # What a bound partner is let through: exactly its own records.
            assert (got == practice) == (truth(patients, orders, leaves, resource, rid)
                                         == practice)

    asyncio.run(run())


def test_lookups_are_cached_within_one_call():
    docs = build_docs({"pat-0": "p-a"}, {"ord-0": ("pat-0", False)},
                      {"claim-0": ("claim", "ord-0"), "claim-1": ("claim", "ord-0")})
    upstreams = MemoryUpstreams(docs)
    proxy = Proxy(upstreams, CURSORS)
    route = RouteTable(ROUTES).match("GET", "/v1/claims").route
    call = Call(route=route, principal=Principal("c", PARTNER_SCOPES, practice_id="p-a"),
                path="/", params={}, query={})

    async def run():
        for claim in ("claim-0", "claim-1"):
            assert await proxy.practice_of(access.Lookup("claim", claim), call) == "p-a"

    asyncio.run(run())
    # claim-0, ord-0, pat-0, then claim-1 only: the order and patient come from the cache.
    assert upstreams.upstream.calls == 4
