"""Outcome rows on the unit of work's session (never commits): pain scores, follow-ups,
assessments, and the completed visits the response history and reports read."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from orders.adapters import codec
from orders.adapters.orm import administrations, orders, outside_doses, protocols
from orders.adapters.outcome_tables import assessments, follow_ups, pain_scores
from orders.adapters.reaction_codec import reaction_from_row
from orders.adapters.reaction_orm import reactions as reaction_records
from orders.domain.assessments import Assessment
from orders.domain.errors import Conflict
from orders.domain.history import GivenDrug, ReactionNote
from orders.domain.outcomes import FollowUp, PainScore


def _f(v: Decimal | None) -> float | None:
    return None if v is None else float(v)


@dataclass(frozen=True)
class VisitRows:
    """One completed visit as stored: what the history/report builders classify."""

    order_id: UUID
    patient_id: UUID
    protocol_id: UUID | None
    completed_at: datetime
    drugs: tuple[GivenDrug, ...]
    reactions: tuple[ReactionNote, ...]
    scores: list[PainScore]
    follow_ups: list[FollowUp]


def _rate(line: dict[str, Any]) -> str | None:
    if line.get("mode") != "infusion" or not line.get("minutes"):
        return None
    return f"{line['dose']} {line['dose_unit']} over {line['minutes']} min"


class OutcomeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_score(self, *, order_id: UUID, patient_id: UUID, score: PainScore,
                        by: str | None, at: datetime) -> None:
        try:
            async with self.session.begin_nested():
                await self.session.execute(pain_scores.insert().values(
                    id=uuid4(), order_id=order_id, patient_id=patient_id, point=score.point,
                    nrs=score.nrs, at=score.at, recorded_by=by, recorded_at=at))
        except IntegrityError:
            raise Conflict(f"the {score.point} score of this visit is recorded already") \
                from None

    async def scores(self, order_id: UUID) -> list[PainScore]:
        rows = await self.session.execute(sa.select(pain_scores).where(
            pain_scores.c.order_id == order_id).order_by(pain_scores.c.at))
        return [PainScore(r.point, r.nrs, codec.utc(r.at)) for r in rows]

    async def add_follow_up(self, *, order_id: UUID, patient_id: UUID, follow_up: FollowUp,
                            by: str | None, client_id: str | None, at: datetime) -> None:
        f = follow_up
        try:
            async with self.session.begin_nested():
                await self.session.execute(follow_ups.insert().values(
                    id=uuid4(), order_id=order_id, patient_id=patient_id,
                    checkpoint_hours=f.checkpoint_hours, rescue_used=f.rescue_used,
                    rescue_hours=f.rescue_hours, recurrence=f.recurrence,
                    recurrence_hours=f.recurrence_hours, ed_visit=f.ed_visit,
                    ed_hours=f.ed_hours, recorded_by=by, client_id=client_id, recorded_at=at))
        except IntegrityError:
            raise Conflict(f"the {f.checkpoint_hours} h follow-up of this visit is recorded "
                           "already") from None

    async def follow_ups(self, order_id: UUID) -> list[FollowUp]:
        return (await self._follow_ups_of([order_id])).get(order_id, [])

    async def _follow_ups_of(self, ids: list[UUID]) -> dict[UUID, list[FollowUp]]:
        out: dict[UUID, list[FollowUp]] = defaultdict(list)
        if not ids:
            return out
        f = follow_ups
        for r in await self.session.execute(sa.select(f).where(f.c.order_id.in_(ids))
                                            .order_by(f.c.checkpoint_hours)):
            out[r.order_id].append(FollowUp(
                checkpoint_hours=r.checkpoint_hours, rescue_used=r.rescue_used,
                rescue_hours=_f(r.rescue_hours), recurrence=r.recurrence,
                recurrence_hours=_f(r.recurrence_hours), ed_visit=r.ed_visit,
                ed_hours=_f(r.ed_hours)))
        return out

    # ------------------------------------------------------------------ assessments
    async def add_assessment(self, *, patient_id: UUID, practice_id: str, drug_code: str | None,
                             a: Assessment, by: str | None, at: datetime) -> UUID:
        new_id = uuid4()
        await self.session.execute(assessments.insert().values(
            id=new_id, patient_id=patient_id, practice_id=practice_id, kind=a.kind,
            drug_code=drug_code, taken_on=a.taken_on, period_start=a.period_start,
            migraine_days=a.migraine_days, headache_days=a.headache_days,
            items=list(a.items), total=a.total, recorded_by=by, recorded_at=at))
        return new_id

    async def assessments(self, patient_id: UUID) -> list[tuple[UUID, str | None, Assessment]]:
        t = assessments
        rows = await self.session.execute(sa.select(t).where(t.c.patient_id == patient_id)
                                          .order_by(t.c.taken_on, t.c.recorded_at))
        return [(r.id, r.drug_code, Assessment(
            kind=r.kind, taken_on=r.taken_on, period_start=r.period_start,
            migraine_days=r.migraine_days, headache_days=r.headache_days,
            items=tuple(r.items or ()), total=r.total)) for r in rows]

    async def doses_of(self, patient_id: UUID, drug_code: str) -> list[date]:
        """The days the drug was given (here, or elsewhere as recorded outside doses), oldest
        first: dose 1 first."""
        a, o = administrations, outside_doses
        here = await self.session.execute(sa.select(a.c.started_at).where(
            a.c.patient_id == patient_id, a.c.drug_code == drug_code))
        away = await self.session.execute(sa.select(o.c.given_at).where(
            o.c.patient_id == patient_id, o.c.drug_code == drug_code))
        return sorted([codec.utc(r[0]).date() for r in [*here, *away]])

    # ------------------------------------------------------------------ visits
    async def visits(self, *, patient_id: UUID | None = None, practice_id: str | None = None,
                     since: datetime | None = None, until: datetime | None = None,
                     ) -> list[VisitRows]:
        """Completed (administered) visits with their scores, follow-ups and reactions."""
        o = orders
        query = sa.select(o.c.id, o.c.patient_id, o.c.protocol_id, o.c.lines,
                          o.c.completed_at).where(o.c.status == "administered",
                                                  o.c.completed_at.is_not(None))
        if patient_id is not None:
            query = query.where(o.c.patient_id == patient_id)
        if practice_id is not None:
            query = query.where(o.c.practice_id == practice_id)
        if since is not None:
            query = query.where(o.c.completed_at >= since)
        if until is not None:
            query = query.where(o.c.completed_at < until)
        rows = list(await self.session.execute(query))
        ids = [r.id for r in rows]
        scores: dict[UUID, list[PainScore]] = defaultdict(list)
        reactions: dict[UUID, list[ReactionNote]] = defaultdict(list)
        if ids:
            for s in await self.session.execute(sa.select(pain_scores).where(
                    pain_scores.c.order_id.in_(ids))):
                scores[s.order_id].append(PainScore(s.point, s.nrs, codec.utc(s.at)))
            # the structured reactions (grade, rate at onset); a free-text note on an
            # administration only where no structured record names that drug
            graded: set[tuple[UUID, str]] = set()
            for row in await self.session.execute(sa.select(reaction_records).where(
                    reaction_records.c.order_id.in_(ids))):
                rec = reaction_from_row(row)
                for code in rec.drug_codes:
                    onset = rec.onset_rate(code)
                    reactions[rec.order_id].append(ReactionNote(
                        code, rec.grade, f"{onset} mL/h" if onset is not None else None,
                        rec.term))
                    graded.add((rec.order_id, code))
            a = administrations
            for g in await self.session.execute(sa.select(
                    a.c.order_id, a.c.drug_code, a.c.line_sequence, a.c.reaction).where(
                    a.c.order_id.in_(ids), a.c.reaction.is_not(None))):
                if (g.order_id, g.drug_code) not in graded:
                    reactions[g.order_id].append(ReactionNote(g.drug_code, text=g.reaction))
        calls = await self._follow_ups_of(ids)
        out = []
        for r in rows:
            lines = list(r.lines or ())
            rates = {ln["drug_code"]: _rate(ln) for ln in lines}
            notes = tuple(ReactionNote(n.drug_code, n.grade, n.rate or rates.get(n.drug_code),
                                       n.text) for n in reactions.get(r.id, ()))
            out.append(VisitRows(
                order_id=r.id, patient_id=r.patient_id, protocol_id=r.protocol_id,
                completed_at=codec.utc(r.completed_at),
                drugs=tuple(GivenDrug(ln["drug_code"], _rate(ln)) for ln in lines),
                reactions=notes, scores=scores.get(r.id, []), follow_ups=calls.get(r.id, [])))
        return out

    async def protocol_names(self, ids: set[UUID]) -> dict[str, str]:
        if not ids:
            return {}
        rows = await self.session.execute(sa.select(protocols.c.id, protocols.c.name).where(
            protocols.c.id.in_(ids)))
        return {str(r.id): r.name for r in rows}
