from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuthorizationRejectionOut")


@_attrs_define
class AuthorizationRejectionOut:
    """
    Attributes:
        code (str):
        follow_up (None | str):
        loop (str):
        text (str):
    """

    code: str
    follow_up: None | str
    loop: str
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        follow_up: None | str
        follow_up = self.follow_up

        loop = self.loop

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "follow_up": follow_up,
                "loop": loop,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        def _parse_follow_up(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        follow_up = _parse_follow_up(d.pop("follow_up"))

        loop = d.pop("loop")

        text = d.pop("text")

        authorization_rejection_out = cls(
            code=code,
            follow_up=follow_up,
            loop=loop,
            text=text,
        )

        authorization_rejection_out.additional_properties = d
        return authorization_rejection_out

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
