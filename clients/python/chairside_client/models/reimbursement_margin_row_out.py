from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReimbursementMarginRowOut")


@_attrs_define
class ReimbursementMarginRowOut:
    """
    Attributes:
        acquisition_cost (str):
        charges (str):
        claims (int):
        key (str):
        margin (str):
        revenue (str):
        waste_cost (str):
    """

    acquisition_cost: str
    charges: str
    claims: int
    key: str
    margin: str
    revenue: str
    waste_cost: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        acquisition_cost = self.acquisition_cost

        charges = self.charges

        claims = self.claims

        key = self.key

        margin = self.margin

        revenue = self.revenue

        waste_cost = self.waste_cost

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acquisition_cost": acquisition_cost,
                "charges": charges,
                "claims": claims,
                "key": key,
                "margin": margin,
                "revenue": revenue,
                "waste_cost": waste_cost,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        acquisition_cost = d.pop("acquisition_cost")

        charges = d.pop("charges")

        claims = d.pop("claims")

        key = d.pop("key")

        margin = d.pop("margin")

        revenue = d.pop("revenue")

        waste_cost = d.pop("waste_cost")

        reimbursement_margin_row_out = cls(
            acquisition_cost=acquisition_cost,
            charges=charges,
            claims=claims,
            key=key,
            margin=margin,
            revenue=revenue,
            waste_cost=waste_cost,
        )

        reimbursement_margin_row_out.additional_properties = d
        return reimbursement_margin_row_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
