"""Claims: load and track Claim aggregates, write what changed on flush.

Every claim loaded or added is tracked once (a second load in the same unit of work returns
the same object) and added to the unit of work's ``seen``, so its domain events are
collected on commit. ``flush()`` writes each tracked claim's changes since it was loaded:
changed columns of its row, its lines (all of them after a rebuild, else the payment columns
of the lines a remittance touched) and its drug costs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from opentelemetry import propagate
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from chairside_shared import contracts
from chairside_shared.messaging.outbox import Seen
from reimbursement.adapters import orm
from reimbursement.adapters.claim_rows import (
    claim_from_rows,
    claim_values,
    cost_values,
    line_values,
    new_claim_values,
    payment_values,
    submission_values,
    transition_values,
)
from reimbursement.adapters.codec import visit_from_event
from reimbursement.domain.claim import DrugCost
from reimbursement.domain.lifecycle import BilledLine, Claim
from reimbursement.domain.submissions import Submission
from reimbursement.domain.visit import Visit


def ids_only(event: contracts.OrderAdministered) -> contracts.OrderAdministered:
    """The visit as kept: an earlier producer's member id (PHI, issue 13) is dropped; the
    837P reads it from orders' payer identity."""
    if event.payer is None or event.payer.member_id is None:
        return event
    return event.model_copy(update={"payer": event.payer.model_copy(update={"member_id": None})})


@dataclass(frozen=True)
class _Stored:
    """A claim as its rows stand in this transaction (None: not inserted yet)."""

    values: dict[str, Any]
    version: int
    lines: tuple[BilledLine, ...]
    costs: tuple[DrugCost, ...]
    history: int  # transitions already in claim_transitions
    submissions: tuple[Submission, ...]


def _stored(claim: Claim) -> _Stored:
    return _Stored(claim_values(claim), claim.version, tuple(claim.lines),
                   claim.coding.drug_costs, len(claim.history), tuple(claim.submissions))


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    order_id: UUID | None = None
    statuses: Sequence[str] = ()
    practice_id: str | None = None
    service_from: date | None = None
    service_to: date | None = None
    submitted_from: datetime | None = None
    submitted_to: datetime | None = None


