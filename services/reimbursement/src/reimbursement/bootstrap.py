"""Composition root of the reimbursement service."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from chairside_shared import contracts
from chairside_shared.runtime import ServiceRuntime, ServiceSpec
from reimbursement.adapters import orm  # noqa: F401 - registers the tables on the metadata
from reimbursement.adapters.clients import OrdersSubscriberSource
from reimbursement.adapters.metadata import messaging, metadata
from reimbursement.entrypoints.consumers import SUBSCRIPTIONS, make_handlers
from reimbursement.seed import seed_demo
from reimbursement.service.exports import practice_address
from reimbursement.service.uow import ReimbursementUnitOfWork
from reimbursement.settings import ReimbursementSettings

MIGRATIONS = str(Path(__file__).parent / "migrations")


def build_spec(settings: ReimbursementSettings) -> ServiceSpec[ReimbursementUnitOfWork]:
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
        subscriptions=SUBSCRIPTIONS,
        handlers=make_handlers(ZoneInfo(settings.clinic_timezone)),
        seed=seed_demo,
    )


def build_runtime(settings: ReimbursementSettings) -> ServiceRuntime[ReimbursementUnitOfWork]:
    runtime = ServiceRuntime(build_spec(settings), settings)
    runtime.state["subscribers"] = OrdersSubscriberSource(settings.orders_url,
                                                          practice_address(settings))
    runtime.state["clinic_tz"] = ZoneInfo(settings.clinic_timezone)
    return runtime
