from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AuthorizationQuantityLimit")


@_attrs_define
class AuthorizationQuantityLimit:
    """
    Attributes:
        period_days (int):
        units (int):
    """

    period_days: int
    units: int

    def to_dict(self) -> dict[str, Any]:
        period_days = self.period_days

        units = self.units

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period_days": period_days,
                "units": units,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period_days = d.pop("period_days")

        units = d.pop("units")

        authorization_quantity_limit = cls(
            period_days=period_days,
            units=units,
        )

        return authorization_quantity_limit
