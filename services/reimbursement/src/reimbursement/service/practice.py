"""The practice's billing identity and payer enrollments: read and replace, each checked by
the domain's rules (every broken rule is one field of a 422)."""

from __future__ import annotations

from datetime import datetime

from chairside_shared.errors import Conflict, FieldError, NotFound
from reimbursement.domain.errors import InvalidIdentity
from reimbursement.domain.practice import BillingIdentity, PayerEnrollment
from reimbursement.service.uow import ReimbursementUnitOfWork


async def billing_identity(*, uow: ReimbursementUnitOfWork) -> BillingIdentity:
    async with uow:
        found = await uow.practice.billing_identity()
    if found is None:
        raise NotFound("the practice's billing identity is not recorded yet")
    return found


async def save_billing_identity(*, uow: ReimbursementUnitOfWork, identity: BillingIdentity,
                                now: datetime) -> BillingIdentity:
    _refuse(identity.problems())
    async with uow:
        await uow.practice.save_billing_identity(identity, now)
        await uow.commit()
    return identity


async def enrollment(*, uow: ReimbursementUnitOfWork, payer_id: str) -> PayerEnrollment:
    async with uow:
        found = await uow.practice.enrollment(payer_id)
    if found is None:
        raise NotFound(f"no enrollment recorded for payer {payer_id}")
    return found


async def enrollments(*, uow: ReimbursementUnitOfWork) -> list[PayerEnrollment]:
    async with uow:
        return await uow.practice.enrollments()


async def save_enrollment(*, uow: ReimbursementUnitOfWork, enrollment: PayerEnrollment,
                          now: datetime) -> PayerEnrollment:
    async with uow:
        billing = await uow.practice.billing_identity()
        if billing is None:
            raise Conflict("record the practice's billing identity before its payer "
                           "enrollments (the enrolled NPI and taxonomy are checked against it)")
        _refuse(enrollment.problems(billing))
        await uow.practice.save_enrollment(enrollment, now)
        await uow.commit()
    return enrollment


def _refuse(problems: list[tuple[str, str]]) -> None:
    if problems:
        raise InvalidIdentity("; ".join(f"{f}: {m}" for f, m in problems),
                              errors=[FieldError(f, m) for f, m in problems])
