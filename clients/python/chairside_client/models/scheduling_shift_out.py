from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SchedulingShiftOut")


@_attrs_define
class SchedulingShiftOut:
    """
    Attributes:
        date (datetime.date):
        end (datetime.datetime):
        nurses (int):
        start (datetime.datetime):
    """

    date: datetime.date
    end: datetime.datetime
    nurses: int
    start: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        end = self.end.isoformat()

        nurses = self.nurses

        start = self.start.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date": date,
                "end": end,
                "nurses": nurses,
                "start": start,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        end = datetime.datetime.fromisoformat(d.pop("end"))

        nurses = d.pop("nurses")

        start = datetime.datetime.fromisoformat(d.pop("start"))

        scheduling_shift_out = cls(
            date=date,
            end=end,
            nurses=nurses,
            start=start,
        )

        return scheduling_shift_out
