"""The scheduling unit of work: one transaction for appointments, their events and the day lock.

The repositories add every appointment they load or add to ``seen``. On commit, ``flush`` writes
the changed ones (with their version checks), then the base unit of work turns each event they
recorded into an outbox row through ``to_messages`` (service/events.py), in the same transaction.

``lock_days`` and ``lock_order`` take the locks of service/locks.py: a clinic day's before adding
chair time to it, an order's before reading its appointments. ``for_request`` caps how long
they wait, for API requests. What the settings decide (booking policy, clinic defaults, search
and optimizer limits) arrives as ``options``, from the factory bootstrap.py builds.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Self, TypeVar
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from chairside_shared.contracts import EventPayload
from chairside_shared.messaging.outbox import Message, OutboxWriter, Seen, UnitOfWork
from scheduling.adapters.approvals import SqlApprovals
from scheduling.adapters.config import SqlConfig
from scheduling.adapters.orders import SqlOrders
from scheduling.adapters.orm import violates_chair_overlap
from scheduling.adapters.pharmacy import SqlPharmacy
from scheduling.adapters.repository import SqlAppointments
from scheduling.adapters.series import SqlSeries
from scheduling.domain.clinic import BookingPolicy, ClinicHours
from scheduling.domain.errors import ChairTaken
from scheduling.domain.staffing_plan import StaffingOptions
from scheduling.domain.visit_truth import VisitWindows
from scheduling.optimizer.problem import SolveOptions
from scheduling.service import events
from scheduling.service.locks import DayQueues, Locks, database_key
from scheduling.service.metrics import APPOINTMENT_EVENTS
from scheduling.service.shared_reads import SharedReads

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(frozen=True)
class SchedulingOptions:
    """What the settings decide for every unit of work (built once, in bootstrap.py)."""

    policy: BookingPolicy
    default_hours: ClinicHours  # until an administrator saves clinic hours
    ratio_overrides: dict[str, dict[str, int]]  # per US state, under the defaults
    max_search_days: int  # the longest slot search
    solve: SolveOptions  # the day optimizer's limits
    request_wait_s: float  # an API request's lock-wait budget (see for_request)
    windows: VisitWindows = VisitWindows()  # check-in and start around the slot
    # a visit outside its order's approval: "refuse" (409) or "hold" (kept held, with why)
    auth_mismatch: str = "refuse"
    staffing: StaffingOptions = StaffingOptions()  # the staffing forecast (service/staffing.py)


class SchedulingUnitOfWork(UnitOfWork):
    # the base's declaration restated: mypy reads a class-level Callable as a method to bind
    to_messages: ClassVar[Callable[[Any], Iterable[Message]] | None] = staticmethod(
        events.to_messages)

    def __init__(self, session_factory: async_sessionmaker[AsyncSession], outbox: OutboxWriter,
                 *, options: SchedulingOptions, shared_reads: SharedReads,
                 day_queues: DayQueues) -> None:
        super().__init__(session_factory, outbox)
        self.options = options
        self.shared_reads = shared_reads  # one each per runtime
        self.day_queues = day_queues
        self.wait_budget_s: float | None = None  # see for_request

    def for_request(self) -> Self:
        """Wait at most the request budget in all for locks, counted from entering."""
        self.wait_budget_s = self.options.request_wait_s
        return self

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        self.appointments = SqlAppointments(self.session, self.seen)
        self.config = SqlConfig(self.session, self.options.default_hours,
                                self.options.ratio_overrides)
        self.orders = SqlOrders(self.session)
        self.pharmacy = SqlPharmacy(self.session)
        self.series = SqlSeries(self.session)
        self.approvals = SqlApprovals(self.session)
        deadline = None if self.wait_budget_s is None else \
            asyncio.get_running_loop().time() + self.wait_budget_s
        self.locks = Locks(self.session, deadline, self.day_queues)
        return self

    async def __aexit__(self, *exc: object) -> None:
        try:
            await super().__aexit__(*exc)
        finally:
            self.locks.release()

    @property
    def is_postgres(self) -> bool:
        return self.locks.postgres

    async def queue_for_days(self, *days: date, seen: dict[date, int] | None = None) -> None:
        """End the transaction (what it read is forgotten) and wait, holding no connection, in
        this process's queue for those days; the place is kept until commit or rollback.
        DayChanged when a day's ``day_changes`` moved from ``seen`` (service/locks.py)."""
        await self.rollback()
        await self.locks.queue(*days, seen=seen)

    def day_changes(self, day: date) -> int:
        """Commits this process made from the day's queue so far (service/locks.py)."""
        return self.locks.changes(day)

    async def lock_days(self, *days: date) -> None:
        """Lock clinic days (in date order: a fixed order cannot deadlock)."""
        await self.locks.days(*days)

    async def lock_order(self, order_id: UUID) -> None:
        """Wait for the order's lock; take it before any day lock."""
        await self.locks.order(order_id)

    async def lock_authorization(self, auth_number: str) -> None:
        """Wait for the lock of an authorization number; take it after the order's and the
        days' locks (nothing takes a lock after it, so the order cannot deadlock)."""
        await self.locks.authorization(auth_number)

    async def try_lock_order(self, order_id: UUID) -> bool:
        return await self.locks.try_order(order_id)

    async def read_shared(self, key: tuple[Hashable, ...],
                          read: Callable[[SchedulingUnitOfWork], Awaitable[T]]) -> T:
        """``read`` in a unit of work of its own, unless the same read is in flight already
        (service/shared_reads.py). Call it between transactions: waiting for another request's
        read while holding a connection could leave that read no connection to run on."""
        if self.session.in_transaction():
            raise RuntimeError("a shared read inside a transaction: end it first")

        async def run() -> T:
            async with self._reader() as reader:
                return await read(reader)
        return await self.shared_reads.run((database_key(self.session), *key), run)

    async def read_batched(self, kind: str, key: K,
                           read: Callable[[SchedulingUnitOfWork, list[K]],
                                          Awaitable[dict[K, V]]]) -> V:
        """``read`` of ``key``, together with the keys other requests ask the same kind of read
        for at the same moment, in a unit of work of its own (service/shared_reads.py). Call
        it between transactions, as ``read_shared``."""
        if self.session.in_transaction():
            raise RuntimeError("a batched read inside a transaction: end it first")

        async def run(keys: list[K]) -> dict[K, V]:
            async with self._reader() as reader:
                return await read(reader, keys)
        return await self.shared_reads.batched.get((database_key(self.session), kind), key,
                                                   run)

    def _reader(self) -> SchedulingUnitOfWork:
        return SchedulingUnitOfWork(self._session_factory, self._outbox, options=self.options,
                                    shared_reads=self.shared_reads, day_queues=self.day_queues)

    async def defer_chair_constraint(self) -> None:
        """Let one transaction swap visits between chairs; still checked at commit."""
        if self.is_postgres:
            await self.session.execute(
                text("SET CONSTRAINTS ex_appointments_chair_no_overlap DEFERRED"))

    async def emit(self, event_type: str, payload: EventPayload, *, key: str,
                   **kw: str | None) -> str:
        APPOINTMENT_EVENTS.labels(event_type).inc()
        return await super().emit(event_type, payload, key=key, **kw)

    async def flush(self) -> None:
        """Write the appointments seen, with their version checks (the base commit calls it
        once, then stages their events; offer_queue calls it to read its own writes)."""
        await self.appointments.flush()
        await self.session.flush()

    async def commit(self) -> None:
        try:
            await super().commit()
        except IntegrityError as exc:
            if violates_chair_overlap(exc):  # checked at commit when deferred (the optimizer)
                raise ChairTaken() from exc
            raise
        # a commit made from a day's queue counts as a change to the day; on failure,
        # __aexit__ releases the locks after the rollback
        self.locks.release(committed=True)

    async def rollback(self) -> None:
        """End the transaction, forgetting what it read: the unit of work may go on with a
        fresh one (a handler rolls back to let go of its locks before slower, unlocked work)."""
        try:
            await super().rollback()
        finally:
            self.locks.release()
            self.seen = Seen()
            self.appointments = SqlAppointments(self.session, self.seen)

