from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReimbursementLotOut")


@_attrs_define
class ReimbursementLotOut:
    """
    Attributes:
        cost_source (str):
        expires_on (datetime.date):
        lot_number (str):
        vial_cost (str):
        vials_on_hand (str):
    """

    cost_source: str
    expires_on: datetime.date
    lot_number: str
    vial_cost: str
    vials_on_hand: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cost_source = self.cost_source

        expires_on = self.expires_on.isoformat()

        lot_number = self.lot_number

        vial_cost = self.vial_cost

        vials_on_hand = self.vials_on_hand

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cost_source": cost_source,
                "expires_on": expires_on,
                "lot_number": lot_number,
                "vial_cost": vial_cost,
                "vials_on_hand": vials_on_hand,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cost_source = d.pop("cost_source")

        expires_on = datetime.date.fromisoformat(d.pop("expires_on"))

        lot_number = d.pop("lot_number")

        vial_cost = d.pop("vial_cost")

        vials_on_hand = d.pop("vials_on_hand")

        reimbursement_lot_out = cls(
            cost_source=cost_source,
            expires_on=expires_on,
            lot_number=lot_number,
            vial_cost=vial_cost,
            vials_on_hand=vials_on_hand,
        )

        reimbursement_lot_out.additional_properties = d
        return reimbursement_lot_out

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
