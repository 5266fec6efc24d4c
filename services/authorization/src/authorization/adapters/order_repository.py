"""Per-order records: the facts of a signed order (its lines and the coverage decision) and the
unit usage of each administered line. They never commit: the unit of work does. What they load
or add joins the unit of work's ``seen``, so the events those records carry are published on
commit.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import Row, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from chairside_shared.messaging.outbox import Seen

from ..domain.orders import LineOutcome, OrderFacts, OrderLine
from ..domain.usage import UnitUsage
from . import orm


def _line_json(ln: OrderLine) -> dict[str, Any]:
    return {"sequence": ln.sequence, "drug_code": ln.drug_code, "hcpcs": ln.hcpcs,
            "hcpcs_unit": ln.hcpcs_unit, "dose": str(ln.dose), "dose_unit": ln.dose_unit,
            "molecule": ln.molecule, "dose_number": ln.dose_number}


def _line(doc: dict[str, Any]) -> OrderLine:
    return OrderLine(sequence=doc["sequence"], drug_code=doc["drug_code"], hcpcs=doc.get("hcpcs"),
                     hcpcs_unit=doc.get("hcpcs_unit"), dose=Decimal(str(doc["dose"])),
                     dose_unit=doc["dose_unit"], molecule=doc.get("molecule"),
                     dose_number=doc.get("dose_number"))


def _outcome_json(d: LineOutcome) -> dict[str, Any]:
    return {"hcpcs": d.hcpcs, "pa": d.pa, "coverage": d.coverage, "reasons": list(d.reasons),
            "requested_units": d.requested_units, "sequences": list(d.sequences),
            "satisfied_by": str(d.satisfied_by) if d.satisfied_by else None}


def _outcome(doc: dict[str, Any]) -> LineOutcome:
    return LineOutcome(hcpcs=doc["hcpcs"], pa=doc["pa"], coverage=doc["coverage"],
                       reasons=tuple(doc["reasons"]), requested_units=doc["requested_units"],
                       sequences=tuple(doc["sequences"]),
                       satisfied_by=UUID(doc["satisfied_by"]) if doc["satisfied_by"] else None)


def _facts(row: Row[Any]) -> OrderFacts:
    return OrderFacts(
        order_id=row.order_id, practice_id=row.practice_id, patient_id=row.patient_id,
        payer_id=row.payer_id, plan_id=row.plan_id, outcome=row.outcome,
        policy_version=row.policy_version, lines=tuple(_line(ln) for ln in row.lines),
        decision=tuple(_outcome(d) for d in row.decision), decided_at=row.decided_at,
        status=row.status)


class SqlOrderFacts:
    def __init__(self, session: AsyncSession, seen: Seen) -> None:
        self.session = session
        self._seen = seen

    async def get(self, order_id: UUID) -> OrderFacts | None:
        row = (await self.session.execute(
            select(orm.order_facts).where(orm.order_facts.c.order_id == order_id))).first()
        if row is None:
            return None
        facts = _facts(row)
        self._seen.add(facts)
        return facts

    async def practice_of(self, order_id: UUID) -> str | None:
        """The practice an order belongs to (its facts, else a case opened for it): what every
        published event carries so the gateway can route it to that practice only."""
        for table in (orm.order_facts, orm.pa_cases):
            practice = (await self.session.execute(
                select(table.c.practice_id).where(table.c.order_id == order_id).limit(1)
            )).scalar()
            if practice is not None:
                return str(practice)
        return None

    async def add(self, facts: OrderFacts) -> None:
        await self.session.execute(insert(orm.order_facts).values(
            order_id=facts.order_id, practice_id=facts.practice_id,
            patient_id=facts.patient_id, payer_id=facts.payer_id, plan_id=facts.plan_id,
            outcome=facts.outcome, policy_version=facts.policy_version,
            lines=[_line_json(ln) for ln in facts.lines],
            decision=[_outcome_json(d) for d in facts.decision], status=facts.status,
            decided_at=facts.decided_at))
        self._seen.add(facts)

    async def set_status(self, order_id: UUID, status: str) -> None:
        await self.session.execute(update(orm.order_facts)
                                   .where(orm.order_facts.c.order_id == order_id)
                                   .values(status=status))


class SqlUsage:
    def __init__(self, session: AsyncSession, seen: Seen) -> None:
        self.session = session
        self._seen = seen

    async def recorded(self, order_id: UUID, line_sequence: int) -> bool:
        row = (await self.session.execute(select(orm.unit_usages.c.units).where(
            orm.unit_usages.c.order_id == order_id,
            orm.unit_usages.c.line_sequence == line_sequence))).first()
        return row is not None

    async def add(self, usage: UnitUsage) -> None:
        await self.session.execute(insert(orm.unit_usages).values(
            order_id=usage.order_id, line_sequence=usage.line_sequence, hcpcs=usage.hcpcs,
            case_id=usage.case_id, units=usage.units, administered_on=usage.day,
            findings=usage.notes, recorded_at=usage.recorded_at))
        self._seen.add(usage)
