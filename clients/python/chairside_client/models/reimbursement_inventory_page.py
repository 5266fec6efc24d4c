from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reimbursement_inventory_item_out import ReimbursementInventoryItemOut
    from ..models.reimbursement_inventory_page_expiring_item import (
        ReimbursementInventoryPageExpiringItem,
    )
    from ..models.reimbursement_inventory_page_flags_item import (
        ReimbursementInventoryPageFlagsItem,
    )
    from ..models.reimbursement_inventory_page_stock_outs_item import (
        ReimbursementInventoryPageStockOutsItem,
    )


T = TypeVar("T", bound="ReimbursementInventoryPage")


@_attrs_define
class ReimbursementInventoryPage:
    """
    Attributes:
        items (list[ReimbursementInventoryItemOut]):
        expiring (list[ReimbursementInventoryPageExpiringItem] | Unset):
        flags (list[ReimbursementInventoryPageFlagsItem] | Unset):
        next_cursor (None | str | Unset):
        stock_outs (list[ReimbursementInventoryPageStockOutsItem] | Unset):
    """

    items: list[ReimbursementInventoryItemOut]
    expiring: list[ReimbursementInventoryPageExpiringItem] | Unset = UNSET
    flags: list[ReimbursementInventoryPageFlagsItem] | Unset = UNSET
    next_cursor: None | str | Unset = UNSET
    stock_outs: list[ReimbursementInventoryPageStockOutsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        expiring: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.expiring, Unset):
            expiring = []
            for expiring_item_data in self.expiring:
                expiring_item = expiring_item_data.to_dict()
                expiring.append(expiring_item)

        flags: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.flags, Unset):
            flags = []
            for flags_item_data in self.flags:
                flags_item = flags_item_data.to_dict()
                flags.append(flags_item)

        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

        stock_outs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.stock_outs, Unset):
            stock_outs = []
            for stock_outs_item_data in self.stock_outs:
                stock_outs_item = stock_outs_item_data.to_dict()
                stock_outs.append(stock_outs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
            }
        )
        if expiring is not UNSET:
            field_dict["expiring"] = expiring
        if flags is not UNSET:
            field_dict["flags"] = flags
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor
        if stock_outs is not UNSET:
            field_dict["stock_outs"] = stock_outs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_inventory_item_out import (
            ReimbursementInventoryItemOut,  # noqa: PLC0415
        )
        from ..models.reimbursement_inventory_page_expiring_item import (
            ReimbursementInventoryPageExpiringItem,  # noqa: PLC0415
        )
        from ..models.reimbursement_inventory_page_flags_item import (
            ReimbursementInventoryPageFlagsItem,  # noqa: PLC0415
        )
        from ..models.reimbursement_inventory_page_stock_outs_item import (
            ReimbursementInventoryPageStockOutsItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ReimbursementInventoryItemOut.from_dict(items_item_data)

            items.append(items_item)

        _expiring = d.pop("expiring", UNSET)
        expiring: list[ReimbursementInventoryPageExpiringItem] | Unset = UNSET
        if _expiring is not UNSET:
            expiring = []
            for expiring_item_data in _expiring:
                expiring_item = ReimbursementInventoryPageExpiringItem.from_dict(expiring_item_data)

                expiring.append(expiring_item)

        _flags = d.pop("flags", UNSET)
        flags: list[ReimbursementInventoryPageFlagsItem] | Unset = UNSET
        if _flags is not UNSET:
            flags = []
            for flags_item_data in _flags:
                flags_item = ReimbursementInventoryPageFlagsItem.from_dict(flags_item_data)

                flags.append(flags_item)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        _stock_outs = d.pop("stock_outs", UNSET)
        stock_outs: list[ReimbursementInventoryPageStockOutsItem] | Unset = UNSET
        if _stock_outs is not UNSET:
            stock_outs = []
            for stock_outs_item_data in _stock_outs:
                stock_outs_item = ReimbursementInventoryPageStockOutsItem.from_dict(
                    stock_outs_item_data
                )

                stock_outs.append(stock_outs_item)

        reimbursement_inventory_page = cls(
            items=items,
            expiring=expiring,
            flags=flags,
            next_cursor=next_cursor,
            stock_outs=stock_outs,
        )

        reimbursement_inventory_page.additional_properties = d
        return reimbursement_inventory_page

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
