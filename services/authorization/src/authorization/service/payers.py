"""Payer and policy administration (API-managed, versioned)."""

from __future__ import annotations

from datetime import datetime

from ..domain.errors import FieldError, NotFound, ValidationFailed
from ..domain.policy import CoveragePolicy, Payer, PolicySet
from .cases import UowFactory, retrying


class PayerExists(ValidationFailed):
    code = "payer-exists"


async def create_payer(uows: UowFactory, payer: Payer, *, now: datetime) -> Payer:
    async with uows() as uow:
        if await uow.payers.get(payer.id) is not None:
            raise PayerExists(f"payer {payer.id} exists",
                              [FieldError("id", f"payer {payer.id} already exists")])
        await uow.payers.save(payer, now, create=True)
        await uow.commit()
    return payer


async def replace_payer(uows: UowFactory, payer_id: str, payer: Payer, *,
                        now: datetime) -> Payer:
    if payer.id != payer_id:
        raise ValidationFailed("id mismatch", [FieldError("id", "must match the path")])
    async with uows() as uow:
        found = await uow.payers.get(payer_id)
        if found is None:
            raise NotFound(f"no payer {payer_id}")
        current = await uow.payers.policies(payer_id)
        _check_plans(payer, current.policies if current else ())
        await uow.payers.save(payer, now, create=False)
        await uow.commit()
    return payer


def _check_plans(payer: Payer, policies: tuple[CoveragePolicy, ...] | list) -> None:
    known = {p.id for p in payer.plans}
    errors = [FieldError(f"policies.{i}.plan_id", f"payer {payer.id} has no plan {p.plan_id}")
              for i, p in enumerate(policies) if p.plan_id and p.plan_id not in known]
    if errors:
        raise ValidationFailed("policies name unknown plans", errors)


async def put_policies(uows: UowFactory, payer_id: str, policies: list[CoveragePolicy], *,
                       actor: str, now: datetime) -> PolicySet:
    async def step() -> PolicySet:
        async with uows() as uow:
            found = await uow.payers.get(payer_id)
            if found is None:
                raise NotFound(f"no payer {payer_id}")
            payer, version = found
            _check_plans(payer, policies)
            try:
                new = PolicySet(payer_id=payer_id, version=version + 1,
                                policies=tuple(policies))
            except ValueError as exc:  # duplicates across the set
                raise ValidationFailed("invalid policy set",
                                       [FieldError("policies", str(exc).splitlines()[-1])]) from exc
            saved = await uow.payers.put_policies(payer_id, version, new.policies, actor, now)
            await uow.commit()
            return saved
    return await retrying(step)
