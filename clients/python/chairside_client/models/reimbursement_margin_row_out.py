from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        gpo_savings (None | str | Unset): by drug: that WAC cost minus what those vials cost (GPO contract)
        wac_cost (None | str | Unset): by drug: the vials drawn, at WAC (draws from lots with a WAC on file)
    """

    acquisition_cost: str
    charges: str
    claims: int
    key: str
    margin: str
    revenue: str
    waste_cost: str
    gpo_savings: None | str | Unset = UNSET
    wac_cost: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        acquisition_cost = self.acquisition_cost

        charges = self.charges

        claims = self.claims

        key = self.key

        margin = self.margin

        revenue = self.revenue

        waste_cost = self.waste_cost

        gpo_savings: None | str | Unset
        if isinstance(self.gpo_savings, Unset):
            gpo_savings = UNSET
        else:
            gpo_savings = self.gpo_savings

        wac_cost: None | str | Unset
        if isinstance(self.wac_cost, Unset):
            wac_cost = UNSET
        else:
            wac_cost = self.wac_cost

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
        if gpo_savings is not UNSET:
            field_dict["gpo_savings"] = gpo_savings
        if wac_cost is not UNSET:
            field_dict["wac_cost"] = wac_cost

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

        def _parse_gpo_savings(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gpo_savings = _parse_gpo_savings(d.pop("gpo_savings", UNSET))

        def _parse_wac_cost(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wac_cost = _parse_wac_cost(d.pop("wac_cost", UNSET))

        reimbursement_margin_row_out = cls(
            acquisition_cost=acquisition_cost,
            charges=charges,
            claims=claims,
            key=key,
            margin=margin,
            revenue=revenue,
            waste_cost=waste_cost,
            gpo_savings=gpo_savings,
            wac_cost=wac_cost,
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
