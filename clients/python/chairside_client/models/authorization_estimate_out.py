from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.authorization_estimate_out_basis import AuthorizationEstimateOutBasis

T = TypeVar("T", bound="AuthorizationEstimateOut")


@_attrs_define
class AuthorizationEstimateOut:
    """
    Attributes:
        allowed (None | str):
        amount (None | str): the patient's estimated responsibility; null without an expected allowed amount
        basis (AuthorizationEstimateOutBasis):
        coinsurance_part (None | str):
        copay_part (None | str):
        deductible_part (None | str):
    """

    allowed: None | str
    amount: None | str
    basis: AuthorizationEstimateOutBasis
    coinsurance_part: None | str
    copay_part: None | str
    deductible_part: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allowed: None | str
        allowed = self.allowed

        amount: None | str
        amount = self.amount

        basis = self.basis.value

        coinsurance_part: None | str
        coinsurance_part = self.coinsurance_part

        copay_part: None | str
        copay_part = self.copay_part

        deductible_part: None | str
        deductible_part = self.deductible_part

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowed": allowed,
                "amount": amount,
                "basis": basis,
                "coinsurance_part": coinsurance_part,
                "copay_part": copay_part,
                "deductible_part": deductible_part,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_allowed(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        allowed = _parse_allowed(d.pop("allowed"))

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        basis = AuthorizationEstimateOutBasis(d.pop("basis"))

        def _parse_coinsurance_part(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        coinsurance_part = _parse_coinsurance_part(d.pop("coinsurance_part"))

        def _parse_copay_part(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        copay_part = _parse_copay_part(d.pop("copay_part"))

        def _parse_deductible_part(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deductible_part = _parse_deductible_part(d.pop("deductible_part"))

        authorization_estimate_out = cls(
            allowed=allowed,
            amount=amount,
            basis=basis,
            coinsurance_part=coinsurance_part,
            copay_part=copay_part,
            deductible_part=deductible_part,
        )

        authorization_estimate_out.additional_properties = d
        return authorization_estimate_out

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
