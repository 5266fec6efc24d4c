from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="SchedulingPharmacyHoodsOut")


@_attrs_define
class SchedulingPharmacyHoodsOut:
    """
    Attributes:
        hoods (int | None): hoods the pharmacy prepares in (one visit's drugs at a time each, while a pharmacist works
            it); null: preparation is not limited and the fixed preparation lead applies
        limited (bool): whether preparation is a limited resource
    """

    hoods: int | None
    limited: bool

    def to_dict(self) -> dict[str, Any]:
        hoods: int | None
        hoods = self.hoods

        limited = self.limited

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hoods": hoods,
                "limited": limited,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_hoods(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        hoods = _parse_hoods(d.pop("hoods"))

        limited = d.pop("limited")

        scheduling_pharmacy_hoods_out = cls(
            hoods=hoods,
            limited=limited,
        )

        return scheduling_pharmacy_hoods_out