class ClaimRepository:
    def __init__(self, session: AsyncSession, seen: Seen) -> None:
        self.session = session
        self._seen = seen
        self._postgres = session.bind.dialect.name == "postgresql" if session.bind else False
        self._claims: dict[UUID, Claim] = {}
        self._stored: dict[UUID, _Stored | None] = {}
        self._visits: dict[UUID, contracts.OrderAdministered] = {}
        self._primaries: dict[UUID, UUID] = {}  # new secondary claim -> its primary claim

    async def get(self, claim_id: UUID, *, for_update: bool = False) -> Claim | None:
        stmt = sa.select(orm.claims).where(orm.claims.c.id == claim_id)
        return await self._one(stmt.with_for_update() if for_update and self._postgres
                               else stmt)

    async def by_order(self, order_id: UUID) -> Claim | None:
        """The order's primary claim (a secondary claim follows it: ``secondary_of``)."""
        c = orm.claims.c
        return await self._one(sa.select(orm.claims).where(
            c.order_id == order_id, c.primary_claim_id.is_(None)))

    async def secondary_of(self, primary_claim_id: UUID) -> Claim | None:
        return await self._one(sa.select(orm.claims).where(
            orm.claims.c.primary_claim_id == primary_claim_id))

    async def by_account(self, account_number: str) -> Claim | None:
        """By the account number or the CLM01 of any version sent (``<account>-<n>``).
        Locked on PostgreSQL: two remittances for one claim post one after the other."""
        sent = sa.select(orm.claim_submissions.c.claim_id).where(
            orm.claim_submissions.c.clm01 == account_number).scalar_subquery()
        stmt = sa.select(orm.claims).where(sa.or_(
            orm.claims.c.account_number == account_number, orm.claims.c.id == sent))
        return await self._one(stmt.with_for_update() if self._postgres else stmt)

    async def by_accounts(self, accounts: Sequence[str]) -> dict[str, Claim]:
        """Claims by CLM01, loaded in chunks (no query per claim) and locked on PostgreSQL in
        account order, so two remittances touching the same claims cannot deadlock."""
        c, sub = orm.claims.c, orm.claim_submissions.c
        out: dict[str, Claim] = {}
        wanted = sorted(set(accounts))
        for start in range(0, len(wanted), 2000):
            chunk = wanted[start:start + 2000]
            # a version sent again after a rejection is CLM01 <account>-<n> (as by_account)
            found = await self.session.execute(sa.select(sub.clm01, sub.claim_id).where(
                sub.clm01.in_(chunk), sub.clm01.not_in(
                    sa.select(c.account_number).where(c.account_number.in_(chunk)))))
            versions: dict[str, UUID] = {row.clm01: row.claim_id for row in found}
            stmt = sa.select(orm.claims).where(sa.or_(
                c.account_number.in_(chunk), c.id.in_(set(versions.values())))
            ).order_by(c.account_number)
            for claim in await self._many(stmt.with_for_update() if self._postgres else stmt):
                if claim.account_number in chunk:
                    out[claim.account_number] = claim
                for clm01, claim_id in versions.items():
                    if claim_id == claim.id:
                        out[clm01] = claim
        return out

    async def search(self, where: ClaimFilter, *, after: tuple[datetime, UUID] | None = None,
                     limit: int | None = None) -> list[Claim]:
        """Newest first (then by id), from after a cursor ``(created_at, id)``."""
        c = orm.claims.c
        stmt = sa.select(orm.claims).where(*_conditions(where)).order_by(
            c.created_at.desc(), c.id.desc())
        if after is not None:
            stmt = stmt.where(sa.tuple_(c.created_at, c.id)
                              < sa.tuple_(sa.literal(after[0]), sa.literal(after[1])))
        if limit:
            stmt = stmt.limit(limit)
        return await self._many(stmt)

    def add(self, claim: Claim, *, visit: contracts.OrderAdministered,
            primary_claim_id: UUID | None = None) -> None:
        """A new claim and the administered visit it was built from (kept to rebuild); a
        secondary claim names the primary claim it follows."""
        if primary_claim_id is not None:
            self._primaries[claim.id] = primary_claim_id
        self._claims[claim.id] = claim
        self._stored[claim.id] = None
        self._visits[claim.id] = ids_only(visit)
        self._seen.add(claim)

    async def visit(self, claim: Claim) -> Visit:
        """The administered visit the claim was built from."""
        return visit_from_event(await self.visit_event(claim))

    async def visit_event(self, claim: Claim) -> contracts.OrderAdministered:
        event = self._visits.get(claim.id)
        if event is None:
            doc = (await self.session.execute(sa.select(orm.claims.c.visit).where(
                orm.claims.c.id == claim.id))).scalar_one()
            event = contracts.OrderAdministered.model_validate(doc)
            self._visits[claim.id] = event
        return event

    async def replace_visit(self, claim: Claim, event: contracts.OrderAdministered) -> None:
        """Keep a corrected visit (an NDC recorded afterwards) to rebuild the claim from."""
        event = ids_only(event)
        self._visits[claim.id] = event
        if self._stored.get(claim.id) is not None:  # already a row: write it now
            await self.session.execute(orm.claims.update().where(
                orm.claims.c.id == claim.id).values(visit=event.model_dump(mode="json")))

    async def next_control_number(self, claim_ids: list[UUID], now: datetime) -> int:
        result = await self.session.execute(orm.x12_controls.insert().values(
            claim_ids=[str(i) for i in claim_ids], created_at=now)
            .returning(orm.x12_controls.c.control_number))
        return int(result.scalar_one())

    async def flush(self) -> None:
        """Row and line updates are batched (one executemany per set of changed columns):
        an 835 that pays 10,000 claims writes them in a handful of round trips."""
        batch = _Batch()
        for claim_id, claim in self._claims.items():
            stored = self._stored[claim_id]
            if stored is None:
                await self._insert(claim)
            else:
                await self._update(claim, stored, batch)
            self._stored[claim_id] = _stored(claim)
        await batch.write(self.session)

    # ------------------------------------------------------------------ loading
    async def _one(self, stmt: sa.Select[Any]) -> Claim | None:
        found = await self._many(stmt)
        return found[0] if found else None

    async def _many(self, stmt: sa.Select[Any]) -> list[Claim]:
        rows = list((await self.session.execute(stmt)).mappings())
        fresh = [r for r in rows if r["id"] not in self._claims]
        lines = await self._children(orm.claim_lines, fresh, orm.claim_lines.c.number)
        costs = await self._children(orm.claim_drug_costs, fresh, orm.claim_drug_costs.c.ndc)
        history = await self._children(orm.claim_transitions, fresh,
                                       orm.claim_transitions.c.seq)
        sent = await self._children(orm.claim_submissions, fresh,
                                    orm.claim_submissions.c.number)
        for row in fresh:
            claim = claim_from_rows(row, lines.get(row["id"], []), costs.get(row["id"], []),
                                    history.get(row["id"], []), sent.get(row["id"], []))
            self._claims[claim.id] = claim
            self._stored[claim.id] = _stored(claim)
            self._seen.add(claim)
        return [self._claims[r["id"]] for r in rows]

    async def _children(self, table: sa.Table, rows: list[RowMapping],
                        order: sa.Column[Any]) -> dict[UUID, list[RowMapping]]:
        out: dict[UUID, list[RowMapping]] = {}
        if rows:
            stmt = sa.select(table).where(table.c.claim_id.in_([r["id"] for r in rows]))
            for child in (await self.session.execute(stmt.order_by(order))).mappings():
                out.setdefault(child["claim_id"], []).append(child)
        return out

    # ------------------------------------------------------------------ writing
    async def _insert(self, claim: Claim) -> None:
        visit = self._visits[claim.id].model_dump(mode="json")
        await self.session.execute(orm.claims.insert().values(
            {**new_claim_values(claim, visit), "primary_claim_id": self._primaries.get(claim.id)}))
        await self._write_lines(claim)
        await self._write_costs(claim)
        await self._write_history(claim, 0)
        await self._write_submissions(claim, ())

    async def _update(self, claim: Claim, stored: _Stored, batch: _Batch) -> None:
        changed = {k: v for k, v in claim_values(claim).items() if stored.values[k] != v}
        if changed or claim.version != stored.version:
            batch.claim(claim.id, claim.version - stored.version, changed)
        if [b.line for b in claim.lines] != [b.line for b in stored.lines]:
            await self._replace(orm.claim_lines, claim.id)
            await self._write_lines(claim)
        else:
            for billed, before in zip(claim.lines, stored.lines, strict=True):
                if billed != before:
                    batch.line(claim.id, billed)
        if claim.coding.drug_costs != stored.costs:
            await self._replace(orm.claim_drug_costs, claim.id)
            await self._write_costs(claim)
        await self._write_history(claim, stored.history)
        await self._write_submissions(claim, stored.submissions)

    async def _write_history(self, claim: Claim, written: int) -> None:
        """Append the transitions made since the claim was loaded (never rewrites one)."""
        new = claim.history[written:]
        if new:
            await self.session.execute(orm.claim_transitions.insert(), [
                transition_values(claim.id, written + i + 1, t) for i, t in enumerate(new)])

    async def _write_submissions(self, claim: Claim, before: tuple[Submission, ...]) -> None:
        t = orm.claim_submissions
        for sub in claim.submissions:
            old = before[sub.number - 1] if sub.number <= len(before) else None
            if old is None:
                carrier: dict[str, str] = {}
                propagate.inject(carrier)  # the trace it is sent in, for its answers
                await self.session.execute(t.insert().values(
                    submission_values(claim.id, sub) | {"traceparent": carrier.get("traceparent")}))
            elif old != sub:
                await self.session.execute(t.update().where(
                    t.c.claim_id == claim.id, t.c.number == sub.number).values(
                    submission_values(claim.id, sub)))

    async def _replace(self, table: sa.Table, claim_id: UUID) -> None:
        await self.session.execute(table.delete().where(table.c.claim_id == claim_id))

    async def _write_lines(self, claim: Claim) -> None:
        if claim.lines:
            await self.session.execute(orm.claim_lines.insert(),
                                       [line_values(claim.id, b) for b in claim.lines])

    async def _write_costs(self, claim: Claim) -> None:
        if claim.coding.drug_costs:
            await self.session.execute(orm.claim_drug_costs.insert(), [
                cost_values(claim.id, d) for d in claim.coding.drug_costs])


