"""Practitioners: center staff with the admin scope register and change them; everyone with
orders:read sees those of the center and of their own practice."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID, uuid4

from orders.domain.errors import FieldError, NotFound, NotPermitted, ValidationFailed
from orders.domain.practitioners import (
    Practitioner,
    PractitionerChanges,
    Role,
    validate_practitioner,
)
from orders.service.handlers import Scope, utcnow
from orders.service.uow import OrdersUnitOfWork

ADMIN_SCOPE = "admin"


def _admin(scope: Scope) -> None:
    if not scope.actor.can(ADMIN_SCOPE):
        raise NotPermitted("practitioners are registered and changed with the admin scope")


def _checked(scope: Scope, fields: PractitionerChanges) -> None:
    errors = validate_practitioner(fields)
    if scope.practice_id is not None and fields.get("practice_id") not in (None,
                                                                           scope.practice_id):
        errors.append(FieldError("practice_id", "a partner client registers practitioners "
                                                "of its own practice only"))
    if errors:
        raise ValidationFailed(errors)


async def create_practitioner(*, uow: OrdersUnitOfWork, fields: PractitionerChanges,
                              scope: Scope, now: datetime | None = None) -> Practitioner:
    now = now or utcnow()
    _admin(scope)
    _checked(scope, fields)
    practitioner = Practitioner(
        id=uuid4(), npi=fields["npi"], family_name=fields["family_name"],
        given_name=fields["given_name"], taxonomy=fields["taxonomy"], roles=fields["roles"],
        practice_id=fields.get("practice_id", scope.practice_id),
        active=fields.get("active", True), created_at=now, updated_at=now)
    async with uow:
        await uow.practitioners.add(practitioner)
        await uow.commit()
    return practitioner


async def get_practitioner(*, uow: OrdersUnitOfWork, practitioner_id: UUID,
                           scope: Scope) -> Practitioner:
    async with uow:
        found = await uow.practitioners.get(practitioner_id)
    if found is None or not found.visible_to(scope.practice_id):
        raise NotFound(f"practitioner {practitioner_id} not found")
    return found


async def update_practitioner(*, uow: OrdersUnitOfWork, practitioner_id: UUID,
                              changes: PractitionerChanges, scope: Scope,
                              now: datetime | None = None) -> Practitioner:
    now = now or utcnow()
    _admin(scope)
    _checked(scope, changes)
    async with uow:
        found = await uow.practitioners.get(practitioner_id)
        if found is None or not found.visible_to(scope.practice_id):
            raise NotFound(f"practitioner {practitioner_id} not found")
        found.apply(changes, now)
        await uow.practitioners.save(found)
        await uow.commit()
    return found


async def list_practitioners(*, uow: OrdersUnitOfWork, scope: Scope, role: Role | None = None,
                             npi: str | None = None) -> list[Practitioner]:
    async with uow:
        return await uow.practitioners.list(practice_id=scope.practice_id, role=role, npi=npi)
