from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

T = TypeVar("T", bound="SchedulingConsecutiveDays")


@_attrs_define
class SchedulingConsecutiveDays:
    """
    Attributes:
        kind (Literal['consecutive_days']):
    """

    kind: Literal["consecutive_days"]

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["consecutive_days"], d.pop("kind"))
        if kind != "consecutive_days":
            raise ValueError(f"kind must match const 'consecutive_days', got '{kind}'")

        scheduling_consecutive_days = cls(
            kind=kind,
        )

        return scheduling_consecutive_days
