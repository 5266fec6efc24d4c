"""Composition root of the reimbursement service: settings become the typed configuration
every unit of work carries, and the one client (orders, for the parties a claim names) is
built here, once."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from chairside_shared import contracts
from chairside_shared.messaging.outbox import OutboxWriter
from chairside_shared.runtime import ServiceRuntime, ServiceSpec
from reimbursement.adapters import orm  # noqa: F401 - registers the tables on the metadata
from reimbursement.adapters.clearinghouse import HttpClearinghouse
from reimbursement.adapters.clients import OrdersPayerIdentityClient
from reimbursement.adapters.metadata import messaging, metadata
from reimbursement.adapters.x12.render_837 import Submitter
from reimbursement.entrypoints.consumers import HANDLERS, SUBSCRIPTIONS
from reimbursement.seed import seed_demo
from reimbursement.service import exchange
from reimbursement.service.config import BillingConfig, X12Parties
from reimbursement.service.poll_schedule import PollSchedule
from reimbursement.service.uow import ReimbursementUnitOfWork
from reimbursement.settings import ReimbursementSettings

log = logging.getLogger("reimbursement.exchange")
MIGRATIONS = str(Path(__file__).parent / "migrations")


def billing_config(settings: ReimbursementSettings) -> BillingConfig:
    submitter = Submitter(settings.submitter_name, settings.submitter_id,
                          settings.submitter_contact, settings.submitter_phone)
    return BillingConfig(
        clinic_tz=ZoneInfo(settings.clinic_timezone),
        expiring_within_days=settings.expiring_within_days,
        parties=X12Parties(submitter=submitter, receiver_name=settings.receiver_name,
                           receiver_id=settings.receiver_id, usage=settings.x12_usage),
        timely_filing_default_days=settings.timely_filing_default_days,
    )


def build_spec(settings: ReimbursementSettings) -> ServiceSpec[ReimbursementUnitOfWork]:
    config = billing_config(settings)

    def unit_of_work(session_factory: async_sessionmaker[AsyncSession],
                     outbox: OutboxWriter) -> ReimbursementUnitOfWork:
        return ReimbursementUnitOfWork(session_factory, outbox, config=config)

    return ServiceSpec(
        name="reimbursement",
        metadata=metadata,
        tables=messaging,
        migrations=MIGRATIONS,
        owned_topics=[contracts.REIMBURSEMENT_TOPIC,
                      contracts.dlq_topic(contracts.REIMBURSEMENT_TOPIC),
                      contracts.dlq_topic(contracts.ORDERS_TOPIC),
                      contracts.dlq_topic(contracts.AUTHORIZATION_TOPIC),
                      contracts.dlq_topic(contracts.SCHEDULING_TOPIC)],
        uow_class=ReimbursementUnitOfWork,
        uow_factory=unit_of_work,
        subscriptions=SUBSCRIPTIONS,
        handlers=dict(HANDLERS),
        seed=seed_demo,
    )


class ReimbursementRuntime(ServiceRuntime[ReimbursementUnitOfWork]):
    """The shared runtime plus the orders client and, when a clearinghouse is configured, the
    claim exchange worker (send what is pending, fetch and apply the mailbox)."""

    settings: ReimbursementSettings

    def __init__(self, spec: ServiceSpec[ReimbursementUnitOfWork],
                 settings: ReimbursementSettings) -> None:
        super().__init__(spec, settings)
        self.state["identities"] = OrdersPayerIdentityClient(settings.orders_url)
        self.state["clearinghouse"] = (
            HttpClearinghouse(settings.clearinghouse_url, token=settings.clearinghouse_token,
                              timeout_s=settings.clearinghouse_timeout_s)
            if settings.clearinghouse_url else None)

    async def start(self) -> None:
        await super().start()
        if self.state["clearinghouse"] is not None:
            # Claims go out and answers come in from one replica (cluster_jobs).
            self.schedule = PollSchedule(self.settings.exchange_poll_interval_s,
                                         self.settings.exchange_backoff_base_s,
                                         self.settings.exchange_backoff_max_s)
            self._delay = self.settings.exchange_poll_interval_s
            self.every(lambda: self._delay, self._exchange_once, what="claim exchange")

    async def _exchange_once(self) -> None:
        try:
            sent = await exchange.transmit_pending(
                uow=self.uow(), source=self.state["identities"],
                clearinghouse=self.state["clearinghouse"], now=datetime.now(UTC))
            await exchange.poll_once(uow=self.uow(), clearinghouse=self.state["clearinghouse"],
                                     now=datetime.now(UTC), source=self.state["identities"])
            # a version that could not go (clearinghouse or orders down) backs off too
            self._delay = (self.schedule.failed() if any(s.unavailable for s in sent)
                           else self.schedule.succeeded())
        except Exception as exc:  # the clearinghouse down, a bad file: retry later
            self._delay = self.schedule.failed()
            log.warning("claim exchange failed (%s); next try in %.1f s",
                        type(exc).__name__, self._delay)


def build_runtime(settings: ReimbursementSettings) -> ReimbursementRuntime:
    return ReimbursementRuntime(build_spec(settings), settings)
