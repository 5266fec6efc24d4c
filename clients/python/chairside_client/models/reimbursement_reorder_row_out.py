from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReimbursementReorderRowOut")


@_attrs_define
class ReimbursementReorderRowOut:
    """
    Attributes:
        basis (str): contract, wac or none
        contract_id (None | str):
        doses (int):
        hcpcs (str):
        ndc (str):
        notes (list[str]):
        order_cost (None | str):
        shortfall_vials (str):
        suggested_packages (int):
        tier_min (int | None):
        unit_price (None | str):
        vials_needed (str):
        vials_on_hand (str):
        wac_cost (None | str):
    """

    basis: str
    contract_id: None | str
    doses: int
    hcpcs: str
    ndc: str
    notes: list[str]
    order_cost: None | str
    shortfall_vials: str
    suggested_packages: int
    tier_min: int | None
    unit_price: None | str
    vials_needed: str
    vials_on_hand: str
    wac_cost: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        basis = self.basis

        contract_id: None | str
        contract_id = self.contract_id

        doses = self.doses

        hcpcs = self.hcpcs

        ndc = self.ndc

        notes = self.notes

        order_cost: None | str
        order_cost = self.order_cost

        shortfall_vials = self.shortfall_vials

        suggested_packages = self.suggested_packages

        tier_min: int | None
        tier_min = self.tier_min

        unit_price: None | str
        unit_price = self.unit_price

        vials_needed = self.vials_needed

        vials_on_hand = self.vials_on_hand

        wac_cost: None | str
        wac_cost = self.wac_cost

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "basis": basis,
                "contract_id": contract_id,
                "doses": doses,
                "hcpcs": hcpcs,
                "ndc": ndc,
                "notes": notes,
                "order_cost": order_cost,
                "shortfall_vials": shortfall_vials,
                "suggested_packages": suggested_packages,
                "tier_min": tier_min,
                "unit_price": unit_price,
                "vials_needed": vials_needed,
                "vials_on_hand": vials_on_hand,
                "wac_cost": wac_cost,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        basis = d.pop("basis")

        def _parse_contract_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contract_id = _parse_contract_id(d.pop("contract_id"))

        doses = d.pop("doses")

        hcpcs = d.pop("hcpcs")

        ndc = d.pop("ndc")

        notes = cast(list[str], d.pop("notes"))

        def _parse_order_cost(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        order_cost = _parse_order_cost(d.pop("order_cost"))

        shortfall_vials = d.pop("shortfall_vials")

        suggested_packages = d.pop("suggested_packages")

        def _parse_tier_min(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        tier_min = _parse_tier_min(d.pop("tier_min"))

        def _parse_unit_price(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unit_price = _parse_unit_price(d.pop("unit_price"))

        vials_needed = d.pop("vials_needed")

        vials_on_hand = d.pop("vials_on_hand")

        def _parse_wac_cost(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        wac_cost = _parse_wac_cost(d.pop("wac_cost"))

        reimbursement_reorder_row_out = cls(
            basis=basis,
            contract_id=contract_id,
            doses=doses,
            hcpcs=hcpcs,
            ndc=ndc,
            notes=notes,
            order_cost=order_cost,
            shortfall_vials=shortfall_vials,
            suggested_packages=suggested_packages,
            tier_min=tier_min,
            unit_price=unit_price,
            vials_needed=vials_needed,
            vials_on_hand=vials_on_hand,
            wac_cost=wac_cost,
        )

        reimbursement_reorder_row_out.additional_properties = d
        return reimbursement_reorder_row_out

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
