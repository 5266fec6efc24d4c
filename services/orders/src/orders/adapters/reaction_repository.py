"""Reactions, their alerts and the rescue medicines given: repositories on the unit of work's
session (they never commit). ``for_patient`` is the one query the safety checks add."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import sqlalchemy as sa

from orders.adapters.codec import utc
from orders.adapters.reaction_codec import reaction_from_row, reaction_row
from orders.adapters.reaction_orm import reaction_alerts, reactions, unplanned_administrations
from orders.adapters.repository import _next_cursor, _page, _Repo
from orders.domain.reactions import AlertTarget, Reaction


@dataclass(frozen=True)
class Alert:
    id: UUID
    reaction_id: UUID
    order_id: UUID
    patient_id: UUID
    practice_id: str
    audience: str
    practitioner_id: UUID | None
    grade: int
    drug_codes: tuple[str, ...]
    created_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by: str | None


@dataclass(frozen=True)
class DrugReactionSummary:
    """For response history (outcomes): the last reaction to a drug and the last rate the
    patient tolerated after a reaction to it (None when no restart was recorded)."""

    drug_code: str
    last_reaction: Reaction
    last_tolerated_rate: Decimal | None


def _alert(row: Any) -> Alert:
    return Alert(id=row.id, reaction_id=row.reaction_id, order_id=row.order_id,
                 patient_id=row.patient_id, practice_id=row.practice_id, audience=row.audience,
                 practitioner_id=row.practitioner_id, grade=row.grade,
                 drug_codes=tuple(row.drug_codes), created_at=utc(row.created_at),
                 acknowledged_at=utc(row.acknowledged_at), acknowledged_by=row.acknowledged_by)


class ReactionRepository(_Repo):
    async def add(self, reaction: Reaction, targets: list[AlertTarget]) -> list[Alert]:
        """The reaction, one alert per target and each rescue medicine as an unplanned
        administration: all in the caller's transaction."""
        await self.session.execute(reactions.insert().values(reaction_row(reaction)))
        for med in reaction.rescue_meds:
            await self.session.execute(unplanned_administrations.insert().values(
                id=uuid4(), reaction_id=reaction.id, order_id=reaction.order_id,
                patient_id=reaction.patient_id, drug=med.drug, dose=med.dose, unit=med.unit,
                route=med.route, given_at=med.given_at, given_by=med.given_by))
        alerts = [Alert(id=uuid4(), reaction_id=reaction.id, order_id=reaction.order_id,
                        patient_id=reaction.patient_id, practice_id=reaction.practice_id,
                        audience=t.audience, practitioner_id=t.practitioner_id,
                        grade=reaction.grade, drug_codes=reaction.drug_codes,
                        created_at=reaction.recorded_at or reaction.onset_at,
                        acknowledged_at=None, acknowledged_by=None) for t in targets]
        for a in alerts:
            await self.session.execute(reaction_alerts.insert().values(
                id=a.id, reaction_id=a.reaction_id, order_id=a.order_id,
                patient_id=a.patient_id, practice_id=a.practice_id, audience=a.audience,
                practitioner_id=a.practitioner_id, grade=a.grade,
                drug_codes=list(a.drug_codes), created_at=a.created_at))
        return alerts

    async def get(self, reaction_id: UUID, *, for_update: bool = False) -> Reaction | None:
        query = sa.select(reactions).where(reactions.c.id == reaction_id)
        if for_update and self._postgres:
            query = query.with_for_update()
        row = (await self.session.execute(query)).first()
        return None if row is None else reaction_from_row(row)

    async def save_clearance(self, reaction: Reaction) -> None:
        row = reaction_row(reaction)
        await self.session.execute(reactions.update().where(reactions.c.id == reaction.id)
                                   .values(cleared_at=row["cleared_at"],
                                           cleared_by=row["cleared_by"],
                                           document=row["document"]))

    async def for_patient(self, patient_id: UUID) -> list[Reaction]:
        """Every reaction of the patient, oldest first: one query (the checks' history)."""
        rows = await self.session.execute(sa.select(reactions).where(
            reactions.c.patient_id == patient_id).order_by(reactions.c.onset_at))
        return [reaction_from_row(r) for r in rows]

    async def for_order(self, order_id: UUID) -> list[Reaction]:
        """The reactions of one visit (discharge reads these with ``reaction_state``)."""
        rows = await self.session.execute(sa.select(reactions).where(
            reactions.c.order_id == order_id).order_by(reactions.c.onset_at))
        return [reaction_from_row(r) for r in rows]

    async def last_by_drug(self, patient_id: UUID) -> dict[str, DrugReactionSummary]:
        """Per suspect drug: the latest reaction and the latest tolerated restart rate."""
        out: dict[str, DrugReactionSummary] = {}
        for r in await self.for_patient(patient_id):  # oldest first: later ones replace
            for code in r.drug_codes:
                rate = r.last_tolerated_rate()
                prev = out.get(code)
                if rate is None and prev is not None:
                    rate = prev.last_tolerated_rate
                out[code] = DrugReactionSummary(code, r, rate)
        return out

    async def counts(self, *, practice_id: str | None, start: datetime,
                     end: datetime) -> Counter[tuple[str, int]]:
        """Reactions by (suspect drug, grade) with onset in [start, end)."""
        query = sa.select(reactions.c.drug_codes, reactions.c.grade).where(
            reactions.c.onset_at >= start, reactions.c.onset_at < end)
        if practice_id is not None:
            query = query.where(reactions.c.practice_id == practice_id)
        out: Counter[tuple[str, int]] = Counter()
        for row in await self.session.execute(query):
            for code in row.drug_codes:
                out[(code, row.grade)] += 1
        return out

    # ------------------------------------------------------------------ alerts (RX-3)
    async def alerts(self, *, practice_id: str | None, audience: str | None,
                     practitioner_id: UUID | None, open_only: bool, limit: int,
                     cursor: str | None) -> tuple[list[Alert], str | None]:
        t = reaction_alerts
        query = sa.select(t)
        for column, value in ((t.c.practice_id, practice_id), (t.c.audience, audience),
                              (t.c.practitioner_id, practitioner_id)):
            if value is not None:
                query = query.where(column == value)
        if open_only:
            query = query.where(t.c.acknowledged_at.is_(None))
        rows = list((await self.session.execute(_page(t, query, limit=limit,
                                                      cursor=cursor))).all())
        return [_alert(r) for r in rows[:limit]], _next_cursor(rows, limit)

    async def alert(self, alert_id: UUID) -> Alert | None:
        row = (await self.session.execute(sa.select(reaction_alerts).where(
            reaction_alerts.c.id == alert_id))).first()
        return None if row is None else _alert(row)

    async def acknowledge(self, alert_id: UUID, *, by: str, at: datetime) -> None:
        await self.session.execute(reaction_alerts.update().where(
            reaction_alerts.c.id == alert_id, reaction_alerts.c.acknowledged_at.is_(None))
            .values(acknowledged_at=at, acknowledged_by=by))
