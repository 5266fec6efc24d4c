from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

T = TypeVar("T", bound="SchedulingDayOffsets")


@_attrs_define
class SchedulingDayOffsets:
    """
    Attributes:
        kind (Literal['day_offsets']):
        offsets (list[int]): days after the first, one per order, strictly increasing, from 0
    """

    kind: Literal["day_offsets"]
    offsets: list[int]

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        offsets = self.offsets

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "offsets": offsets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["day_offsets"], d.pop("kind"))
        if kind != "day_offsets":
            raise ValueError(f"kind must match const 'day_offsets', got '{kind}'")

        offsets = cast(list[int], d.pop("offsets"))

        scheduling_day_offsets = cls(
            kind=kind,
            offsets=offsets,
        )

        return scheduling_day_offsets
