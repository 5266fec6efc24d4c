"""Issue 18 point 5 on PostgreSQL and the broker: order.signed of neurology doses carries the
catalog course (ocrelizumab day 1 and 15; IVIG consecutive days) and a series is booked from it
with no pattern typed, long infusions within the day and a high-acuity first dose on the one
chair that takes it; order.administered of a loading dose opens the recall of its dose number,
and a biosimilar's order takes the reference product's recall (one molecule)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sched_it import local
from series_it import MON, publish

from chairside_shared import contracts
from chairside_shared.testing.plugin import eventually, running
from scheduling.service.recalls import repo

pytestmark = pytest.mark.integration
# Beyond the planned-booking horizon (28 days): order.signed events other tests left on the
# shared broker hold nothing on these days, so the chairs are this test's alone.
FIRST = MON + timedelta(days=35)


def signed(patient_id, drug: str, dose_number: int, *, minutes: int, acuity: str,
           molecule: str | None = None,
           series: contracts.SeriesFacts | None = None) -> contracts.OrderSigned:
    line = contracts.OrderLine(sequence=1, drug_code=drug, dose=Decimal(300), dose_unit="mg",
                               mode="infusion", minutes=minutes, acuity_class=acuity,
                               molecule=molecule or drug, dose_number=dose_number)
    return contracts.OrderSigned(
        order_id=uuid.uuid4(), practice_id="partner-neuro", patient_id=patient_id,
        urgency="planned", lines=[line], estimated_chair_minutes=minutes, acuity_class=acuity,
        requires_driver=False, diagnoses=["G35"], patient_age_band="18-64",
        patient_age_years=40, pediatric=False, catalog_version=2,
        signed_at=datetime.now(UTC), series=series)


async def known(runtime, order_id):
    async with runtime.uow() as uow:
        order = await uow.orders.get(order_id)
        return order if order and order.signed else None


async def clinic(c, days: list[date]) -> None:
    """Two recliners and a bed that takes high-acuity first doses; two nurses each day."""
    for chair, high in (("c01", False), ("c02", False), ("c03", True)):
        r = await c.put(f"/v1/chairs/{chair}", json={"id": chair, "high_acuity_capable": high})
        assert r.status_code == 200 and r.json()["high_acuity_capable"] is high, r.text
    for day in days:
        for n in range(2):
            r = await c.post("/v1/nurse-shifts", json={
                "nurse_id": f"rn{n}", "start": local(8, 0, day).isoformat(),
                "end": local(18, 0, day).isoformat(), "breaks": []})
            assert r.status_code == 201, r.text


async def signed_all(svc, broker, events: list[contracts.OrderSigned]) -> list[str]:
    for e in events:
        await publish(broker, "order.signed", e, e.order_id)
    for e in events:
        await eventually(lambda e=e: known(svc.runtime, e.order_id))
    return [str(e.order_id) for e in events]


async def test_neuro_series_from_the_catalog_course(svc, broker):
    c = svc.client
    await clinic(c, [FIRST, FIRST + timedelta(days=1), FIRST + timedelta(days=2),
                     FIRST + timedelta(days=14)])
    async with running(svc.runtime):
        # ocrelizumab: dose 1 names the course (day 1 and day 15), 300 mg titrated ~4.5 h
        ocr = contracts.SeriesFacts(drug_code="ocrelizumab", from_dose=1, kind="day_offsets",
                                    offsets=[0, 14])
        patient = uuid.uuid4()
        ids = await signed_all(svc, broker, [
            signed(patient, "ocrelizumab", 1, minutes=270, acuity="elevated", series=ocr),
            signed(patient, "ocrelizumab", 2, minutes=270, acuity="elevated")])
        r = await c.post("/v1/series", json={
            "order_ids": ids, "first_day": FIRST.isoformat(),
            "window": {"from": "08:00", "to": "12:00"}})
        assert r.status_code == 201, r.text
        s = r.json()
        assert s["pattern"] == {"kind": "day_offsets", "offsets": [0, 14]}
        assert [v["planned_day"] for v in s["visits"]] == [
            FIRST.isoformat(), (FIRST + timedelta(days=14)).isoformat()]
        for v, day in zip(s["visits"], (FIRST, FIRST + timedelta(days=14)), strict=True):
            a = v["appointment"]
            start, end = datetime.fromisoformat(a["start"]), datetime.fromisoformat(a["end"])
            assert end - start == timedelta(minutes=270) and end <= local(18, 0, day)

        # IVIG: the first dose is high acuity (catalog first-dose class) and goes to the bed;
        # the later loading days sit in ordinary chairs
        ivig = contracts.SeriesFacts(drug_code="ivig_privigen", from_dose=1,
                                     kind="consecutive_days", min_visits=2, max_visits=5)
        other = uuid.uuid4()
        loading = [signed(other, "ivig_privigen", 1, minutes=240, acuity="high",
                          molecule="immune globulin iv", series=ivig),
                   *(signed(other, "ivig_privigen", n, minutes=240, acuity="elevated",
                            molecule="immune globulin iv") for n in (2, 3))]
        ivig_ids = await signed_all(svc, broker, loading)
        r = await c.post("/v1/series", json={
            "order_ids": ivig_ids, "first_day": FIRST.isoformat(),
            "window": {"from": "08:00", "to": "13:00"}})
        assert r.status_code == 201, r.text
        visits = r.json()["visits"]
        assert [v["planned_day"] for v in visits] == [
            (FIRST + timedelta(days=i)).isoformat() for i in range(3)]
        assert [v["appointment"]["chair_id"] for v in visits] == ["c03", "c01", "c01"]

        # six loading days: more than the catalog's 2-5, refused naming the field
        six = [signed(uuid.uuid4(), "ivig_privigen", 1, minutes=60, acuity="high",
                      molecule="immune globulin iv", series=ivig)]
        six_ids = await signed_all(svc, broker, six)
        more = await signed_all(svc, broker, [
            signed(six[0].patient_id, "ivig_privigen", n, minutes=60, acuity="elevated",
                   molecule="immune globulin iv") for n in range(2, 7)])
        r = await c.post("/v1/series", json={
            "order_ids": six_ids + more, "first_day": FIRST.isoformat(),
            "window": {"from": "08:00", "to": "13:00"}})
        assert r.status_code == 422, r.text
        assert "order_ids" in r.text


def administered(order_id, patient_id, drug: str, hcpcs: str, on: date, facts: dict,
                 molecule: str) -> contracts.OrderAdministered:
    started = local(10, 0, on)
    given = contracts.Administration(
        line_sequence=1, drug_code=drug, hcpcs=hcpcs, mode="infusion", started_at=started,
        stopped_at=started + timedelta(hours=3), dose_given=Decimal(300), dose_unit="mg")
    return contracts.OrderAdministered(
        order_id=order_id, practice_id="partner-neuro", patient_id=patient_id,
        diagnoses=["G35"], administrations=[given], completed_at=started + timedelta(hours=4),
        recalls=[contracts.RecallFacts(drug_code=drug, hcpcs=hcpcs, units_given=300,
                                       molecule=molecule, **facts)])


# what orders publishes for these drugs (services/orders seed catalog.json recall data)
OCR_RECALL = {"earliest_days": 140, "target_from_days": 168, "target_to_days": 168,
              "latest_days": 175, "by_dose": [
                  {"doses": [1], "earliest_days": 14, "target_from_days": 14,
                   "target_to_days": 14, "latest_days": 21},
                  {"doses": [2], "earliest_days": 140, "target_from_days": 154,
                   "target_to_days": 154, "latest_days": 161}]}
INF_RECALL = {"earliest_days": 42, "target_from_days": 56, "target_to_days": 56,
              "latest_days": 63, "by_dose": [
                  {"doses": [1], "earliest_days": 14, "target_from_days": 14,
                   "target_to_days": 14, "latest_days": 17},
                  {"doses": [2], "earliest_days": 28, "target_from_days": 28,
                   "target_to_days": 28, "latest_days": 31}]}


async def recall_of(runtime, order_id):
    async with runtime.uow() as uow:
        return await repo(uow).of_source(order_id)


async def test_recalls_by_dose_number_and_across_a_molecule(svc, broker):
    await clinic(svc.client, [MON])
    async with running(svc.runtime):
        patient = uuid.uuid4()
        # ocrelizumab dose 2 (day 15): the first 600 mg dose is 24 weeks after infusion 1
        dose2 = signed(patient, "ocrelizumab", 2, minutes=270, acuity="elevated")
        await signed_all(svc, broker, [dose2])
        given_on = MON - timedelta(days=3)
        await publish(broker, "order.administered", administered(
            dose2.order_id, patient, "ocrelizumab", "J2350", given_on, OCR_RECALL,
            "ocrelizumab"), dose2.order_id)
        r = await eventually(lambda: recall_of(svc.runtime, dose2.order_id))
        assert (r.earliest, r.target_from, r.target_to, r.latest) == (
            given_on + timedelta(days=140), given_on + timedelta(days=154),
            given_on + timedelta(days=154), given_on + timedelta(days=161))
        assert r.molecule == "ocrelizumab" and r.status == "due"

        # infliximab (reference product) dose 1 at week 0: the week-2 dose is recalled; the
        # biosimilar's order for it takes that recall and is never held before its earliest
        other = uuid.uuid4()
        wk0 = signed(other, "infliximab", 1, minutes=180, acuity="elevated")
        await signed_all(svc, broker, [wk0])
        week0 = MON - timedelta(days=7)
        await publish(broker, "order.administered", administered(
            wk0.order_id, other, "infliximab", "J1745", week0, INF_RECALL, "infliximab"),
            wk0.order_id)
        first = await eventually(lambda: recall_of(svc.runtime, wk0.order_id))
        assert (first.earliest, first.latest) == (week0 + timedelta(days=14),
                                                  week0 + timedelta(days=17))
        wk2 = signed(other, "infliximab_dyyb", 2, minutes=180, acuity="elevated",
                     molecule="infliximab")
        await signed_all(svc, broker, [wk2])

        async def linked():
            got = await recall_of(svc.runtime, wk0.order_id)
            return got if got.next_order_id == wk2.order_id else None
        assert (await eventually(linked)).status == "booked"
        r = await svc.client.get("/v1/appointments", params={"order_id": str(wk2.order_id)})
        for appt in r.json()["items"]:
            if appt.get("start"):
                assert datetime.fromisoformat(appt["start"]) >= local(0, 0, first.earliest)


async def test_the_day_optimizer_moves_a_high_acuity_first_dose_only_between_beds(svc):
    """The optimizer moves a high-acuity first dose to its requested time on the one bed that
    takes it; once no chair takes it, it stays where it is and the plan says why."""
    from sched_it import DAY

    from scheduling.adapters import orm
    from scheduling.domain.orders import CourseLine
    from scheduling.service import booking

    c = svc.client
    await clinic(c, [DAY])
    ids = []
    for acuity, dose in (("high", 1), ("standard", 3)):
        async with svc.runtime.uow() as uow:
            order = await booking.record_signed_order(
                uow, order_id=uuid.uuid4(), practice_id="demo-clinic", patient_id=uuid.uuid4(),
                urgency="planned", minutes=60, acuity_class=acuity, pediatric=False,
                requires_driver=False, signed_at=datetime.now(UTC), authorization="approved",
                course=(CourseLine("ivig_privigen", "immune globulin iv", dose),))
            await uow.commit()
        assert order.signed is not None and order.signed.high_acuity_chair is (dose == 1)
        ids.append(order.order_id)
    for oid, hh in zip(ids, (14, 15), strict=True):
        r = await c.post("/v1/appointments", json={"order_id": str(oid),
                                                   "start": local(hh, 0, DAY).isoformat()})
        assert r.status_code == 201, r.text
    first = (await c.get("/v1/appointments", params={"order_id": str(ids[0])})).json()
    assert first["items"][0]["chair_id"] == "c03"
    # refused on an ordinary chair
    r = await c.post("/v1/appointments", json={"order_id": str(ids[0]), "chair_id": "c01",
                                               "start": local(9, 0, DAY).isoformat()})
    assert r.status_code in (409, 422), r.text
    async with svc.runtime.uow() as uow:
        await uow.session.execute(orm.appointments.update().values(
            requested_start=local(8, 0, DAY)))
        await uow.session.commit()
    r = await c.post("/v1/schedule/optimize", params={"date": DAY.isoformat(), "apply": "true"})
    assert r.status_code == 200 and r.json()["applied"] is True, r.text
    assert r.json()["not_planned"] == []

    async def placed() -> dict[str, tuple[str, datetime]]:
        items = (await c.get("/v1/appointments", params={"date": DAY.isoformat()})).json()
        return {a["order_id"]: (a["chair_id"], datetime.fromisoformat(a["start"]))
                for a in items["items"]}
    after = await placed()
    # both at 08:00 (two nurses: two set-ups at once), the first dose still on the bed
    assert after[str(ids[0])] == ("c03", local(8, 0, DAY))
    assert after[str(ids[1])][1] == local(8, 0, DAY) and after[str(ids[1])][0] != "c03"
    # the bed no longer takes high-acuity first doses: no chair can seat it, so it stays put
    # (named with the reason) while the other visit follows its new requested time
    r = await c.put("/v1/chairs/c03", json={"id": "c03", "high_acuity_capable": False})
    assert r.status_code == 200, r.text
    async with svc.runtime.uow() as uow:
        await uow.session.execute(orm.appointments.update().values(
            requested_start=local(10, 0, DAY)))
        await uow.session.commit()
    r = await c.post("/v1/schedule/optimize", params={"date": DAY.isoformat(), "apply": "true"})
    assert r.status_code == 200, r.text
    first_appt = (await c.get("/v1/appointments",
                              params={"order_id": str(ids[0])})).json()["items"][0]
    assert r.json()["not_planned"] == [{"appointment_id": first_appt["id"],
                                        "reason": "no_capable_chair"}], r.text
    moved = await placed()
    assert moved[str(ids[0])] == ("c03", local(8, 0, DAY))
    assert moved[str(ids[1])][1] == local(10, 0, DAY)
