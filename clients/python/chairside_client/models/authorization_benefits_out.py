from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuthorizationBenefitsOut")


@_attrs_define
class AuthorizationBenefitsOut:
    """
    Attributes:
        coinsurance (None | str): a fraction: 0.20 is 20 %
        copay (None | str):
        deductible (None | str):
        deductible_remaining (None | str):
        out_of_pocket (None | str):
        out_of_pocket_remaining (None | str):
        plan (None | str):
    """

    coinsurance: None | str
    copay: None | str
    deductible: None | str
    deductible_remaining: None | str
    out_of_pocket: None | str
    out_of_pocket_remaining: None | str
    plan: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        coinsurance: None | str
        coinsurance = self.coinsurance

        copay: None | str
        copay = self.copay

        deductible: None | str
        deductible = self.deductible

        deductible_remaining: None | str
        deductible_remaining = self.deductible_remaining

        out_of_pocket: None | str
        out_of_pocket = self.out_of_pocket

        out_of_pocket_remaining: None | str
        out_of_pocket_remaining = self.out_of_pocket_remaining

        plan: None | str
        plan = self.plan

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "coinsurance": coinsurance,
                "copay": copay,
                "deductible": deductible,
                "deductible_remaining": deductible_remaining,
                "out_of_pocket": out_of_pocket,
                "out_of_pocket_remaining": out_of_pocket_remaining,
                "plan": plan,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_coinsurance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        coinsurance = _parse_coinsurance(d.pop("coinsurance"))

        def _parse_copay(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        copay = _parse_copay(d.pop("copay"))

        def _parse_deductible(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deductible = _parse_deductible(d.pop("deductible"))

        def _parse_deductible_remaining(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deductible_remaining = _parse_deductible_remaining(d.pop("deductible_remaining"))

        def _parse_out_of_pocket(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        out_of_pocket = _parse_out_of_pocket(d.pop("out_of_pocket"))

        def _parse_out_of_pocket_remaining(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        out_of_pocket_remaining = _parse_out_of_pocket_remaining(d.pop("out_of_pocket_remaining"))

        def _parse_plan(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        plan = _parse_plan(d.pop("plan"))

        authorization_benefits_out = cls(
            coinsurance=coinsurance,
            copay=copay,
            deductible=deductible,
            deductible_remaining=deductible_remaining,
            out_of_pocket=out_of_pocket,
            out_of_pocket_remaining=out_of_pocket_remaining,
            plan=plan,
        )

        authorization_benefits_out.additional_properties = d
        return authorization_benefits_out

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
