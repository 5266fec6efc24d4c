"""Request and response shapes of the outcome routes (pain scores, follow-ups, outcomes,
assessments, response history, outcome reports)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal
from uuid import UUID

from pydantic import Field

from chairside_shared.inputs import Day, Instant
from orders.entrypoints.api.schema_base import In, Out

Point = Literal["arrival", "pre_drug", "60_min", "120_min", "discharge"]
Hours = Decimal  # hours after discharge
HoursIn = Field(None, ge=0, le=72, decimal_places=2, max_digits=6)


class PainScoreIn(In):
    point: Point
    nrs: int = Field(ge=0, le=10, description="Numeric rating scale 0-10")
    at: Instant | None = Field(None, description="When it was taken (default: now)")


class PainScoreOut(Out):
    point: str
    nrs: int
    category: str
    at: datetime


class FollowUpIn(In):
    checkpoint_hours: Literal[24, 48, 72] = Field(
        description="The call: 24, 48 or 72 h after discharge")
    rescue_used: bool = False
    rescue_hours: Decimal | None = HoursIn
    recurrence: bool = False
    recurrence_hours: Decimal | None = HoursIn
    ed_visit: bool = False
    ed_hours: Decimal | None = HoursIn


class FollowUpOut(Out):
    checkpoint_hours: int
    rescue_used: bool
    rescue_hours: float | None
    recurrence: bool
    recurrence_hours: float | None
    ed_visit: bool
    ed_hours: float | None


class AcuteOutcomeOut(Out):
    baseline_nrs: int | None
    baseline_category: str | None
    response: str
    pain_free_60: bool | None
    pain_free_2h: bool | None
    relief_2h: bool | None
    relief_at_discharge: bool | None
    drop_50pct_2h: bool | None
    time_to_relief_min: int | None
    failure: bool | None
    sustained_relief_24h: bool | None
    sustained_relief_48h: bool | None
    sustained_freedom_24h: bool | None
    sustained_freedom_48h: bool | None
    held_24h: bool | None = Field(description="no recurrence and no rescue up to 24 h")
    recurrence: bool | None
    rescue_use: bool | None
    ed_return_72h: bool | None
    ed_return_hours: float | None


class VisitOutcomeOut(Out):
    order_id: UUID
    scores: list[PainScoreOut]
    follow_ups: list[FollowUpOut]
    outcome: AcuteOutcomeOut
    rules_version: int


class PainScoresOut(Out):
    items: list[PainScoreOut]


# ------------------------------------------------------------------------------ assessments
class AssessmentIn(In):
    kind: Literal["diary", "midas", "hit6"]
    taken_on: Day = Field(description="Day of the questionnaire; a diary's last day")
    drug_code: str | None = Field(None, min_length=1, max_length=64,
                                  description="The preventive this assessment follows")
    period_start: Day | None = Field(None, description="A diary's first day")
    migraine_days: int | None = Field(None, ge=0, le=366)
    headache_days: int | None = Field(None, ge=0, le=366)
    items: list[int] = Field(default_factory=list, max_length=6,
                             description="MIDAS: 5 day counts; HIT-6: 6 answers (6/8/10/11/13)")


class AssessmentOut(Out):
    id: UUID
    kind: str
    drug_code: str | None
    taken_on: Day
    period_start: Day | None
    migraine_days: int | None
    headache_days: int | None
    items: list[int]
    total: int | None
    grade: str | None = Field(None, description="MIDAS grade or HIT-6 impact band")


class AhsOut(Out):
    judgeable: bool
    effective: bool | None
    reasons: list[str]


class PreventiveSummaryOut(Out):
    drug_code: str | None
    first_dose: Day | None
    baseline_migraine_days: float | None
    current_migraine_days: float | None
    migraine_days_change_pct: float | None
    baseline_headache_days: float | None
    current_headache_days: float | None
    headache_days_change_pct: float | None
    midas_baseline: int | None
    midas_current: int | None
    midas_grade: str | None
    hit6_baseline: int | None
    hit6_current: int | None
    hit6_band: str | None
    ahs_2021: AhsOut
    renewal_threshold_pct: int
    renewal_ready: bool | None


class AssessmentsOut(Out):
    items: list[AssessmentOut]
    summary: PreventiveSummaryOut | None
    rules_version: int


# ------------------------------------------------------------------------------ history
class ReactionNoteOut(Out):
    drug_code: str
    grade: int | None
    rate: str | None
    text: str | None


class VisitResultOut(Out):
    order_id: UUID
    protocol_id: UUID | None
    completed_at: datetime
    drug_codes: list[str]
    response: str
    result: Literal["success", "failure", "pending"]
    relief_at_discharge: bool | None
    time_to_relief_min: int | None
    sustained_relief_24h: bool | None
    ed_return_72h: bool | None
    reactions: list[ReactionNoteOut]


class StatsOut(Out):
    key: str
    name: str | None = None
    visits: int
    settled: int
    successes: int
    success_rate: float | None
    last_results: list[str]


class ResponsesOut(Out):
    patient_id: UUID
    visits: list[VisitResultOut]
    by_protocol: list[StatsOut]
    by_drug: list[StatsOut]
    best_protocol_id: str | None
    last_successful_protocol_id: str | None


# ------------------------------------------------------------------------------ reports
class RateOut(Out):
    count: int
    known: int
    rate: float | None


class ProtocolRowOut(Out):
    protocol_id: str | None
    protocol_name: str | None
    visits: int
    relief: RateOut
    pain_free: RateOut
    sustained_relief_24h: RateOut
    ed_return_72h: RateOut


class OutcomesReportOut(Out):
    from_: Day | None = Field(None, alias="from")
    to: Day | None
    protocols: list[ProtocolRowOut]
    rules_version: int


class EdAvoidedOut(Out):
    from_: Day | None = Field(None, alias="from")
    to: Day | None
    visits: int
    relieved: int
    avoided: int
    ed_returns: int
    unknown: int
    cost_per_visit_usd: int
    cost_source: str = Field(description="'setting' or 'default (unverified)'")
    estimated_savings_usd: Decimal
