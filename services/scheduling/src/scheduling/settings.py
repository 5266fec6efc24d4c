"""Scheduling settings: every variable carries the ``SCHEDULING_`` prefix.

Clinic policy (ratios, set-up minutes, prep lead, driver cut-off, hold time) are settings with
the defaults of shared/domain/scheduling.md; the ratio policy saved through the admin API wins.
"""

from __future__ import annotations

from datetime import time
from typing import Literal

from pydantic import Field

from chairside_shared.settings import ServiceSettings, service_config
from scheduling.domain.clinic import BookingPolicy, ClinicHours
from scheduling.domain.staffing_plan import StaffingOptions
from scheduling.domain.visit_truth import VisitWindows, Window


class SchedulingSettings(ServiceSettings):
    """Scheduling: chairs, nurses, slots, appointments and the same-day queue."""

    model_config = service_config("SCHEDULING_")

    service_name: str = "scheduling"
    port: int = 8002

    # Clinic defaults until an administrator saves clinic hours.
    clinic_timezone: str = "America/New_York"
    clinic_state: str | None = Field(None, max_length=2)
    clinic_opens: time = time(8, 0)
    clinic_closes: time = time(18, 0)
    clinic_weekdays: list[int] = Field(default_factory=lambda: [0, 1, 2, 3, 4])

    # Ratio overrides per US state, e.g. {"CA": {"standard": 3}} (max patients per nurse).
    ratio_overrides_by_state: dict[str, dict[str, int]] = Field(default_factory=dict)

    grid_minutes: int = Field(5, ge=1, le=60)
    prep_lead_minutes: int = Field(45, ge=0, le=24 * 60)
    driver_latest_start: time | None = time(15, 0)
    hold_minutes: int = Field(48 * 60, ge=1)
    booking_overtime_minutes: int = Field(0, ge=0, le=240)
    optimizer_overtime_minutes: int = Field(120, ge=0, le=480)
    planned_horizon_days: int = Field(28, ge=1, le=180)
    # acuity classes whose first dose takes only a high-acuity-capable chair (empty: none)
    high_acuity_chair_classes: tuple[str, ...] = ("high",)
    max_search_days: int = Field(62, ge=1, le=366)

    request_lock_wait_s: float = Field(
        1.5, gt=0, le=30, description="How long an API request may wait, in all, for the "
        "clinic days and orders it changes while other requests hold them (in this process's "
        "queue and for the database locks); then it answers 409 with next options read without "
        "the locks. Keep it well under the gateway's upstream deadline "
        "(GATEWAY_UPSTREAM_TIMEOUT_S, 5 s) so that answer arrives in time. Events and "
        "background loops are not bounded: they wait for the locks.")

    checkin_opens_before_minutes: int = Field(
        60, ge=0, le=7 * 24 * 60, description="Check-in is accepted from this long before the "
        "slot's start (early arrivals: labs, forms, IV access)")
    checkin_closes_after_minutes: int = Field(
        30, ge=0, le=7 * 24 * 60, description="... until this long after it (later, the "
        "booked chair time and nurse load no longer hold: move or re-book the visit)")
    start_opens_before_minutes: int = Field(
        30, ge=0, le=7 * 24 * 60, description="A visit may start this long before its slot "
        "(the chair freed early)")
    start_closes_after_minutes: int = Field(
        60, ge=0, le=7 * 24 * 60, description="... and until this long after it (a late "
        "pharmacy prep or check-in)")

    auth_mismatch: Literal["refuse", "hold"] = Field(
        "refuse", description="A visit outside its order's prior authorization (a day outside "
        "the valid dates, or more units than remain under the auth number): 'refuse' answers "
        "409 and books nothing; 'hold' keeps the appointment held (never confirmed, no expiry) "
        "with the reason. Either way authorization is told, for its renewal worklist.")
    staffing_percentile: float = Field(
        0.8, ge=0.5, lt=1, description="The staffing forecast plans for this quantile of "
        "each day's visits (the forecast model's prediction interval)")
    staffing_history_days: int = Field(182, ge=7, le=3 * 366, description="How many days of "
                                       "past visits the staffing forecast learns from")
    staffing_charge_census: int | None = Field(
        None, ge=0, description="Add a charge RN while more patients than this are in chairs "
        "(clinical-loop.md §7; unset: never)")
    staffing_min_shift_minutes: int = Field(240, ge=15, le=24 * 60, description="A suggested "
                                            "extra shift is at least this long")

    optimizer_time_limit_s: float = Field(10.0, gt=0, le=300)
    # OR-Tools and statsmodels take seconds to import: in the background once booted, so the
    # first plan or forecast does not wait for them; off where nothing plans (saves the CPU).
    preload_models: bool = True
    optimizer_workers: int = Field(1, ge=1, le=16)
    hold_sweep_interval_s: float = Field(30.0, gt=0)
    figures_refresh_interval_s: float = Field(
        15.0, gt=0, description="How often today's chair utilization and queue length are "
        "recomputed for /metrics")

    recall_offer_days_before: int = Field(
        14, ge=0, le=365, description="A recall's slots are offered this many days before its "
        "target window opens (clinical-loop.md §4: reminder at target - 14 d)")
    recall_slots_offered: int = Field(3, ge=1, le=20, description="Slots per recall offer")
    recall_sweep_interval_s: float = Field(
        300.0, gt=0, description="How often recalls are offered and flagged overdue")

    def booking_policy(self) -> BookingPolicy:
        return BookingPolicy(
            grid_minutes=self.grid_minutes, prep_lead_minutes=self.prep_lead_minutes,
            driver_latest_start=self.driver_latest_start, hold_minutes=self.hold_minutes,
            booking_overtime_minutes=self.booking_overtime_minutes,
            optimizer_overtime_minutes=self.optimizer_overtime_minutes,
            planned_horizon_days=self.planned_horizon_days,
            high_acuity_chair_classes=self.high_acuity_chair_classes,
        )

    def staffing(self) -> StaffingOptions:
        return StaffingOptions(percentile=self.staffing_percentile,
                               history_days=self.staffing_history_days,
                               charge_census=self.staffing_charge_census,
                               min_shift_minutes=self.staffing_min_shift_minutes)

    def visit_windows(self) -> VisitWindows:
        return VisitWindows(
            check_in=Window(self.checkin_opens_before_minutes, self.checkin_closes_after_minutes),
            start=Window(self.start_opens_before_minutes, self.start_closes_after_minutes))

    def default_hours(self) -> ClinicHours:
        return ClinicHours(
            timezone=self.clinic_timezone,
            state=self.clinic_state,
            weekly=dict.fromkeys(self.clinic_weekdays, (self.clinic_opens, self.clinic_closes)),
        )
