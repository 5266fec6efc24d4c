from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SchedulingAlertOut")


@_attrs_define
class SchedulingAlertOut:
    """
    Attributes:
        booked (bool): the booked visits alone are already short
        end (datetime.datetime):
        gap (int):
        needed (int):
        rostered (int):
        start (datetime.datetime):
    """

    booked: bool
    end: datetime.datetime
    gap: int
    needed: int
    rostered: int
    start: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        booked = self.booked

        end = self.end.isoformat()

        gap = self.gap

        needed = self.needed

        rostered = self.rostered

        start = self.start.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "booked": booked,
                "end": end,
                "gap": gap,
                "needed": needed,
                "rostered": rostered,
                "start": start,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booked = d.pop("booked")

        end = datetime.datetime.fromisoformat(d.pop("end"))

        gap = d.pop("gap")

        needed = d.pop("needed")

        rostered = d.pop("rostered")

        start = datetime.datetime.fromisoformat(d.pop("start"))

        scheduling_alert_out = cls(
            booked=booked,
            end=end,
            gap=gap,
            needed=needed,
            rostered=rostered,
            start=start,
        )

        return scheduling_alert_out
