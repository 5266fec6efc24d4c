from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_dose_rule_in_kind import OrdersDoseRuleInKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersDoseRuleIn")


@_attrs_define
class OrdersDoseRuleIn:
    """
    Attributes:
        kind (OrdersDoseRuleInKind):
        dose (float | None | str | Unset):
        max_dose (float | None | str | Unset):
        mg_per_kg (float | None | str | Unset):
    """

    kind: OrdersDoseRuleInKind
    dose: float | None | str | Unset = UNSET
    max_dose: float | None | str | Unset = UNSET
    mg_per_kg: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        dose: float | None | str | Unset
        if isinstance(self.dose, Unset):
            dose = UNSET
        else:
            dose = self.dose

        max_dose: float | None | str | Unset
        if isinstance(self.max_dose, Unset):
            max_dose = UNSET
        else:
            max_dose = self.max_dose

        mg_per_kg: float | None | str | Unset
        if isinstance(self.mg_per_kg, Unset):
            mg_per_kg = UNSET
        else:
            mg_per_kg = self.mg_per_kg

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if dose is not UNSET:
            field_dict["dose"] = dose
        if max_dose is not UNSET:
            field_dict["max_dose"] = max_dose
        if mg_per_kg is not UNSET:
            field_dict["mg_per_kg"] = mg_per_kg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = OrdersDoseRuleInKind(d.pop("kind"))

        def _parse_dose(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        dose = _parse_dose(d.pop("dose", UNSET))

        def _parse_max_dose(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        max_dose = _parse_max_dose(d.pop("max_dose", UNSET))

        def _parse_mg_per_kg(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        mg_per_kg = _parse_mg_per_kg(d.pop("mg_per_kg", UNSET))

        orders_dose_rule_in = cls(
            kind=kind,
            dose=dose,
            max_dose=max_dose,
            mg_per_kg=mg_per_kg,
        )

        return orders_dose_rule_in
