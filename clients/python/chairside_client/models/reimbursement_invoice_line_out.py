from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReimbursementInvoiceLineOut")


@_attrs_define
class ReimbursementInvoiceLineOut:
    """
    Attributes:
        contract_id (None | str):
        ndc (str):
        quantity (int):
        unit_price (str):
    """

    contract_id: None | str
    ndc: str
    quantity: int
    unit_price: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id: None | str
        contract_id = self.contract_id

        ndc = self.ndc

        quantity = self.quantity

        unit_price = self.unit_price

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "ndc": ndc,
                "quantity": quantity,
                "unit_price": unit_price,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_contract_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contract_id = _parse_contract_id(d.pop("contract_id"))

        ndc = d.pop("ndc")

        quantity = d.pop("quantity")

        unit_price = d.pop("unit_price")

        reimbursement_invoice_line_out = cls(
            contract_id=contract_id,
            ndc=ndc,
            quantity=quantity,
            unit_price=unit_price,
        )

        reimbursement_invoice_line_out.additional_properties = d
        return reimbursement_invoice_line_out

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
