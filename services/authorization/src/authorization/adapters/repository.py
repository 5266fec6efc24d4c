"""The PA case repository. It never commits: the unit of work does.

Cases are saved with an optimistic version check (``UPDATE ... WHERE version = loaded``) and,
on PostgreSQL, read ``FOR UPDATE`` by writers, so two writers of one case queue up instead of
overwriting each other; SQLite serializes writers itself and the version check catches the
rest. History is append-only: rows are inserted, never updated. Every case it loads or adds
joins the unit of work's ``seen``, so the events the case records are published on commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Result,
    Row,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from chairside_shared.messaging.outbox import Seen

from ..domain.case import PACase
from ..domain.case_parts import CaseLine, HistoryEntry
from ..domain.coverage import ApprovalSummary
from ..domain.errors import ConcurrentUpdate
from . import orm

# member_id: PHI, never stored (orders' payer identity has it; the 0004 migration scrubbed it)
_BODY_EXCLUDE = {"history", "lines", "order_ids", "member_id"}
# What a case looked like when read: version, history length, orders, its JSON.
_Loaded = tuple[int, int, frozenset[UUID], str]


def aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE or DELETE touched (AsyncSession.execute types every result as Result)."""
    if not isinstance(result, CursorResult):
        raise TypeError(f"not the result of a DML statement: {type(result).__name__}")
    return result.rowcount


def _columns(case: PACase) -> dict[str, Any]:
    return {
        "order_id": case.order_id, "practice_id": case.practice_id,
        "patient_id": case.patient_id, "payer_id": case.payer_id, "plan_id": case.plan_id,
        "status": case.status, "kind": case.kind, "expedited": case.expedited,
        "request_identifier": case.request_identifier, "due_at": case.due_at,
        "submitted_at": case.submitted_at, "decided_at": case.decided_at,
        "auth_number": case.auth_number, "valid_from": case.valid_from,
        "valid_to": case.valid_to, "last_polled_at": case.last_polled_at,
        "created_at": case.created_at, "updated_at": case.updated_at, "version": case.version,
        "body": case.model_dump(mode="json", exclude=_BODY_EXCLUDE),
    }


