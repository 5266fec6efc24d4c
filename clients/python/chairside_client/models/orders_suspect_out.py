from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrdersSuspectOut")


@_attrs_define
class OrdersSuspectOut:
    """
    Attributes:
        amount_infused (None | str):
        amount_unit (None | str):
        dose_number (int | None):
        drug_code (str):
        lot (None | str):
        rate_at_onset (None | str):
    """

    amount_infused: None | str
    amount_unit: None | str
    dose_number: int | None
    drug_code: str
    lot: None | str
    rate_at_onset: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_infused: None | str
        amount_infused = self.amount_infused

        amount_unit: None | str
        amount_unit = self.amount_unit

        dose_number: int | None
        dose_number = self.dose_number

        drug_code = self.drug_code

        lot: None | str
        lot = self.lot

        rate_at_onset: None | str
        rate_at_onset = self.rate_at_onset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_infused": amount_infused,
                "amount_unit": amount_unit,
                "dose_number": dose_number,
                "drug_code": drug_code,
                "lot": lot,
                "rate_at_onset": rate_at_onset,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_amount_infused(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount_infused = _parse_amount_infused(d.pop("amount_infused"))

        def _parse_amount_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount_unit = _parse_amount_unit(d.pop("amount_unit"))

        def _parse_dose_number(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        dose_number = _parse_dose_number(d.pop("dose_number"))

        drug_code = d.pop("drug_code")

        def _parse_lot(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        lot = _parse_lot(d.pop("lot"))

        def _parse_rate_at_onset(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rate_at_onset = _parse_rate_at_onset(d.pop("rate_at_onset"))

        orders_suspect_out = cls(
            amount_infused=amount_infused,
            amount_unit=amount_unit,
            dose_number=dose_number,
            drug_code=drug_code,
            lot=lot,
            rate_at_onset=rate_at_onset,
        )

        orders_suspect_out.additional_properties = d
        return orders_suspect_out

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
