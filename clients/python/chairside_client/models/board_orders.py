from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.board_orders_additional_property_type_0 import (
        BoardOrdersAdditionalPropertyType0,
    )
    from ..models.unavailable import Unavailable


T = TypeVar("T", bound="BoardOrders")


@_attrs_define
class BoardOrders:
    """the order behind each appointment, by order id"""

    additional_properties: dict[str, BoardOrdersAdditionalPropertyType0 | Unavailable] = (
        _attrs_field(init=False, factory=dict)
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.board_orders_additional_property_type_0 import (
            BoardOrdersAdditionalPropertyType0,  # noqa: PLC0415
        )

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, BoardOrdersAdditionalPropertyType0):
                field_dict[prop_name] = prop.to_dict()
            else:
                field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.board_orders_additional_property_type_0 import (
            BoardOrdersAdditionalPropertyType0,  # noqa: PLC0415
        )
        from ..models.unavailable import Unavailable  # noqa: PLC0415

        d = dict(src_dict)
        board_orders = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> BoardOrdersAdditionalPropertyType0 | Unavailable:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    additional_property_type_0 = BoardOrdersAdditionalPropertyType0.from_dict(data)

                    return additional_property_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                additional_property_type_1 = Unavailable.from_dict(data)

                return additional_property_type_1

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        board_orders.additional_properties = additional_properties
        return board_orders

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> BoardOrdersAdditionalPropertyType0 | Unavailable:
        return self.additional_properties[key]

    def __setitem__(
        self, key: str, value: BoardOrdersAdditionalPropertyType0 | Unavailable
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
