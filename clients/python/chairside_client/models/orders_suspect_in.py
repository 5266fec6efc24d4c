from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersSuspectIn")


@_attrs_define
class OrdersSuspectIn:
    """
    Attributes:
        drug_code (str):
        amount_infused (float | None | str | Unset):
        amount_unit (None | str | Unset):
        dose_number (int | None | Unset):
        lot (None | str | Unset):
        rate_at_onset (float | None | str | Unset):
    """

    drug_code: str
    amount_infused: float | None | str | Unset = UNSET
    amount_unit: None | str | Unset = UNSET
    dose_number: int | None | Unset = UNSET
    lot: None | str | Unset = UNSET
    rate_at_onset: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        drug_code = self.drug_code

        amount_infused: float | None | str | Unset
        if isinstance(self.amount_infused, Unset):
            amount_infused = UNSET
        else:
            amount_infused = self.amount_infused

        amount_unit: None | str | Unset
        if isinstance(self.amount_unit, Unset):
            amount_unit = UNSET
        else:
            amount_unit = self.amount_unit

        dose_number: int | None | Unset
        if isinstance(self.dose_number, Unset):
            dose_number = UNSET
        else:
            dose_number = self.dose_number

        lot: None | str | Unset
        if isinstance(self.lot, Unset):
            lot = UNSET
        else:
            lot = self.lot

        rate_at_onset: float | None | str | Unset
        if isinstance(self.rate_at_onset, Unset):
            rate_at_onset = UNSET
        else:
            rate_at_onset = self.rate_at_onset

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "drug_code": drug_code,
            }
        )
        if amount_infused is not UNSET:
            field_dict["amount_infused"] = amount_infused
        if amount_unit is not UNSET:
            field_dict["amount_unit"] = amount_unit
        if dose_number is not UNSET:
            field_dict["dose_number"] = dose_number
        if lot is not UNSET:
            field_dict["lot"] = lot
        if rate_at_onset is not UNSET:
            field_dict["rate_at_onset"] = rate_at_onset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        drug_code = d.pop("drug_code")

        def _parse_amount_infused(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        amount_infused = _parse_amount_infused(d.pop("amount_infused", UNSET))

        def _parse_amount_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount_unit = _parse_amount_unit(d.pop("amount_unit", UNSET))

        def _parse_dose_number(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        dose_number = _parse_dose_number(d.pop("dose_number", UNSET))

        def _parse_lot(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lot = _parse_lot(d.pop("lot", UNSET))

        def _parse_rate_at_onset(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        rate_at_onset = _parse_rate_at_onset(d.pop("rate_at_onset", UNSET))

        orders_suspect_in = cls(
            drug_code=drug_code,
            amount_infused=amount_infused,
            amount_unit=amount_unit,
            dose_number=dose_number,
            lot=lot,
            rate_at_onset=rate_at_onset,
        )

        return orders_suspect_in
