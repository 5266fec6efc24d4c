"""The outcome thresholds and mappings as data (``seed/outcomes.json``): the NRS -> IHS
4-point mapping, time points, MIDAS grades, HIT-6 bands, the AHS 2021 effectiveness rule and
the per-payer renewal thresholds. Each block names its source in the file; nothing here is a
clinical constant in code."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

Category = Literal["none", "mild", "moderate", "severe"]
TimePoint = Literal["arrival", "pre_drug", "60_min", "120_min", "discharge"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class NrsBand(_Frozen):
    min: int
    max: int
    category: Category


class AcuteRules(_Frozen):
    time_points: tuple[TimePoint, ...]
    nrs_categories: tuple[NrsBand, ...]
    relief_from: frozenset[Category]
    relief_to: frozenset[Category]
    pain_free_point: TimePoint
    relief_point: TimePoint
    drop_pct: int
    sustained_hours: tuple[int, ...]
    recurrence_within_hours: int
    rescue_within_hours: int
    ed_return_within_hours: int
    follow_up_hours: tuple[int, ...]

    @model_validator(mode="after")
    def _covers_0_to_10(self) -> AcuteRules:
        # every NRS value must map to exactly one category, or classification is undefined
        covered = [v for b in self.nrs_categories for v in range(b.min, b.max + 1)]
        if sorted(covered) != list(range(11)):
            raise ValueError("nrs_categories must cover 0..10 exactly once")
        return self

    def category(self, nrs: int) -> Category:
        for band in self.nrs_categories:
            if band.min <= nrs <= band.max:
                return band.category
        raise ValueError(f"NRS {nrs} is outside 0..10")


class Grade(_Frozen):
    min: int
    max: int | None
    grade: str


class Band(_Frozen):
    min: int
    max: int
    band: str


class AhsRule(_Frozen):
    mhd_reduction_pct: int
    midas_moderate_range: tuple[int, int]
    midas_moderate_points: int
    midas_severe_above: int
    midas_severe_pct: int
    hit6_points: int
    judge_after_months: dict[str, int]
    judge_after_doses: dict[str, int]


class RenewalThreshold(_Frozen):
    payer_id: str | None = None
    min_reduction_pct: int
    strict: bool  # True: more than the threshold (QualChoice ">50 %"); False: at least
    source: str

    def met(self, reduction_pct: float) -> bool:
        return reduction_pct > self.min_reduction_pct if self.strict \
            else reduction_pct >= self.min_reduction_pct


class WindowDays(_Frozen):
    min: int
    max: int


class PreventiveRules(_Frozen):
    baseline_window_days: WindowDays
    month_days: int  # diary days are counted per month of this many days
    complete_window_days: int
    midas_items: int
    midas_item_max_days: int
    midas_grades: tuple[Grade, ...]
    hit6_items: int
    hit6_item_values: frozenset[int]
    hit6_bands: tuple[Band, ...]
    ahs: AhsRule
    renewal_thresholds: tuple[RenewalThreshold, ...]
    dosing_interval: dict[str, Literal["monthly", "quarterly"]]
    default_dosing_interval: Literal["monthly", "quarterly"]
    default_renewal_threshold: RenewalThreshold

    def midas_grade(self, total: int) -> str:
        for g in self.midas_grades:
            if total >= g.min and (g.max is None or total <= g.max):
                return g.grade
        raise ValueError(f"MIDAS total {total} has no grade")

    def hit6_band(self, total: int) -> str:
        for b in self.hit6_bands:
            if b.min <= total <= b.max:
                return b.band
        raise ValueError(f"HIT-6 total {total} is outside the bands")

    def interval(self, drug_code: str | None) -> Literal["monthly", "quarterly"]:
        return self.dosing_interval.get(drug_code or "", self.default_dosing_interval)

    def renewal_threshold(self, payer_id: str | None) -> RenewalThreshold:
        for t in self.renewal_thresholds:
            if payer_id is not None and t.payer_id == payer_id:
                return t
        return self.default_renewal_threshold


class HistoryRules(_Frozen):
    flag_after_failures: int
    last_results: int


class ReportRules(_Frozen):
    ed_visit_cost_usd: int


class OutcomeRules(_Frozen):
    version: int
    acute: AcuteRules
    preventive: PreventiveRules
    history: HistoryRules
    reports: ReportRules
