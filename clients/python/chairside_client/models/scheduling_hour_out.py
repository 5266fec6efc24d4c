from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SchedulingHourOut")


@_attrs_define
class SchedulingHourOut:
    """
    Attributes:
        date (datetime.date):
        end (datetime.datetime):
        gap (int):
        needed (int):
        needed_booked (int):
        rostered (int):
        start (datetime.datetime):
        weekday (str):
    """

    date: datetime.date
    end: datetime.datetime
    gap: int
    needed: int
    needed_booked: int
    rostered: int
    start: datetime.datetime
    weekday: str

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        end = self.end.isoformat()

        gap = self.gap

        needed = self.needed

        needed_booked = self.needed_booked

        rostered = self.rostered

        start = self.start.isoformat()

        weekday = self.weekday

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date": date,
                "end": end,
                "gap": gap,
                "needed": needed,
                "needed_booked": needed_booked,
                "rostered": rostered,
                "start": start,
                "weekday": weekday,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        end = datetime.datetime.fromisoformat(d.pop("end"))

        gap = d.pop("gap")

        needed = d.pop("needed")

        needed_booked = d.pop("needed_booked")

        rostered = d.pop("rostered")

        start = datetime.datetime.fromisoformat(d.pop("start"))

        weekday = d.pop("weekday")

        scheduling_hour_out = cls(
            date=date,
            end=end,
            gap=gap,
            needed=needed,
            needed_booked=needed_booked,
            rostered=rostered,
            start=start,
            weekday=weekday,
        )

        return scheduling_hour_out
