from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SchedulingWeekdayHours")


@_attrs_define
class SchedulingWeekdayHours:
    """
    Attributes:
        closes (str): local time of day in the clinic's time zone, HH:MM[:SS]
        opens (str): local time of day in the clinic's time zone, HH:MM[:SS]
        weekday (int): 0 = Monday
    """

    closes: str
    opens: str
    weekday: int

    def to_dict(self) -> dict[str, Any]:
        closes = self.closes

        opens = self.opens

        weekday = self.weekday

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "closes": closes,
                "opens": opens,
                "weekday": weekday,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closes = d.pop("closes")

        opens = d.pop("opens")

        weekday = d.pop("weekday")

        scheduling_weekday_hours = cls(
            closes=closes,
            opens=opens,
            weekday=weekday,
        )

        return scheduling_weekday_hours
