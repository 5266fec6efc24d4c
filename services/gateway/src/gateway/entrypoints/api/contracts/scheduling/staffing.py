from __future__ import annotations
from datetime import date as date_aliased
from datetime import time
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints
from typing_extensions import TypeAliasType


class AlertOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    booked: Annotated[
        bool,
        Field(description='the booked visits alone are already short', title='Booked'),
    ]
    end: Annotated[AwareDatetime, Field(title='End')]
    gap: Annotated[int, Field(title='Gap')]
    needed: Annotated[int, Field(title='Needed')]
    rostered: Annotated[int, Field(title='Rostered')]
    start: Annotated[AwareDatetime, Field(title='Start')]


class BucketOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    census: Annotated[int, Field(title='Census')]
    end: Annotated[AwareDatetime, Field(title='End')]
    expected_load_units: Annotated[
        int,
        Field(
            description="booked plus the forecast's expected extra",
            title='Expected Load Units',
        ),
    ]
    gap: Annotated[
        int, Field(description='needed - rostered (positive: RNs short)', title='Gap')
    ]
    high: Annotated[
        int, Field(description='booked: H patients (whole-nurse classes)', title='High')
    ]
    load_units: Annotated[
        int,
        Field(
            description='booked: peak Σ acuity weights in chairs', title='Load Units'
        ),
    ]
    needed: Annotated[
        int, Field(description='RNs needed with the forecast (§7 rule)', title='Needed')
    ]
    needed_booked: Annotated[int, Field(title='Needed Booked')]
    rostered: Annotated[
        int,
        Field(description='the fewest RNs on shift and not on break', title='Rostered'),
    ]
    start: Annotated[AwareDatetime, Field(title='Start')]
    starts: Annotated[
        int, Field(description='booked: start-ups in the bucket', title='Starts')
    ]


class DayOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    alerts: Annotated[list[AlertOut], Field(title='Alerts')]
    booked_visits: Annotated[int, Field(title='Booked Visits')]
    buckets: Annotated[list[BucketOut], Field(title='Buckets')]
    closed: Annotated[bool, Field(title='Closed')]
    date: Annotated[date_aliased, Field(title='Date')]
    extra_visits: Annotated[
        float, Field(description='planned beyond what is booked', title='Extra Visits')
    ]
    forecast_visits: Annotated[float, Field(title='Forecast Visits')]
    peak_gap: Annotated[int, Field(title='Peak Gap')]
    planned_visits: Annotated[float, Field(title='Planned Visits')]


class ForecastModelOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    detail: Annotated[str, Field(title='Detail')]
    history_days: Annotated[int, Field(title='History Days')]
    history_from: Annotated[date_aliased, Field(title='History From')]
    history_to: Annotated[
        date_aliased, Field(description='exclusive', title='History To')
    ]
    method: Annotated[
        str,
        Field(
            description='ets (statsmodels ETS, additive weekly season), weekday-mean (short history) or none (booked visits only)',
            title='Method',
        ),
    ]
    percentile: Annotated[
        float,
        Field(
            description='the quantile of daily visits planned for', title='Percentile'
        ),
    ]


class HourOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    date: Annotated[date_aliased, Field(title='Date')]
    end: Annotated[AwareDatetime, Field(title='End')]
    gap: Annotated[int, Field(title='Gap')]
    needed: Annotated[int, Field(title='Needed')]
    needed_booked: Annotated[int, Field(title='Needed Booked')]
    rostered: Annotated[int, Field(title='Rostered')]
    start: Annotated[AwareDatetime, Field(title='Start')]
    weekday: Annotated[str, Field(title='Weekday')]


class RuleOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    charge_census: Annotated[
        int | None,
        Field(
            description='a charge RN above this census (null: off)',
            title='Charge Census',
        ),
    ]
    section7_classes: Annotated[
        dict[str, str],
        Field(
            description='clinical-loop.md §7 class (L/M/H) of each acuity class',
            title='Section7 Classes',
        ),
    ]
    units_per_nurse: Annotated[int, Field(title='Units Per Nurse')]
    weights: Annotated[
        dict[str, int],
        Field(
            description='monitoring units per patient per acuity class', title='Weights'
        ),
    ]
    whole_nurse_classes: Annotated[
        list[str],
        Field(
            description='§7 H: one RN per patient at least', title='Whole Nurse Classes'
        ),
    ]


class ShiftOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    date: Annotated[date_aliased, Field(title='Date')]
    end: Annotated[AwareDatetime, Field(title='End')]
    nurses: Annotated[int, Field(title='Nurses')]
    start: Annotated[AwareDatetime, Field(title='Start')]


class StaffingForecastSvgResponse(RootModel[str]):
    root: str


class TotalsOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    peak_gap: Annotated[int, Field(title='Peak Gap')]
    rn_hours_needed: Annotated[float, Field(title='Rn Hours Needed')]
    rn_hours_rostered: Annotated[float, Field(title='Rn Hours Rostered')]
    rn_hours_short: Annotated[float, Field(title='Rn Hours Short')]
    short_buckets: Annotated[int, Field(title='Short Buckets')]


class RecommendationOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    hourly: Annotated[
        list[HourOut],
        Field(
            description='per weekday and hour: RNs needed vs rostered', title='Hourly'
        ),
    ]
    shifts: Annotated[
        list[ShiftOut],
        Field(description='extra shifts that close every gap', title='Shifts'),
    ]
    summary: Annotated[
        list[str],
        Field(
            description='one line per suggested shift, or that none is', title='Summary'
        ),
    ]


class StaffingForecastOut(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    days: Annotated[list[DayOut], Field(title='Days')]
    model: ForecastModelOut
    recommendation: RecommendationOut
    rule: RuleOut
    timezone: Annotated[str, Field(title='Timezone')]
    totals: TotalsOut
    week: Annotated[date_aliased, Field(title='Week')]
