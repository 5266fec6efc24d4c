from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scheduling_weekday_hours import SchedulingWeekdayHours


T = TypeVar("T", bound="SchedulingClinicHoursOut")


@_attrs_define
class SchedulingClinicHoursOut:
    """
    Attributes:
        timezone (str):
        weekly (list[SchedulingWeekdayHours]):
        closed_dates (list[datetime.date] | Unset):
        state (None | str | Unset):
        updated_at (datetime.datetime | None | Unset):
    """

    timezone: str
    weekly: list[SchedulingWeekdayHours]
    closed_dates: list[datetime.date] | Unset = UNSET
    state: None | str | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        timezone = self.timezone

        weekly = []
        for weekly_item_data in self.weekly:
            weekly_item = weekly_item_data.to_dict()
            weekly.append(weekly_item)

        closed_dates: list[str] | Unset = UNSET
        if not isinstance(self.closed_dates, Unset):
            closed_dates = []
            for closed_dates_item_data in self.closed_dates:
                closed_dates_item = closed_dates_item_data.isoformat()
                closed_dates.append(closed_dates_item)

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        else:
            state = self.state

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "timezone": timezone,
                "weekly": weekly,
            }
        )
        if closed_dates is not UNSET:
            field_dict["closed_dates"] = closed_dates
        if state is not UNSET:
            field_dict["state"] = state
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduling_weekday_hours import SchedulingWeekdayHours  # noqa: PLC0415

        d = dict(src_dict)
        timezone = d.pop("timezone")

        weekly = []
        _weekly = d.pop("weekly")
        for weekly_item_data in _weekly:
            weekly_item = SchedulingWeekdayHours.from_dict(weekly_item_data)

            weekly.append(weekly_item)

        _closed_dates = d.pop("closed_dates", UNSET)
        closed_dates: list[datetime.date] | Unset = UNSET
        if _closed_dates is not UNSET:
            closed_dates = []
            for closed_dates_item_data in _closed_dates:
                closed_dates_item = datetime.date.fromisoformat(closed_dates_item_data)

                closed_dates.append(closed_dates_item)

        def _parse_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        scheduling_clinic_hours_out = cls(
            timezone=timezone,
            weekly=weekly,
            closed_dates=closed_dates,
            state=state,
            updated_at=updated_at,
        )

        return scheduling_clinic_hours_out
