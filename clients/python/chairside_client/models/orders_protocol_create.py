from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_protocol_create_population import OrdersProtocolCreatePopulation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orders_protocol_line_in import OrdersProtocolLineIn


T = TypeVar("T", bound="OrdersProtocolCreate")


@_attrs_define
class OrdersProtocolCreate:
    """
    Attributes:
        lines (list[OrdersProtocolLineIn]):
        name (str):
        description (str | Unset):  Default: ''.
        population (OrdersProtocolCreatePopulation | Unset):  Default: OrdersProtocolCreatePopulation.ANY.
        practice_id (None | str | Unset):
    """

    lines: list[OrdersProtocolLineIn]
    name: str
    description: str | Unset = ""
    population: OrdersProtocolCreatePopulation | Unset = OrdersProtocolCreatePopulation.ANY
    practice_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        name = self.name

        description = self.description

        population: str | Unset = UNSET
        if not isinstance(self.population, Unset):
            population = self.population.value

        practice_id: None | str | Unset
        if isinstance(self.practice_id, Unset):
            practice_id = UNSET
        else:
            practice_id = self.practice_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if population is not UNSET:
            field_dict["population"] = population
        if practice_id is not UNSET:
            field_dict["practice_id"] = practice_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_protocol_line_in import OrdersProtocolLineIn  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrdersProtocolLineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        name = d.pop("name")

        description = d.pop("description", UNSET)

        _population = d.pop("population", UNSET)
        population: OrdersProtocolCreatePopulation | Unset
        if isinstance(_population, Unset):
            population = UNSET
        else:
            population = OrdersProtocolCreatePopulation(_population)

        def _parse_practice_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        practice_id = _parse_practice_id(d.pop("practice_id", UNSET))

        orders_protocol_create = cls(
            lines=lines,
            name=name,
            description=description,
            population=population,
            practice_id=practice_id,
        )

        return orders_protocol_create
