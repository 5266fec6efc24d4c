from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_contract_item_out import ReimbursementContractItemOut


T = TypeVar("T", bound="ReimbursementGpoContractOut")


@_attrs_define
class ReimbursementGpoContractOut:
    """
    Attributes:
        effective_from (datetime.date):
        effective_to (datetime.date | None):
        gpo (str):
        id (str):
        items (list[ReimbursementContractItemOut]):
        name (str):
        source (str):
    """

    effective_from: datetime.date
    effective_to: datetime.date | None
    gpo: str
    id: str
    items: list[ReimbursementContractItemOut]
    name: str
    source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        effective_from = self.effective_from.isoformat()

        effective_to: None | str
        if isinstance(self.effective_to, datetime.date):
            effective_to = self.effective_to.isoformat()
        else:
            effective_to = self.effective_to

        gpo = self.gpo

        id = self.id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        name = self.name

        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "effective_from": effective_from,
                "effective_to": effective_to,
                "gpo": gpo,
                "id": id,
                "items": items,
                "name": name,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_contract_item_out import (
            ReimbursementContractItemOut,  # noqa: PLC0415
        )

        d = dict(src_dict)
        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        def _parse_effective_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_to_type_0 = datetime.date.fromisoformat(data)

                return effective_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        effective_to = _parse_effective_to(d.pop("effective_to"))

        gpo = d.pop("gpo")

        id = d.pop("id")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ReimbursementContractItemOut.from_dict(items_item_data)

            items.append(items_item)

        name = d.pop("name")

        source = d.pop("source")

        reimbursement_gpo_contract_out = cls(
            effective_from=effective_from,
            effective_to=effective_to,
            gpo=gpo,
            id=id,
            items=items,
            name=name,
            source=source,
        )

        reimbursement_gpo_contract_out.additional_properties = d
        return reimbursement_gpo_contract_out

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
