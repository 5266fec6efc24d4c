from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scheduling_break_in import SchedulingBreakIn


T = TypeVar("T", bound="SchedulingNurseShiftIn")


@_attrs_define
class SchedulingNurseShiftIn:
    """
    Attributes:
        end (datetime.datetime): RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)
        nurse_id (str):
        start (datetime.datetime): RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)
        breaks (list[SchedulingBreakIn] | Unset):
    """

    end: datetime.datetime
    nurse_id: str
    start: datetime.datetime
    breaks: list[SchedulingBreakIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        end = self.end.isoformat()

        nurse_id = self.nurse_id

        start = self.start.isoformat()

        breaks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.breaks, Unset):
            breaks = []
            for breaks_item_data in self.breaks:
                breaks_item = breaks_item_data.to_dict()
                breaks.append(breaks_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "end": end,
                "nurse_id": nurse_id,
                "start": start,
            }
        )
        if breaks is not UNSET:
            field_dict["breaks"] = breaks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduling_break_in import SchedulingBreakIn  # noqa: PLC0415

        d = dict(src_dict)
        end = datetime.datetime.fromisoformat(d.pop("end"))

        nurse_id = d.pop("nurse_id")

        start = datetime.datetime.fromisoformat(d.pop("start"))

        _breaks = d.pop("breaks", UNSET)
        breaks: list[SchedulingBreakIn] | Unset = UNSET
        if _breaks is not UNSET:
            breaks = []
            for breaks_item_data in _breaks:
                breaks_item = SchedulingBreakIn.from_dict(breaks_item_data)

                breaks.append(breaks_item)

        scheduling_nurse_shift_in = cls(
            end=end,
            nurse_id=nurse_id,
            start=start,
            breaks=breaks,
        )

        return scheduling_nurse_shift_in
