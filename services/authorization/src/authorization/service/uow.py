"""The authorization unit of work: one transaction for state and outbox rows.

On ``commit`` (and ``flush``) every case the repository has seen is written with its version
check, and each event a case recorded becomes an outbox row keyed by the order id, in the same
transaction. Leaving the block without commit rolls back state and events together.
"""

from __future__ import annotations

from typing import ClassVar, Self

from chairside_shared.contracts import EventPayload
from chairside_shared.messaging.outbox import UnitOfWork

from ..adapters.repository import SqlCases, SqlOrderFacts, SqlPayers, SqlUsage
from ..settings import AuthorizationSettings


def _event_key(payload: EventPayload) -> str:
    order_id = getattr(payload, "order_id", None)
    return str(order_id) if order_id is not None else str(getattr(payload, "case_id", ""))


class AuthorizationUnitOfWork(UnitOfWork):
    # Bound by bootstrap so consumer handlers (which only get the unit of work) see settings.
    settings: ClassVar[AuthorizationSettings | None] = None
    cases: SqlCases
    payers: SqlPayers
    orders: SqlOrderFacts
    usage: SqlUsage

    @classmethod
    def bound(cls, settings: AuthorizationSettings) -> type[AuthorizationUnitOfWork]:
        return type("BoundAuthorizationUnitOfWork", (cls,), {"settings": settings})

    @property
    def config(self) -> AuthorizationSettings:
        return self.settings or AuthorizationSettings()

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        self.cases = SqlCases(self.session)
        self.payers = SqlPayers(self.session)
        self.orders = SqlOrderFacts(self.session)
        self.usage = SqlUsage(self.session)
        return self

    @property
    def is_postgres(self) -> bool:
        return self.session.bind.dialect.name == "postgresql"

    async def emit_payload(self, event_type: str, payload: EventPayload) -> None:
        subject = getattr(payload, "case_id", None)
        await self.emit(event_type, payload, key=_event_key(payload),
                        **({"subject": str(subject)} if subject else {}))

    async def flush(self) -> None:
        """Write seen cases and stage the events they recorded (commit calls this)."""
        await self.cases.flush()
        for case in self.cases.seen.values():
            for event_type, payload in case.take_events():
                await self.emit_payload(event_type, payload)
        await self.session.flush()

    async def commit(self) -> None:
        await self.flush()
        await super().commit()
