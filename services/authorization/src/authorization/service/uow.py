"""The authorization unit of work: one transaction for state and outbox rows.

On ``commit`` the base unit of work calls :meth:`flush` (every case the repository tracks is
written with its version check), then turns the events of every aggregate the repositories
have seen (cases, order facts, unit usages) into outbox rows through ``service/events.py``, in
the same transaction. Leaving the block without commit rolls back state and events together.

It is built by ``bootstrap.py`` (``ServiceSpec.uow_factory``) with the service's settings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar, Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from chairside_shared.contracts import EventPayload
from chairside_shared.messaging.outbox import Message, OutboxWriter, UnitOfWork

from ..adapters.appeals_repository import SqlAppeals
from ..adapters.eligibility_repository import SqlEligibility
from ..adapters.order_repository import SqlOrderFacts, SqlUsage
from ..adapters.outcomes_repository import SqlOutcomes
from ..adapters.payer_repository import SqlPayers
from ..adapters.renewals_repository import SqlRenewals
from ..adapters.repository import SqlCases
from ..settings import AuthorizationSettings
from . import events
from .appeal_events import with_appeals
from .eligibility_gate import combined, withhold_booking_decisions
from .renewals import clear_renewed


class AuthorizationUnitOfWork(UnitOfWork):
    """Repositories over one session; ``settings`` as bootstrap built them."""

    # Annotated again: mypy reads the base's callable ClassVar as a method (self bound).
    to_messages: ClassVar[Callable[[Any], Iterable[Message]] | None] = staticmethod(
        with_appeals(combined(events.to_messages)))
    cases: SqlCases
    payers: SqlPayers
    orders: SqlOrderFacts
    usage: SqlUsage
    eligibility: SqlEligibility
    appeals: SqlAppeals
    outcomes: SqlOutcomes
    renewals: SqlRenewals

    def __init__(self, session_factory: async_sessionmaker[AsyncSession],
                 outbox: OutboxWriter, *, settings: AuthorizationSettings) -> None:
        super().__init__(session_factory, outbox)
        self.settings = settings

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        self.cases = SqlCases(self.session, self.seen)
        self.payers = SqlPayers(self.session)
        self.orders = SqlOrderFacts(self.session, self.seen)
        self.usage = SqlUsage(self.session, self.seen)
        self.eligibility = SqlEligibility(self.session, self.seen)
        self.appeals = SqlAppeals(self.session, self.seen)
        self.outcomes = SqlOutcomes(self.session)
        self.renewals = SqlRenewals(self.session)
        return self

    async def flush(self) -> None:
        """Write the cases and eligibility records the repositories track (the base commit
        calls this first), then withhold the booking decisions of orders whose eligibility
        is not confirmed (service/eligibility_gate.py)."""
        await self.cases.flush()
        await self.appeals.flush()
        await self.eligibility.flush()
        await clear_renewed(self)  # before a withheld approval leaves the events
        await withhold_booking_decisions(self, events.to_messages)
        await self.session.flush()

    async def emit(self, event_type: str, payload: EventPayload, *, key: str,
                   **kw: str | None) -> str:
        """Every event leaves with its order's practice (looked up in this transaction when
        the domain event did not name it): the gateway delivers an event to that practice's
        partners only, and never one without a practice."""
        order_id = getattr(payload, "order_id", None)
        if "practice_id" in type(payload).model_fields and order_id is not None \
                and getattr(payload, "practice_id", None) is None:
            practice = await self.orders.practice_of(order_id)
            if practice is not None:
                payload = payload.model_copy(update={"practice_id": practice})
        return await super().emit(event_type, payload, key=key, **kw)


UowFactory = Callable[[], AuthorizationUnitOfWork]
