from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuthorizationOptionOut")


@_attrs_define
class AuthorizationOptionOut:
    """
    Attributes:
        deadline (datetime.date):
        level (str):
        name (str):
        source (str):
        verified (bool): False: the window is payer-specific and unverified
    """

    deadline: datetime.date
    level: str
    name: str
    source: str
    verified: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deadline = self.deadline.isoformat()

        level = self.level

        name = self.name

        source = self.source

        verified = self.verified

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deadline": deadline,
                "level": level,
                "name": name,
                "source": source,
                "verified": verified,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        deadline = datetime.date.fromisoformat(d.pop("deadline"))

        level = d.pop("level")

        name = d.pop("name")

        source = d.pop("source")

        verified = d.pop("verified")

        authorization_option_out = cls(
            deadline=deadline,
            level=level,
            name=name,
            source=source,
            verified=verified,
        )

        authorization_option_out.additional_properties = d
        return authorization_option_out

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
