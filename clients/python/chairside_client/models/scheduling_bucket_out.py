from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SchedulingBucketOut")


@_attrs_define
class SchedulingBucketOut:
    """
    Attributes:
        census (int):
        end (datetime.datetime):
        expected_load_units (int): booked plus the forecast's expected extra
        gap (int): needed - rostered (positive: RNs short)
        high (int): booked: H patients (whole-nurse classes)
        load_units (int): booked: peak Σ acuity weights in chairs
        needed (int): RNs needed with the forecast (§7 rule)
        needed_booked (int):
        rostered (int): the fewest RNs on shift and not on break
        start (datetime.datetime):
        starts (int): booked: start-ups in the bucket
    """

    census: int
    end: datetime.datetime
    expected_load_units: int
    gap: int
    high: int
    load_units: int
    needed: int
    needed_booked: int
    rostered: int
    start: datetime.datetime
    starts: int

    def to_dict(self) -> dict[str, Any]:
        census = self.census

        end = self.end.isoformat()

        expected_load_units = self.expected_load_units

        gap = self.gap

        high = self.high

        load_units = self.load_units

        needed = self.needed

        needed_booked = self.needed_booked

        rostered = self.rostered

        start = self.start.isoformat()

        starts = self.starts

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "census": census,
                "end": end,
                "expected_load_units": expected_load_units,
                "gap": gap,
                "high": high,
                "load_units": load_units,
                "needed": needed,
                "needed_booked": needed_booked,
                "rostered": rostered,
                "start": start,
                "starts": starts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        census = d.pop("census")

        end = datetime.datetime.fromisoformat(d.pop("end"))

        expected_load_units = d.pop("expected_load_units")

        gap = d.pop("gap")

        high = d.pop("high")

        load_units = d.pop("load_units")

        needed = d.pop("needed")

        needed_booked = d.pop("needed_booked")

        rostered = d.pop("rostered")

        start = datetime.datetime.fromisoformat(d.pop("start"))

        starts = d.pop("starts")

        scheduling_bucket_out = cls(
            census=census,
            end=end,
            expected_load_units=expected_load_units,
            gap=gap,
            high=high,
            load_units=load_units,
            needed=needed,
            needed_booked=needed_booked,
            rostered=rostered,
            start=start,
            starts=starts,
        )

        return scheduling_bucket_out