class SqlCases:
    def __init__(self, session: AsyncSession, seen: Seen) -> None:
        self.session = session
        self._seen = seen
        self._cases: dict[UUID, PACase] = {}  # one object per case per unit of work
        self._loaded: dict[UUID, _Loaded] = {}

    # ------------------------------------------------------------------ reads
    async def _hydrate(self, rows: Sequence[Row[Any]]) -> list[PACase]:
        out: list[PACase] = []
        ids = [r.id for r in rows if r.id not in self._cases]
        lines: dict[UUID, list[CaseLine]] = {i: [] for i in ids}
        history: dict[UUID, list[HistoryEntry]] = {i: [] for i in ids}
        orders: dict[UUID, list[UUID]] = {i: [] for i in ids}
        if ids:
            for ln in await self.session.execute(
                    select(orm.pa_case_lines).where(orm.pa_case_lines.c.case_id.in_(ids))
                    .order_by(orm.pa_case_lines.c.hcpcs)):
                lines[ln.case_id].append(CaseLine(
                    hcpcs=ln.hcpcs, requested_units=ln.requested_units,
                    approved_units=ln.approved_units, used_units=ln.used_units))
            for h in await self.session.execute(
                    select(orm.pa_case_history).where(orm.pa_case_history.c.case_id.in_(ids))
                    .order_by(orm.pa_case_history.c.case_id, orm.pa_case_history.c.seq)):
                history[h.case_id].append(HistoryEntry(
                    at=aware(h.at), actor=h.actor, action=h.action, from_status=h.from_status,
                    to_status=h.to_status, detail=h.detail, payer_response=h.payer_response))
            for o in await self.session.execute(
                    select(orm.pa_case_orders).where(orm.pa_case_orders.c.case_id.in_(ids))):
                orders[o.case_id].append(o.order_id)
        for r in rows:
            if r.id in self._cases:
                out.append(self._cases[r.id])
                continue
            body = dict(r.body)
            first = UUID(body["order_id"])
            order_ids = [first] + sorted(o for o in orders[r.id] if o != first)
            case = PACase.model_validate({**body, "lines": lines[r.id], "history": history[r.id],
                                          "order_ids": order_ids, "version": r.version})
            self._track(case)
            self._loaded[case.id] = (r.version, len(case.history), frozenset(order_ids),
                                     case.model_dump_json())
            out.append(case)
        return out

    async def get(self, case_id: UUID, *, for_update: bool = False) -> PACase | None:
        stmt = select(orm.pa_cases).where(orm.pa_cases.c.id == case_id)
        if for_update:
            stmt = stmt.with_for_update()
        rows = (await self.session.execute(stmt)).all()
        found = await self._hydrate(rows)
        return found[0] if found else None

    async def find(self, *where: ColumnElement[bool], for_update: bool = False,
                   limit: int | None = None,
                   order_by: tuple[ColumnElement[Any], ...] | None = None) -> list[PACase]:
        stmt = select(orm.pa_cases).where(*where)
        stmt = stmt.order_by(*(order_by if order_by is not None else
                               (orm.pa_cases.c.created_at, orm.pa_cases.c.id)))
        if limit is not None:
            stmt = stmt.limit(limit)
        if for_update:
            stmt = stmt.with_for_update()
        return await self._hydrate((await self.session.execute(stmt)).all())

    async def by_order(self, order_id: UUID, *, for_update: bool = False) -> list[PACase]:
        ids = select(orm.pa_case_orders.c.case_id).where(orm.pa_case_orders.c.order_id == order_id)
        return await self.find(orm.pa_cases.c.id.in_(ids), for_update=for_update)

    async def for_patient(self, patient_id: UUID, payer_id: str, *,
                          for_update: bool = False) -> list[PACase]:
        return await self.find(orm.pa_cases.c.patient_id == patient_id,
                               orm.pa_cases.c.payer_id == payer_id, for_update=for_update)

    async def approved_ending_before(self, day: date, *, limit: int) -> list[PACase]:
        """Approvals whose last valid day is before ``day``, locked for the writer."""
        return await self.find(orm.pa_cases.c.status == "approved",
                               orm.pa_cases.c.valid_to < day, for_update=True, limit=limit)

    async def approvals(self, patient_id: UUID, payer_id: str) -> list[ApprovalSummary]:
        out: list[ApprovalSummary] = []
        for k in await self.for_patient(patient_id, payer_id):
            if k.status not in ("approved", "expired"):
                continue
            for ln in k.lines:
                baseline = k.answers.get(f"{ln.hcpcs}.baseline-migraine-days")
                out.append(ApprovalSummary(
                    case_id=k.id, hcpcs=ln.hcpcs, auth_number=k.auth_number, status=k.status,
                    valid_from=k.valid_from, valid_to=k.valid_to,
                    approved_units=ln.approved_units or 0, used_units=ln.used_units,
                    baseline_migraine_days=baseline if isinstance(baseline, int) else None))
        return out

    # ------------------------------------------------------------------ writes
    def _track(self, case: PACase) -> None:
        self._cases[case.id] = case
        self._seen.add(case)

    def add(self, case: PACase) -> None:
        self._track(case)

    async def flush(self) -> None:
        for case in self._cases.values():
            loaded = self._loaded.get(case.id)
            if loaded is None:
                await self._insert(case)
            elif case.model_dump_json() != loaded[3]:
                await self._update(case, loaded)
            self._loaded[case.id] = (case.version, len(case.history), frozenset(case.order_ids),
                                     case.model_dump_json())

    async def _insert(self, case: PACase) -> None:
        case.version = 1
        await self.session.execute(insert(orm.pa_cases).values(id=case.id, **_columns(case)))
        await self._write_children(case, 0, frozenset())

    async def _update(self, case: PACase, loaded: _Loaded) -> None:
        old_version, old_history, old_orders, _ = loaded
        case.version = old_version + 1
        result = await self.session.execute(
            update(orm.pa_cases)
            .where(orm.pa_cases.c.id == case.id, orm.pa_cases.c.version == old_version)
            .values(**_columns(case)))
        if rowcount(result) != 1:
            case.version = old_version
            raise ConcurrentUpdate(f"case {case.id} changed since it was read")
        await self.session.execute(
            delete(orm.pa_case_lines).where(orm.pa_case_lines.c.case_id == case.id))
        gone = old_orders - set(case.order_ids)
        if gone:
            await self.session.execute(delete(orm.pa_case_orders).where(
                orm.pa_case_orders.c.case_id == case.id,
                orm.pa_case_orders.c.order_id.in_(gone)))
        await self._write_children(case, old_history, old_orders)

    async def _write_children(self, case: PACase, history_from: int,
                              orders_before: frozenset[UUID]) -> None:
        await self.session.execute(insert(orm.pa_case_lines), [
            {"case_id": case.id, "hcpcs": ln.hcpcs, "requested_units": ln.requested_units,
             "approved_units": ln.approved_units, "used_units": ln.used_units}
            for ln in case.lines])
        new_orders = [o for o in case.order_ids if o not in orders_before]
        if new_orders:
            await self.session.execute(insert(orm.pa_case_orders), [
                {"case_id": case.id, "order_id": o} for o in new_orders])
        new_history = case.history[history_from:]
        if new_history:
            await self.session.execute(insert(orm.pa_case_history), [
                {"case_id": case.id, "seq": history_from + i + 1, "at": h.at, "actor": h.actor,
                 "action": h.action, "from_status": h.from_status, "to_status": h.to_status,
                 "detail": h.detail, "payer_response": h.payer_response}
                for i, h in enumerate(new_history)])
