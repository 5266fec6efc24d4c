"""The payer poller: resend unanswered submissions, inquire on pended cases, expire approvals.

PAS finalizes pended requests through a Subscription on ClaimResponse; until payers offer one,
``Claim/$inquire`` polling is the portable way (domain doc A1). Every call is idempotent, so two
replicas polling the same case do no harm: the second answer finds the case already decided.
"""

from __future__ import annotations

import logging
from datetime import datetime

from ..adapters.payer_client import PayerConnector
from ..settings import AuthorizationSettings
from . import cases as case_service
from . import queries
from .figures import PA_OVERDUE
from .pas import PasSources
from .uow import UowFactory

log = logging.getLogger("authorization.poller")


async def poll_once(*, uows: UowFactory, connector: PayerConnector, pas: PasSources,
                    settings: AuthorizationSettings, now: datetime) -> dict[str, int]:
    expired = await case_service.expire_due(uows=uows, now=now, tz=settings.tz)
    async with uows() as uow:
        resend, inquire = await queries.due_for_payer(
            uow, now=now, every_s=settings.inquire_every_s, limit=settings.poll_batch_size)
    for case_id in resend:
        await case_service.exchange(uows=uows, connector=connector, pas=pas,
                                    case_id=case_id, op="submit", now=now)
    for case_id in inquire:
        await case_service.exchange(uows=uows, connector=connector, pas=pas,
                                    case_id=case_id, op="inquire", now=now)
    async with uows() as uow:
        overdue = await queries.overdue_count(uow, now=now)
    PA_OVERDUE.set(overdue)
    return {"expired": expired, "resubmitted": len(resend), "inquired": len(inquire),
            "overdue": overdue}
