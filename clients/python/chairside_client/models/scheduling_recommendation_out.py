from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.scheduling_hour_out import SchedulingHourOut
    from ..models.scheduling_shift_out import SchedulingShiftOut


T = TypeVar("T", bound="SchedulingRecommendationOut")


@_attrs_define
class SchedulingRecommendationOut:
    """
    Attributes:
        hourly (list[SchedulingHourOut]): per weekday and hour: RNs needed vs rostered
        shifts (list[SchedulingShiftOut]): extra shifts that close every gap
        summary (list[str]): one line per suggested shift, or that none is
    """

    hourly: list[SchedulingHourOut]
    shifts: list[SchedulingShiftOut]
    summary: list[str]

    def to_dict(self) -> dict[str, Any]:
        hourly = []
        for hourly_item_data in self.hourly:
            hourly_item = hourly_item_data.to_dict()
            hourly.append(hourly_item)

        shifts = []
        for shifts_item_data in self.shifts:
            shifts_item = shifts_item_data.to_dict()
            shifts.append(shifts_item)

        summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hourly": hourly,
                "shifts": shifts,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduling_hour_out import SchedulingHourOut  # noqa: PLC0415
        from ..models.scheduling_shift_out import SchedulingShiftOut  # noqa: PLC0415

        d = dict(src_dict)
        hourly = []
        _hourly = d.pop("hourly")
        for hourly_item_data in _hourly:
            hourly_item = SchedulingHourOut.from_dict(hourly_item_data)

            hourly.append(hourly_item)

        shifts = []
        _shifts = d.pop("shifts")
        for shifts_item_data in _shifts:
            shifts_item = SchedulingShiftOut.from_dict(shifts_item_data)

            shifts.append(shifts_item)

        summary = cast(list[str], d.pop("summary"))

        scheduling_recommendation_out = cls(
            hourly=hourly,
            shifts=shifts,
            summary=summary,
        )

        return scheduling_recommendation_out
