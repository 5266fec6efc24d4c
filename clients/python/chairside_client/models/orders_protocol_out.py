from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.orders_protocol_out_lines_item import OrdersProtocolOutLinesItem


T = TypeVar("T", bound="OrdersProtocolOut")


@_attrs_define
class OrdersProtocolOut:
    """
    Attributes:
        description (str):
        id (UUID):
        key (None | str):
        lines (list[OrdersProtocolOutLinesItem]):
        name (str):
        population (str):
        practice_id (None | str):
    """

    description: str
    id: UUID
    key: None | str
    lines: list[OrdersProtocolOutLinesItem]
    name: str
    population: str
    practice_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        id = str(self.id)

        key: None | str
        key = self.key

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        name = self.name

        population = self.population

        practice_id: None | str
        practice_id = self.practice_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "description": description,
                "id": id,
                "key": key,
                "lines": lines,
                "name": name,
                "population": population,
                "practice_id": practice_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_protocol_out_lines_item import OrdersProtocolOutLinesItem  # noqa: PLC0415

        d = dict(src_dict)
        description = d.pop("description")

        id = UUID(d.pop("id"))

        def _parse_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key = _parse_key(d.pop("key"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrdersProtocolOutLinesItem.from_dict(lines_item_data)

            lines.append(lines_item)

        name = d.pop("name")

        population = d.pop("population")

        def _parse_practice_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        practice_id = _parse_practice_id(d.pop("practice_id"))

        orders_protocol_out = cls(
            description=description,
            id=id,
            key=key,
            lines=lines,
            name=name,
            population=population,
            practice_id=practice_id,
        )

        orders_protocol_out.additional_properties = d
        return orders_protocol_out

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
