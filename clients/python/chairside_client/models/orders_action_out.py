from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrdersActionOut")


@_attrs_define
class OrdersActionOut:
    """
    Attributes:
        at (datetime.datetime):
        drug_code (None | str):
        kind (str):
        rate (None | str):
    """

    at: datetime.datetime
    drug_code: None | str
    kind: str
    rate: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        drug_code: None | str
        drug_code = self.drug_code

        kind = self.kind

        rate: None | str
        rate = self.rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "drug_code": drug_code,
                "kind": kind,
                "rate": rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_drug_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        drug_code = _parse_drug_code(d.pop("drug_code"))

        kind = d.pop("kind")

        def _parse_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rate = _parse_rate(d.pop("rate"))

        orders_action_out = cls(
            at=at,
            drug_code=drug_code,
            kind=kind,
            rate=rate,
        )

        orders_action_out.additional_properties = d
        return orders_action_out

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
