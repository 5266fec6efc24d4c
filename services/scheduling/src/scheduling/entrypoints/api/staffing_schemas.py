"""API schemas of the staffing forecast (GET /v1/staffing/forecast)."""

from __future__ import annotations

from datetime import date

from pydantic import AwareDatetime, Field

from scheduling.entrypoints.api.schemas import Schema


class ForecastModelOut(Schema):
    method: str = Field(description="ets (statsmodels ETS, additive weekly season), "
                        "weekday-mean (short history) or none (booked visits only)")
    detail: str
    history_days: int
    history_from: date
    history_to: date = Field(description="exclusive")
    percentile: float = Field(description="the quantile of daily visits planned for")


class RuleOut(Schema):
    units_per_nurse: int
    weights: dict[str, int] = Field(description="monitoring units per patient per acuity class")
    section7_classes: dict[str, str] = Field(
        description="clinical-loop.md §7 class (L/M/H) of each acuity class")
    whole_nurse_classes: list[str] = Field(description="§7 H: one RN per patient at least")
    charge_census: int | None = Field(description="a charge RN above this census (null: off)")


class BucketOut(Schema):
    start: AwareDatetime
    end: AwareDatetime
    load_units: int = Field(description="booked: peak Σ acuity weights in chairs")
    starts: int = Field(description="booked: start-ups in the bucket")
    high: int = Field(description="booked: H patients (whole-nurse classes)")
    census: int
    expected_load_units: int = Field(description="booked plus the forecast's expected extra")
    needed_booked: int
    needed: int = Field(description="RNs needed with the forecast (§7 rule)")
    rostered: int = Field(description="the fewest RNs on shift and not on break")
    gap: int = Field(description="needed - rostered (positive: RNs short)")


class AlertOut(Schema):
    start: AwareDatetime
    end: AwareDatetime
    needed: int
    rostered: int
    gap: int
    booked: bool = Field(description="the booked visits alone are already short")


class DayOut(Schema):
    date: date
    closed: bool
    booked_visits: int
    forecast_visits: float
    planned_visits: float
    extra_visits: float = Field(description="planned beyond what is booked")
    peak_gap: int
    buckets: list[BucketOut]
    alerts: list[AlertOut]


class HourOut(Schema):
    date: date
    weekday: str
    start: AwareDatetime
    end: AwareDatetime
    needed: int
    needed_booked: int
    rostered: int
    gap: int


class ShiftOut(Schema):
    date: date
    start: AwareDatetime
    end: AwareDatetime
    nurses: int


class TotalsOut(Schema):
    rn_hours_needed: float
    rn_hours_rostered: float
    rn_hours_short: float
    peak_gap: int
    short_buckets: int


class RecommendationOut(Schema):
    summary: list[str] = Field(description="one line per suggested shift, or that none is")
    shifts: list[ShiftOut] = Field(description="extra shifts that close every gap")
    hourly: list[HourOut] = Field(description="per weekday and hour: RNs needed vs rostered")


class StaffingForecastOut(Schema):
    week: date
    timezone: str
    model: ForecastModelOut
    rule: RuleOut
    totals: TotalsOut
    recommendation: RecommendationOut
    days: list[DayOut]
