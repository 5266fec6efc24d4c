from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.scheduling_alert_out import SchedulingAlertOut
    from ..models.scheduling_bucket_out import SchedulingBucketOut


T = TypeVar("T", bound="SchedulingDayOut")


@_attrs_define
class SchedulingDayOut:
    """
    Attributes:
        alerts (list[SchedulingAlertOut]):
        booked_visits (int):
        buckets (list[SchedulingBucketOut]):
        closed (bool):
        date (datetime.date):
        extra_visits (float): planned beyond what is booked
        forecast_visits (float):
        peak_gap (int):
        planned_visits (float):
    """

    alerts: list[SchedulingAlertOut]
    booked_visits: int
    buckets: list[SchedulingBucketOut]
    closed: bool
    date: datetime.date
    extra_visits: float
    forecast_visits: float
    peak_gap: int
    planned_visits: float

    def to_dict(self) -> dict[str, Any]:
        alerts = []
        for alerts_item_data in self.alerts:
            alerts_item = alerts_item_data.to_dict()
            alerts.append(alerts_item)

        booked_visits = self.booked_visits

        buckets = []
        for buckets_item_data in self.buckets:
            buckets_item = buckets_item_data.to_dict()
            buckets.append(buckets_item)

        closed = self.closed

        date = self.date.isoformat()

        extra_visits = self.extra_visits

        forecast_visits = self.forecast_visits

        peak_gap = self.peak_gap

        planned_visits = self.planned_visits

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "alerts": alerts,
                "booked_visits": booked_visits,
                "buckets": buckets,
                "closed": closed,
                "date": date,
                "extra_visits": extra_visits,
                "forecast_visits": forecast_visits,
                "peak_gap": peak_gap,
                "planned_visits": planned_visits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduling_alert_out import SchedulingAlertOut  # noqa: PLC0415
        from ..models.scheduling_bucket_out import SchedulingBucketOut  # noqa: PLC0415

        d = dict(src_dict)
        alerts = []
        _alerts = d.pop("alerts")
        for alerts_item_data in _alerts:
            alerts_item = SchedulingAlertOut.from_dict(alerts_item_data)

            alerts.append(alerts_item)

        booked_visits = d.pop("booked_visits")

        buckets = []
        _buckets = d.pop("buckets")
        for buckets_item_data in _buckets:
            buckets_item = SchedulingBucketOut.from_dict(buckets_item_data)

            buckets.append(buckets_item)

        closed = d.pop("closed")

        date = datetime.date.fromisoformat(d.pop("date"))

        extra_visits = d.pop("extra_visits")

        forecast_visits = d.pop("forecast_visits")

        peak_gap = d.pop("peak_gap")

        planned_visits = d.pop("planned_visits")

        scheduling_day_out = cls(
            alerts=alerts,
            booked_visits=booked_visits,
            buckets=buckets,
            closed=closed,
            date=date,
            extra_visits=extra_visits,
            forecast_visits=forecast_visits,
            peak_gap=peak_gap,
            planned_visits=planned_visits,
        )

        return scheduling_day_out
