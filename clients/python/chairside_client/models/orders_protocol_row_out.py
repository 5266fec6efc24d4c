from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.orders_rate_out import OrdersRateOut


T = TypeVar("T", bound="OrdersProtocolRowOut")


@_attrs_define
class OrdersProtocolRowOut:
    """
    Attributes:
        ed_return_72h (OrdersRateOut):
        pain_free (OrdersRateOut):
        protocol_id (None | str):
        protocol_name (None | str):
        relief (OrdersRateOut):
        sustained_relief_24h (OrdersRateOut):
        visits (int):
    """

    ed_return_72h: OrdersRateOut
    pain_free: OrdersRateOut
    protocol_id: None | str
    protocol_name: None | str
    relief: OrdersRateOut
    sustained_relief_24h: OrdersRateOut
    visits: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ed_return_72h = self.ed_return_72h.to_dict()

        pain_free = self.pain_free.to_dict()

        protocol_id: None | str
        protocol_id = self.protocol_id

        protocol_name: None | str
        protocol_name = self.protocol_name

        relief = self.relief.to_dict()

        sustained_relief_24h = self.sustained_relief_24h.to_dict()

        visits = self.visits

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ed_return_72h": ed_return_72h,
                "pain_free": pain_free,
                "protocol_id": protocol_id,
                "protocol_name": protocol_name,
                "relief": relief,
                "sustained_relief_24h": sustained_relief_24h,
                "visits": visits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_rate_out import OrdersRateOut  # noqa: PLC0415

        d = dict(src_dict)
        ed_return_72h = OrdersRateOut.from_dict(d.pop("ed_return_72h"))

        pain_free = OrdersRateOut.from_dict(d.pop("pain_free"))

        def _parse_protocol_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        protocol_id = _parse_protocol_id(d.pop("protocol_id"))

        def _parse_protocol_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        protocol_name = _parse_protocol_name(d.pop("protocol_name"))

        relief = OrdersRateOut.from_dict(d.pop("relief"))

        sustained_relief_24h = OrdersRateOut.from_dict(d.pop("sustained_relief_24h"))

        visits = d.pop("visits")

        orders_protocol_row_out = cls(
            ed_return_72h=ed_return_72h,
            pain_free=pain_free,
            protocol_id=protocol_id,
            protocol_name=protocol_name,
            relief=relief,
            sustained_relief_24h=sustained_relief_24h,
            visits=visits,
        )

        orders_protocol_row_out.additional_properties = d
        return orders_protocol_row_out

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
