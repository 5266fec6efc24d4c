from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        contract_id (None | str | Unset): the GPO contract the cost came from
        wac_vial_cost (None | str | Unset): WAC per vial on the purchase date
    """

    cost_source: str
    expires_on: datetime.date
    lot_number: str
    vial_cost: str
    vials_on_hand: str
    contract_id: None | str | Unset = UNSET
    wac_vial_cost: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cost_source = self.cost_source

        expires_on = self.expires_on.isoformat()

        lot_number = self.lot_number

        vial_cost = self.vial_cost

        vials_on_hand = self.vials_on_hand

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        else:
            contract_id = self.contract_id

        wac_vial_cost: None | str | Unset
        if isinstance(self.wac_vial_cost, Unset):
            wac_vial_cost = UNSET
        else:
            wac_vial_cost = self.wac_vial_cost

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
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if wac_vial_cost is not UNSET:
            field_dict["wac_vial_cost"] = wac_vial_cost

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cost_source = d.pop("cost_source")

        expires_on = datetime.date.fromisoformat(d.pop("expires_on"))

        lot_number = d.pop("lot_number")

        vial_cost = d.pop("vial_cost")

        vials_on_hand = d.pop("vials_on_hand")

        def _parse_contract_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))

        def _parse_wac_vial_cost(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wac_vial_cost = _parse_wac_vial_cost(d.pop("wac_vial_cost", UNSET))

        reimbursement_lot_out = cls(
            cost_source=cost_source,
            expires_on=expires_on,
            lot_number=lot_number,
            vial_cost=vial_cost,
            vials_on_hand=vials_on_hand,
            contract_id=contract_id,
            wac_vial_cost=wac_vial_cost,
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
