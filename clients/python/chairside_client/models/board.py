from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.board_chairs_item import BoardChairsItem
    from ..models.board_orders import BoardOrders
    from ..models.board_unplaced_item import BoardUnplacedItem


T = TypeVar("T", bound="Board")


@_attrs_define
class Board:
    """
    Attributes:
        chairs (list[BoardChairsItem] | Unset):
        date (None | str | Unset):
        orders (BoardOrders | Unset): the order behind each appointment, by order id
        unplaced (list[BoardUnplacedItem] | Unset): signed orders that found no room in their requested window and have
            no appointment: staff's worklist to book by hand
    """

    chairs: list[BoardChairsItem] | Unset = UNSET
    date: None | str | Unset = UNSET
    orders: BoardOrders | Unset = UNSET
    unplaced: list[BoardUnplacedItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chairs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.chairs, Unset):
            chairs = []
            for chairs_item_data in self.chairs:
                chairs_item = chairs_item_data.to_dict()
                chairs.append(chairs_item)

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        else:
            date = self.date

        orders: dict[str, Any] | Unset = UNSET
        if not isinstance(self.orders, Unset):
            orders = self.orders.to_dict()

        unplaced: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.unplaced, Unset):
            unplaced = []
            for unplaced_item_data in self.unplaced:
                unplaced_item = unplaced_item_data.to_dict()
                unplaced.append(unplaced_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if chairs is not UNSET:
            field_dict["chairs"] = chairs
        if date is not UNSET:
            field_dict["date"] = date
        if orders is not UNSET:
            field_dict["orders"] = orders
        if unplaced is not UNSET:
            field_dict["unplaced"] = unplaced

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.board_chairs_item import BoardChairsItem  # noqa: PLC0415
        from ..models.board_orders import BoardOrders  # noqa: PLC0415
        from ..models.board_unplaced_item import BoardUnplacedItem  # noqa: PLC0415

        d = dict(src_dict)
        _chairs = d.pop("chairs", UNSET)
        chairs: list[BoardChairsItem] | Unset = UNSET
        if _chairs is not UNSET:
            chairs = []
            for chairs_item_data in _chairs:
                chairs_item = BoardChairsItem.from_dict(chairs_item_data)

                chairs.append(chairs_item)

        def _parse_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        date = _parse_date(d.pop("date", UNSET))

        _orders = d.pop("orders", UNSET)
        orders: BoardOrders | Unset
        if isinstance(_orders, Unset):
            orders = UNSET
        else:
            orders = BoardOrders.from_dict(_orders)

        _unplaced = d.pop("unplaced", UNSET)
        unplaced: list[BoardUnplacedItem] | Unset = UNSET
        if _unplaced is not UNSET:
            unplaced = []
            for unplaced_item_data in _unplaced:
                unplaced_item = BoardUnplacedItem.from_dict(unplaced_item_data)

                unplaced.append(unplaced_item)

        board = cls(
            chairs=chairs,
            date=date,
            orders=orders,
            unplaced=unplaced,
        )

        board.additional_properties = d
        return board

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
