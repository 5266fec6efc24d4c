from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reimbursement_contract_item_in import ReimbursementContractItemIn


T = TypeVar("T", bound="ReimbursementGpoContractIn")


@_attrs_define
class ReimbursementGpoContractIn:
    """
    Attributes:
        effective_from (datetime.date): calendar date, between 1900-01-01 and 2199-12-31
        gpo (str): the group purchasing organization
        id (str):
        items (list[ReimbursementContractItemIn]):
        name (str):
        source (str): where the terms come from; demo data says so
        effective_to (datetime.date | None | Unset): last day in force; null: open-ended
    """

    effective_from: datetime.date
    gpo: str
    id: str
    items: list[ReimbursementContractItemIn]
    name: str
    source: str
    effective_to: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        effective_from = self.effective_from.isoformat()

        gpo = self.gpo

        id = self.id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        name = self.name

        source = self.source

        effective_to: None | str | Unset
        if isinstance(self.effective_to, Unset):
            effective_to = UNSET
        elif isinstance(self.effective_to, datetime.date):
            effective_to = self.effective_to.isoformat()
        else:
            effective_to = self.effective_to

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "effective_from": effective_from,
                "gpo": gpo,
                "id": id,
                "items": items,
                "name": name,
                "source": source,
            }
        )
        if effective_to is not UNSET:
            field_dict["effective_to"] = effective_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_contract_item_in import ReimbursementContractItemIn  # noqa: PLC0415

        d = dict(src_dict)
        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        gpo = d.pop("gpo")

        id = d.pop("id")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ReimbursementContractItemIn.from_dict(items_item_data)

            items.append(items_item)

        name = d.pop("name")

        source = d.pop("source")

        def _parse_effective_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_to_type_0 = datetime.date.fromisoformat(data)

                return effective_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_to = _parse_effective_to(d.pop("effective_to", UNSET))

        reimbursement_gpo_contract_in = cls(
            effective_from=effective_from,
            gpo=gpo,
            id=id,
            items=items,
            name=name,
            source=source,
            effective_to=effective_to,
        )

        return reimbursement_gpo_contract_in
