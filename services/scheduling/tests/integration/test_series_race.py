"""Concurrent series on contested days (issue 16): one chair and one nurse, full-day visits, so
each day takes one visit. Of N patients' courses asked for at once, overlapping by a day, only
non-overlapping ones can all win: every course is booked whole or not at all, no chair is
double-booked and the verifier finds no broken rule."""

from __future__ import annotations

import asyncio

import pytest
from series_it import WEEK, body, clinic_week, counts, patient_orders

from scheduling.domain.appointment import Status
from scheduling.domain.booking import visits_of
from scheduling.domain.verify import verify_day
from scheduling.service.days import load_clinic, load_day

pytestmark = pytest.mark.integration
N = 8


async def test_concurrent_series_on_contested_days_are_all_or_nothing(svc):
    await clinic_week(svc.client, chairs=1, nurses=1)
    courses = [await patient_orders(svc.runtime, 2, minutes=600) for _ in range(N)]
    # course i asks for days i % 4 and i % 4 + 1: neighbours share a day
    firsts = [WEEK[i % 4] for i in range(N)]
    responses = await asyncio.gather(*(
        svc.client.post("/v1/series", json=body(orders, first=first, window=("08:00", "09:00")))
        for orders, first in zip(courses, firsts, strict=True)))
    won = [i for i, r in enumerate(responses) if r.status_code == 201]
    lost = [r for r in responses if r.status_code != 201]
    assert all(r.status_code == 409 for r in lost), [r.text for r in lost]
    assert all(r.json()["type"].endswith(("series-infeasible", "busy")) for r in lost)
    # winners never share a day (one chair, full days): at most 2 of the 4 day pairs fit
    taken = [d for i in won for d in (WEEK[i % 4], WEEK[i % 4 + 1])]
    assert len(taken) == len(set(taken)) and 1 <= len(won) <= 2
    for i, orders in enumerate(courses):  # whole or nothing
        live, _ = await counts(svc.runtime, orders)
        assert live == (2 if i in won else 0)
    assert (await counts(svc.runtime, []))[1] == len(won)  # one series row per winner
    async with svc.runtime.uow() as uow:
        clinic = await load_clinic(uow, svc.settings.booking_policy())
        live_total = 0
        for day in WEEK:
            loaded = await load_day(uow, clinic, day, svc.clock.now)
            assert loaded is not None
            live = [a for a in loaded.appointments if a.status is not Status.CANCELLED]
            live_total += len(live)
            s = loaded.state
            assert verify_day(s.frame, s.chairs, s.nurses, clinic.ratios,
                              visits_of(live, s.frame)) == []
    assert live_total == 2 * len(won)
