"""The demo seed as the runtime runs it (``ServiceSpec.seed``): the shipped demo data, loaded
through the service's seed handler."""

from __future__ import annotations

from datetime import UTC, datetime

from chairside_shared.runtime import ServiceRuntime
from reimbursement.adapters.data_files import demo_data
from reimbursement.service import seed
from reimbursement.service.uow import ReimbursementUnitOfWork


async def seed_demo(runtime: ServiceRuntime[ReimbursementUnitOfWork]) -> None:
    await seed.seed_demo(uow=runtime.uow(), data=demo_data(), now=datetime.now(UTC))
