from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SchedulingSlotOut")


@_attrs_define
class SchedulingSlotOut:
    """
    Attributes:
        chair_id (str):
        end (datetime.datetime):
        start (datetime.datetime):
    """

    chair_id: str
    end: datetime.datetime
    start: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        chair_id = self.chair_id

        end = self.end.isoformat()

        start = self.start.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "chair_id": chair_id,
                "end": end,
                "start": start,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        chair_id = d.pop("chair_id")

        end = datetime.datetime.fromisoformat(d.pop("end"))

        start = datetime.datetime.fromisoformat(d.pop("start"))

        scheduling_slot_out = cls(
            chair_id=chair_id,
            end=end,
            start=start,
        )

        return scheduling_slot_out
