"""Composition root of the reimbursement service: settings become the typed configuration
every unit of work carries, and the one client (orders, for the parties a claim names) is
built here, once."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from chairside_shared import contracts
from chairside_shared.messaging.outbox import OutboxWriter
from chairside_shared.runtime import ServiceRuntime, ServiceSpec
from reimbursement.adapters import orm  # noqa: F401 - registers the tables on the metadata
from reimbursement.adapters.clients import OrdersPayerIdentityClient
from reimbursement.adapters.metadata import messaging, metadata
from reimbursement.adapters.x12.render_837 import Submitter
from reimbursement.entrypoints.consumers import HANDLERS, SUBSCRIPTIONS
from reimbursement.seed import seed_demo
from reimbursement.service.config import BillingConfig, X12Parties
from reimbursement.service.uow import ReimbursementUnitOfWork
from reimbursement.settings import ReimbursementSettings

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
                      contracts.dlq_topic(contracts.AUTHORIZATION_TOPIC)],
        uow_class=ReimbursementUnitOfWork,
        uow_factory=unit_of_work,
        subscriptions=SUBSCRIPTIONS,
        handlers=dict(HANDLERS),
        seed=seed_demo,
    )


def build_runtime(settings: ReimbursementSettings) -> ServiceRuntime[ReimbursementUnitOfWork]:
    runtime = ServiceRuntime(build_spec(settings), settings)
    runtime.state["identities"] = OrdersPayerIdentityClient(settings.orders_url)
    return runtime