class _Batch:
    """Updates of claim rows (grouped by the columns they change) and of line payments."""

    def __init__(self) -> None:
        self.claims: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        self.lines: list[dict[str, Any]] = []

    def claim(self, claim_id: UUID, version_step: int, changed: dict[str, Any]) -> None:
        self.claims.setdefault(tuple(sorted(changed)), []).append(
            {"k_id": claim_id, "k_step": version_step,
             **{f"v_{k}": v for k, v in changed.items()}})

    def line(self, claim_id: UUID, billed: BilledLine) -> None:
        self.lines.append({"k_claim": claim_id, "k_number": billed.line.number,
                           **{f"v_{k}": v for k, v in payment_values(billed).items()}})

    async def write(self, session: AsyncSession) -> None:
        c = orm.claims.c
        for columns, rows in self.claims.items():
            stmt = orm.claims.update().where(c.id == sa.bindparam("k_id")).values(
                version=c.version + sa.bindparam("k_step", type_=sa.Integer),
                **{k: sa.bindparam(f"v_{k}", type_=c[k].type) for k in columns})
            await session.execute(stmt, rows)
        if self.lines:
            t = orm.claim_lines.c
            stmt = orm.claim_lines.update().where(
                t.claim_id == sa.bindparam("k_claim"),
                t.number == sa.bindparam("k_number")).values(
                **{k: sa.bindparam(f"v_{k}", type_=t[k].type)
                   for k in ("paid", "denied", "denial_reasons")})
            await session.execute(stmt, self.lines)


def _conditions(where: ClaimFilter) -> list[sa.ColumnElement[bool]]:
    c = orm.claims.c
    out: list[sa.ColumnElement[bool]] = []
    if where.order_id is not None:
        out.append(c.order_id == where.order_id)
    if where.statuses:
        out.append(c.status.in_(list(where.statuses)))
    if where.practice_id is not None:
        out.append(c.practice_id == where.practice_id)
    if where.service_from is not None:
        out.append(c.service_date >= where.service_from)
    if where.service_to is not None:
        out.append(c.service_date <= where.service_to)
    if where.submitted_from is not None:
        out.append(c.submitted_at >= where.submitted_from)
    if where.submitted_to is not None:
        out.append(c.submitted_at <= where.submitted_to)
    return out
