from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SchedulingTotalsOut")


@_attrs_define
class SchedulingTotalsOut:
    """
    Attributes:
        peak_gap (int):
        rn_hours_needed (float):
        rn_hours_rostered (float):
        rn_hours_short (float):
        short_buckets (int):
    """

    peak_gap: int
    rn_hours_needed: float
    rn_hours_rostered: float
    rn_hours_short: float
    short_buckets: int

    def to_dict(self) -> dict[str, Any]:
        peak_gap = self.peak_gap

        rn_hours_needed = self.rn_hours_needed

        rn_hours_rostered = self.rn_hours_rostered

        rn_hours_short = self.rn_hours_short

        short_buckets = self.short_buckets

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "peak_gap": peak_gap,
                "rn_hours_needed": rn_hours_needed,
                "rn_hours_rostered": rn_hours_rostered,
                "rn_hours_short": rn_hours_short,
                "short_buckets": short_buckets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        peak_gap = d.pop("peak_gap")

        rn_hours_needed = d.pop("rn_hours_needed")

        rn_hours_rostered = d.pop("rn_hours_rostered")

        rn_hours_short = d.pop("rn_hours_short")

        short_buckets = d.pop("short_buckets")

        scheduling_totals_out = cls(
            peak_gap=peak_gap,
            rn_hours_needed=rn_hours_needed,
            rn_hours_rostered=rn_hours_rostered,
            rn_hours_short=rn_hours_short,
            short_buckets=short_buckets,
        )

        return scheduling_totals_out
