from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReimbursementInvoiceLineIn")


@_attrs_define
class ReimbursementInvoiceLineIn:
    """
    Attributes:
        ndc (str):
        quantity (int): packages
        unit_price (float | str): invoiced price of one package
        contract_id (None | str | Unset): the GPO contract the line was bought under
    """

    ndc: str
    quantity: int
    unit_price: float | str
    contract_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ndc = self.ndc

        quantity = self.quantity

        unit_price: float | str
        unit_price = self.unit_price

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        else:
            contract_id = self.contract_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ndc": ndc,
                "quantity": quantity,
                "unit_price": unit_price,
            }
        )
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ndc = d.pop("ndc")

        quantity = d.pop("quantity")

        def _parse_unit_price(data: object) -> float | str:
            return cast(float | str, data)

        unit_price = _parse_unit_price(d.pop("unit_price"))

        def _parse_contract_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))

        reimbursement_invoice_line_in = cls(
            ndc=ndc,
            quantity=quantity,
            unit_price=unit_price,
            contract_id=contract_id,
        )

        return reimbursement_invoice_line_in
