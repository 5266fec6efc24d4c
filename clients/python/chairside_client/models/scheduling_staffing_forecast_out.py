from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.scheduling_day_out import SchedulingDayOut
    from ..models.scheduling_forecast_model_out import SchedulingForecastModelOut
    from ..models.scheduling_recommendation_out import SchedulingRecommendationOut
    from ..models.scheduling_rule_out import SchedulingRuleOut
    from ..models.scheduling_totals_out import SchedulingTotalsOut


T = TypeVar("T", bound="SchedulingStaffingForecastOut")


@_attrs_define
class SchedulingStaffingForecastOut:
    """
    Attributes:
        days (list[SchedulingDayOut]):
        model (SchedulingForecastModelOut):
        recommendation (SchedulingRecommendationOut):
        rule (SchedulingRuleOut):
        timezone (str):
        totals (SchedulingTotalsOut):
        week (datetime.date):
    """

    days: list[SchedulingDayOut]
    model: SchedulingForecastModelOut
    recommendation: SchedulingRecommendationOut
    rule: SchedulingRuleOut
    timezone: str
    totals: SchedulingTotalsOut
    week: datetime.date

    def to_dict(self) -> dict[str, Any]:
        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        model = self.model.to_dict()

        recommendation = self.recommendation.to_dict()

        rule = self.rule.to_dict()

        timezone = self.timezone

        totals = self.totals.to_dict()

        week = self.week.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "days": days,
                "model": model,
                "recommendation": recommendation,
                "rule": rule,
                "timezone": timezone,
                "totals": totals,
                "week": week,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduling_day_out import SchedulingDayOut  # noqa: PLC0415
        from ..models.scheduling_forecast_model_out import SchedulingForecastModelOut  # noqa: PLC0415
        from ..models.scheduling_recommendation_out import SchedulingRecommendationOut  # noqa: PLC0415
        from ..models.scheduling_rule_out import SchedulingRuleOut  # noqa: PLC0415
        from ..models.scheduling_totals_out import SchedulingTotalsOut  # noqa: PLC0415

        d = dict(src_dict)
        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = SchedulingDayOut.from_dict(days_item_data)

            days.append(days_item)

        model = SchedulingForecastModelOut.from_dict(d.pop("model"))

        recommendation = SchedulingRecommendationOut.from_dict(d.pop("recommendation"))

        rule = SchedulingRuleOut.from_dict(d.pop("rule"))

        timezone = d.pop("timezone")

        totals = SchedulingTotalsOut.from_dict(d.pop("totals"))

        week = datetime.date.fromisoformat(d.pop("week"))

        scheduling_staffing_forecast_out = cls(
            days=days,
            model=model,
            recommendation=recommendation,
            rule=rule,
            timezone=timezone,
            totals=totals,
            week=week,
        )

        return scheduling_staffing_forecast_out
