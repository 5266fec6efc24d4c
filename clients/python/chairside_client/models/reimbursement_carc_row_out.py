from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReimbursementCarcRowOut")


@_attrs_define
class ReimbursementCarcRowOut:
    """
    Attributes:
        carc (str): the CARC that denied the claims (empty: none named)
        claims (int):
        denied_amount (str):
        rate (None | str): claims / adjudicated claims
    """

    carc: str
    claims: int
    denied_amount: str
    rate: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        carc = self.carc

        claims = self.claims

        denied_amount = self.denied_amount

        rate: None | str
        rate = self.rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "carc": carc,
                "claims": claims,
                "denied_amount": denied_amount,
                "rate": rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        carc = d.pop("carc")

        claims = d.pop("claims")

        denied_amount = d.pop("denied_amount")

        def _parse_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rate = _parse_rate(d.pop("rate"))

        reimbursement_carc_row_out = cls(
            carc=carc,
            claims=claims,
            denied_amount=denied_amount,
            rate=rate,
        )

        reimbursement_carc_row_out.additional_properties = d
        return reimbursement_carc_row_out

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
