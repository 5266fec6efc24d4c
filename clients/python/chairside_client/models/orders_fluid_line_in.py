from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_fluid_line_in_purpose import OrdersFluidLineInPurpose
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersFluidLineIn")


@_attrs_define
class OrdersFluidLineIn:
    """IV fluids only (clinical-loop.md §6): the line's dose is then the volume in mL.

    Attributes:
        purpose (OrdersFluidLineInPurpose): hydration (billable as 96360/96361 when it qualifies), carrier (dilutes or
            flushes a drug) or kvo (keeps the vein open)
        indication (None | str | Unset): ICD-10 code of the documented reason; required for hydration (dehydration,
            fluid loss, unable to drink)
        rate_ml_per_h (float | None | str | Unset):
    """

    purpose: OrdersFluidLineInPurpose
    indication: None | str | Unset = UNSET
    rate_ml_per_h: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        purpose = self.purpose.value

        indication: None | str | Unset
        if isinstance(self.indication, Unset):
            indication = UNSET
        else:
            indication = self.indication

        rate_ml_per_h: float | None | str | Unset
        if isinstance(self.rate_ml_per_h, Unset):
            rate_ml_per_h = UNSET
        else:
            rate_ml_per_h = self.rate_ml_per_h

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "purpose": purpose,
            }
        )
        if indication is not UNSET:
            field_dict["indication"] = indication
        if rate_ml_per_h is not UNSET:
            field_dict["rate_ml_per_h"] = rate_ml_per_h

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        purpose = OrdersFluidLineInPurpose(d.pop("purpose"))

        def _parse_indication(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        indication = _parse_indication(d.pop("indication", UNSET))

        def _parse_rate_ml_per_h(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        rate_ml_per_h = _parse_rate_ml_per_h(d.pop("rate_ml_per_h", UNSET))

        orders_fluid_line_in = cls(
            purpose=purpose,
            indication=indication,
            rate_ml_per_h=rate_ml_per_h,
        )

        return orders_fluid_line_in
