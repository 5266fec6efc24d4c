"""Payer and policy administration (API-managed, versioned), its read side and the demo seed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ..adapters.seed import load_seed_document, parse_seed
from ..domain.errors import FieldError, NotFound, ValidationFailed
from ..domain.policy import CoveragePolicy, Payer, PolicySet, PolicyVersionEntry
from .cases import retrying
from .uow import UowFactory


class PayerExists(ValidationFailed):
    code = "payer-exists"


@dataclass(frozen=True)
class PayerEntry:
    payer: Payer
    policy_version: int


@dataclass(frozen=True)
class PolicyListing:
    """A payer's policies at one version (the current one unless asked), and every version."""

    payer_id: str
    version: int
    policies: tuple[CoveragePolicy, ...]
    versions: list[PolicyVersionEntry]


async def create_payer(*, uows: UowFactory, payer: Payer, now: datetime) -> Payer:
    async with uows() as uow:
        if await uow.payers.get(payer.id) is not None:
            raise PayerExists(f"payer {payer.id} exists",
                              [FieldError("id", f"payer {payer.id} already exists")])
        await uow.payers.save(payer, now, create=True)
        await uow.commit()
    return payer


async def replace_payer(*, uows: UowFactory, payer_id: str, payer: Payer,
                        now: datetime) -> PayerEntry:
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
    return PayerEntry(payer, found[1])


def _check_plans(payer: Payer, policies: Sequence[CoveragePolicy]) -> None:
    known = {p.id for p in payer.plans}
    errors = [FieldError(f"policies.{i}.plan_id", f"payer {payer.id} has no plan {p.plan_id}")
              for i, p in enumerate(policies) if p.plan_id and p.plan_id not in known]
    if errors:
        raise ValidationFailed("policies name unknown plans", errors)


async def put_policies(*, uows: UowFactory, payer_id: str, policies: list[CoveragePolicy],
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


# --------------------------------------------------------------------------- read side
async def list_payers(*, uows: UowFactory) -> list[PayerEntry]:
    async with uows() as uow:
        return [PayerEntry(p, v) for p, v in await uow.payers.all()]


async def get_payer(*, uows: UowFactory, payer_id: str) -> PayerEntry:
    async with uows() as uow:
        found = await uow.payers.get(payer_id)
    if found is None:
        raise NotFound(f"no payer {payer_id}")
    return PayerEntry(*found)


async def policy_listing(*, uows: UowFactory, payer_id: str,
                         version: int | None = None) -> PolicyListing:
    async with uows() as uow:
        if await uow.payers.get(payer_id) is None:
            raise NotFound(f"no payer {payer_id}")
        current = await uow.payers.policies(payer_id, version)
        versions = await uow.payers.versions(payer_id)
    if current is None and version is not None:
        raise NotFound(f"payer {payer_id} has no policy version {version}")
    return PolicyListing(payer_id=payer_id, version=current.version if current else 0,
                         policies=current.policies if current else (), versions=versions)


# --------------------------------------------------------------------------- demo seed
async def seed_payers(*, uows: UowFactory, now: datetime) -> int:
    """Demo payers and policies for the embedded default (idempotent: existing payers are
    kept); returns how many were added."""
    payers, sets = parse_seed(load_seed_document())
    by_payer = {s.payer_id: s for s in sets}
    added = 0
    async with uows() as uow:
        for payer in payers:
            if await uow.payers.get(payer.id) is not None:
                continue
            await uow.payers.save(payer, now, create=True)
            if payer.id in by_payer:
                await uow.payers.put_policies(payer.id, 0, by_payer[payer.id].policies,
                                              "seed", now)
            added += 1
        await uow.commit()
    return added
