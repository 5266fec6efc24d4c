"""RX-6 through the real broker (clinical-loop test 15): a DHE chest-pain reaction
(reaction.recorded with holds_series) pauses the patient's remaining series visits, check-in and
start of dose 3 are refused while held, and reaction.cleared (the provider's clearance) resumes
them. A reaction that holds nothing pauses nothing."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time

import pytest
from sched_it import local
from series_it import WEEK, patient_orders, publish

from chairside_shared import contracts
from chairside_shared.messaging.kafka import ensure_topics
from chairside_shared.testing.plugin import eventually, running, settings_for_test
from scheduling.bootstrap import MIGRATIONS, build_runtime
from scheduling.domain.clinic import Chair, NurseShift
from scheduling.domain.series import Pattern, Window
from scheduling.service import handlers, series_handlers
from scheduling.service.series_holds import SeriesPaused
from scheduling.settings import SchedulingSettings

pytestmark = pytest.mark.integration


def reaction(order_id, patient_id, *, holds: bool) -> contracts.ReactionRecorded:
    return contracts.ReactionRecorded(
        reaction_id=uuid.uuid4(), order_id=order_id, practice_id="demo-clinic",
        patient_id=patient_id, grade=2, term="other", drug_codes=["dihydroergotamine"],
        holds_series=holds, recorded_at=datetime.now(UTC))


async def test_clinical_loop_15_dose_3_held_after_chest_pain_until_cleared(
        make_database, fresh_broker):
    """Clinical-loop test 15: DHE dose 3 of a series after a chest-pain reaction → held pending
    provider clearance (and given again once cleared)."""
    url = await make_database("schedseries", MIGRATIONS)
    settings = settings_for_test(SchedulingSettings, database_url=url, broker=fresh_broker,
                                 hold_sweep_interval_s=3600)
    await ensure_topics(settings, [contracts.ORDERS_TOPIC, contracts.AUTHORIZATION_TOPIC],
                        client_id="test-setup")
    runtime = build_runtime(settings)
    async with running(runtime):
        async with runtime.uow() as uow:
            await uow.config.save_chair(Chair(id="c01"))
            for day in WEEK:
                await uow.config.add_shift(NurseShift(id=str(uuid.uuid4()), nurse_id="rn1",
                                                      start=local(8, 0, day),
                                                      end=local(18, 0, day)))
            await uow.commit()
        patient = uuid.uuid4()
        orders = await patient_orders(runtime, 3, patient_id=patient)
        booked = await series_handlers.book_series(
            uow=runtime.uow(), order_ids=orders, pattern=Pattern("consecutive_days"),
            first_day=WEEK[0], window=Window(time(8), time(12)), allow_closed_day_gap=False,
            now=datetime.now(UTC))
        third = booked.appointments[orders[2]]
        assert third is not None

        async def holds() -> list:
            async with runtime.uow() as uow:
                return await uow.series.open_holds(patient)

        plain, chest_pain = (reaction(orders[1], patient, holds=h) for h in (False, True))
        await publish(fresh_broker, "reaction.recorded", plain, orders[1])
        await publish(fresh_broker, "reaction.recorded", chest_pain, orders[1])
        assert await eventually(holds) == [chest_pain.reaction_id]  # the plain one holds none
        view = await series_handlers.get_series(uow=runtime.uow(), series_id=booked.series.id)
        assert view.held_by == [chest_pain.reaction_id]
        appt, series_id, held = await series_handlers.appointment_in_series(
            uow=runtime.uow(), appt_id=third.id)
        assert (series_id, held) == (booked.series.id, [chest_pain.reaction_id])
        assert [v.status for v in (await series_handlers.get_series(
            uow=runtime.uow(), series_id=booked.series.id)).appointments.values()] == \
            [appt.status] * 3  # booked, all of them: chair time kept while paused
        for action in (handlers.check_in, handlers.start_visit):
            with pytest.raises(SeriesPaused) as err:
                await action(uow=runtime.uow(), appt_id=third.id, now=local(7, 45, WEEK[2]))
            assert str(chest_pain.reaction_id) in str(err.value)
        cleared = contracts.ReactionCleared(
            reaction_id=chest_pain.reaction_id, order_id=orders[1], practice_id="demo-clinic",
            patient_id=patient, cleared_at=datetime.now(UTC))
        await publish(fresh_broker, "reaction.cleared", cleared, orders[1])

        async def resumed() -> bool:
            return await holds() == []
        assert await eventually(resumed) is True
        appt, _ = await handlers.check_in(uow=runtime.uow(), appt_id=third.id,
                                          now=local(7, 45, WEEK[2]))
        assert str(appt.status) == "checked_in"
