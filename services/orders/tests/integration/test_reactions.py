"""Reactions on PostgreSQL and the real broker: reaction.recorded / reaction.severe leave
through the outbox with the reaction; alerts, the rescue dose as an unplanned administration
and the visit's acuity are written in the same transaction; a refused record changes nothing;
the next order is hard-stopped (RX-1) or held until clearance (RX-6)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx
import pytest

from chairside_shared import contracts
from chairside_shared.testing.plugin import running
from orders.adapters.reaction_orm import reaction_alerts, reactions, unplanned_administrations

from .conftest import CLERK, STAFF, _service, count
from .test_events import read_topic

pytestmark = pytest.mark.integration
NOW = datetime.now(UTC).replace(microsecond=0)
HIVES, CHEST_PAIN = "126485001", "29857009"


@pytest.fixture
async def svc(make_database, fresh_broker):
    app = await _service(make_database, fresh_broker)
    async with running(app.state.runtime):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://orders", headers=STAFF) as client:
            yield app.state.runtime, client, fresh_broker


async def patient(client, weight="70") -> str:
    r = await client.post("/v1/patients", json={"practice_id": "demo-clinic", "mrn": "RX-1",
                                                "birth_date": "1984-02-02", "weight_kg": weight})
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def order(client, pid: str, drug: str, dose: str, *, sign: bool = True) -> dict:
    r = await client.post("/v1/orders", json={
        "patient_id": pid, "urgency": "same_day", "diagnosis": ["G43.709"],
        "lines": [{"drug_code": drug, "dose": dose, "dose_unit": "mg", "mode": "infusion",
                   "minutes": 15, "sequence": 1}]})
    assert r.status_code == 201, r.text
    if sign:
        r = await client.post(f"/v1/orders/{r.json()['id']}/sign")
        assert r.status_code == 200, r.text
    return r.json()


def body(drug: str, grade: int, *, manifestations=(HIVES,), epi_mg: str | None = None,
         term="infusion_related_reaction") -> dict:
    onset = NOW - timedelta(hours=2)
    doc = {"onset_at": onset.isoformat(), "minutes_from_start": 10,
           "suspects": [{"drug_code": drug, "lot": "L7", "rate_at_onset": "100",
                         "dose_number": 1}],
           "manifestations": list(manifestations), "term": term, "grade": grade,
           "graded_by": "rn-7", "kind": "allergy",
           "vitals": [{"at": onset.isoformat(), "systolic": 88, "spo2": 93}],
           "actions": [{"kind": "stop", "at": onset.isoformat()}],
           "outcome": "resolved", "resolved_at": (onset + timedelta(minutes=45)).isoformat(),
           "provider_notified_at": (onset + timedelta(minutes=2)).isoformat(),
           "rechallenge": "no"}
    if epi_mg:
        doc["rescue_meds"] = [{"drug": "epinephrine", "dose": epi_mg, "unit": "mg",
                               "route": "IM", "given_at": (onset + timedelta(minutes=3))
                               .isoformat(), "given_by": "rn-7"}]
    return doc


async def test_a_severe_reaction_is_stored_alerted_published_and_blocks_the_molecule(svc):
    runtime, client, broker = svc
    pid = await patient(client)
    first = await order(client, pid, "metoclopramide", "10")
    r = await client.post(f"/v1/orders/{first['id']}/reactions",
                          json=body("metoclopramide", 3, epi_mg="0.5"))
    assert r.status_code == 201, r.text
    rec = r.json()
    assert rec["fhir"] == {"type": "allergy", "severity": "severe", "criticality": "high"}
    assert rec["acuity_class"] == "high" and rec["ems_checklist"]
    assert (await client.get(f"/v1/orders/{first['id']}")).json()["acuity_class"] == "high"
    assert await count(runtime, unplanned_administrations,
                       unplanned_administrations.c.reaction_id == rec["id"]) == 1
    alerts = (await client.get("/v1/alerts", params={"limit": 1})).json()
    assert len(alerts["items"]) == 1 and alerts["next_cursor"]
    rest = (await client.get("/v1/alerts", params={"cursor": alerts["next_cursor"]})).json()
    audiences = {a["audience"] for a in alerts["items"] + rest["items"]}
    assert audiences == {"charge_nurse", "ordering_provider"}
    ack = await client.post(f"/v1/alerts/{alerts['items'][0]['id']}/acknowledge")
    assert ack.status_code == 200 and ack.json()["acknowledged_by"] == "dr-house"
    assert len((await client.get("/v1/alerts")).json()["items"]) == 1

    got = await read_topic(broker, contracts.ORDERS_TOPIC, 3)
    types = [(e.type, e.key) for e in got]
    assert types == [("order.signed", first["id"]), ("reaction.recorded", first["id"]),
                     ("reaction.severe", first["id"])]
    severe = got[2].payload
    assert severe.grade == 3 and severe.drug_codes == ["metoclopramide"]
    assert "L7" not in got[1].payload.model_dump_json()  # no lot, vitals or free text

    nxt = await order(client, pid, "metoclopramide", "10", sign=False)
    block = [f for f in nxt["findings"] if f["code"] == "reaction.hard_stop"]
    assert block and block[0]["severity"] == "block"
    ov = {"finding_code": "reaction.hard_stop", "reason": "no alternative for this patient"}
    r = await client.post(f"/v1/orders/{nxt['id']}/overrides", json=ov)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "plan"
    r = await client.post(f"/v1/orders/{nxt['id']}/overrides",
                          json=ov | {"plan": "premedicate; infuse over 30 min"})
    assert r.status_code == 201, r.text
    assert (await client.post(f"/v1/orders/{nxt['id']}/sign")).status_code == 200
    listed = (await client.get(f"/v1/patients/{pid}/reactions")).json()["items"]
    assert [x["id"] for x in listed] == [rec["id"]]
    assert (await client.get(f"/v1/reactions/{rec['id']}")).json()["grade"] == 3


@pytest.mark.parametrize("weight,grade,epi,field", [
    ("70", 2, "0.5", "grade"),  # acceptance row 4
    ("20", 3, "0.5", "rescue_meds[0].dose"),  # acceptance row 6
])
async def test_a_refused_reaction_changes_nothing(svc, weight, grade, epi, field):
    runtime, client, _ = svc
    pid = await patient(client, weight)
    first = await order(client, pid, "metoclopramide", "10")
    before = (await client.get(f"/v1/orders/{first['id']}")).json()
    r = await client.post(f"/v1/orders/{first['id']}/reactions",
                          json=body("metoclopramide", grade, epi_mg=epi))
    assert r.status_code == 422
    assert field in {e["field"] for e in r.json()["errors"]}
    assert await count(runtime, reactions) == 0
    assert await count(runtime, reaction_alerts) == 0
    assert await count(runtime, unplanned_administrations) == 0
    outbox = runtime.spec.tables.outbox
    assert await count(runtime, outbox, outbox.c.event_type.like("reaction.%")) == 0
    assert (await client.get(f"/v1/orders/{first['id']}")).json() == before


async def test_dhe_chest_pain_holds_the_series_until_the_provider_clears_it(svc):
    runtime, client, _ = svc
    pid = await patient(client)
    first = await order(client, pid, "dhe", "1")
    r = await client.post(f"/v1/orders/{first['id']}/reactions",
                          json=body("dhe", 2, manifestations=(CHEST_PAIN,), term="other"))
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    outbox = runtime.spec.tables.outbox
    # scheduling hears that this reaction holds the series (RX-6), ids and codes only
    assert await count(runtime, outbox, outbox.c.event_type == "reaction.recorded",
                       outbox.c.payload.like('%holds_series%true%')) == 1
    dose3 = await order(client, pid, "dhe", "1", sign=False)
    assert "reaction.series_hold" in {f["code"] for f in dose3["findings"]}
    r = await client.post(f"/v1/orders/{dose3['id']}/overrides", json={
        "finding_code": "reaction.series_hold", "reason": "patient feels well now"})
    assert r.status_code == 422
    assert (await client.post(f"/v1/orders/{dose3['id']}/sign")).status_code == 409
    r = await client.post(f"/v1/reactions/{rid}/clearance", json={"note": "ECG normal"},
                          headers=CLERK)
    assert r.status_code == 403
    r = await client.post(f"/v1/reactions/{rid}/clearance", json={"note": "ECG normal"})
    assert r.status_code == 200 and r.json()["cleared_by"] == "dr-house"
    again = await client.post(f"/v1/reactions/{rid}/clearance", json={"note": "ECG normal"})
    assert again.status_code == 409
    # ... and that the provider cleared it, once (keyed by the order, like reaction.recorded)
    assert await count(runtime, outbox, outbox.c.event_type == "reaction.cleared",
                       outbox.c.key == first["id"], outbox.c.payload.like(f'%{rid}%'),
                       outbox.c.payload.not_like("%ECG%")) == 1
    assert (await client.post(f"/v1/orders/{dose3['id']}/sign")).status_code == 200


async def test_the_reactions_report_counts_by_drug_and_grade(svc):
    runtime, client, _ = svc
    pid = await patient(client)
    first = await order(client, pid, "metoclopramide", "10")
    for grade in (1, 1, 2):
        r = await client.post(f"/v1/orders/{first['id']}/reactions",
                              json=body("metoclopramide", grade))
        assert r.status_code == 201, r.text
    today = NOW.date()
    r = await client.get("/v1/reports/reactions", params={
        "from": (today - timedelta(days=1)).isoformat(), "to": today.isoformat()})
    assert r.status_code == 200, r.text
    assert r.json()["rows"] == [{"drug_code": "metoclopramide", "grade": 1, "count": 2},
                                {"drug_code": "metoclopramide", "grade": 2, "count": 1}]
    r = await client.get("/v1/reports/reactions", params={
        "from": today.isoformat(), "to": (today - timedelta(days=1)).isoformat()})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "to"
    # Day's bounds: the day after 9999-12-31 overflowed into a 500 while Query() dropped them
    r = await client.get("/v1/reports/reactions", params={"from": today.isoformat(),
                                                          "to": "9999-12-31"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "to", r.text
    assert "between 1900-01-01 and 2199-12-31" in r.json()["errors"][0]["message"]


async def test_response_history_and_discharge_read_the_reactions(svc):
    """The queries other parts build on: last reaction and tolerated rate per drug (outcomes),
    a visit's reactions for the discharge state."""
    from uuid import UUID

    from orders.domain.reactions import reaction_state
    from orders.seed.reactions import seed_reaction_rules

    runtime, client, _ = svc
    pid = await patient(client)
    first = await order(client, pid, "metoclopramide", "10")
    doc = body("metoclopramide", 1)
    doc["actions"].append({"kind": "restart", "at": doc["resolved_at"], "rate": "50"})
    assert (await client.post(f"/v1/orders/{first['id']}/reactions", json=doc)).status_code == 201
    later = body("metoclopramide", 2) | {"outcome": "ongoing", "resolved_at": None}
    assert (await client.post(f"/v1/orders/{first['id']}/reactions",
                              json=later)).status_code == 201
    async with runtime.uow() as uow:
        summary = await uow.reactions.last_by_drug(UUID(pid))
        visit = await uow.reactions.for_order(UUID(first["id"]))
    assert summary["metoclopramide"].last_reaction.grade == 2
    assert summary["metoclopramide"].last_tolerated_rate == Decimal("50")
    state = reaction_state(visit, NOW, seed_reaction_rules())
    assert state.active and not state.symptom_free_long_enough
