from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReimbursementTierIn")


@_attrs_define
class ReimbursementTierIn:
    """
    Attributes:
        min_quantity (int): packages bought in the contract period (this purchase included) that reach the tier
        unit_price (float | str): price of one package at this tier
    """

    min_quantity: int
    unit_price: float | str

    def to_dict(self) -> dict[str, Any]:
        min_quantity = self.min_quantity

        unit_price: float | str
        unit_price = self.unit_price

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "min_quantity": min_quantity,
                "unit_price": unit_price,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        min_quantity = d.pop("min_quantity")

        def _parse_unit_price(data: object) -> float | str:
            return cast(float | str, data)

        unit_price = _parse_unit_price(d.pop("unit_price"))

        reimbursement_tier_in = cls(
            min_quantity=min_quantity,
            unit_price=unit_price,
        )

        return reimbursement_tier_in
