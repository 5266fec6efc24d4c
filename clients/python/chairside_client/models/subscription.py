from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_status import SubscriptionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Subscription")


@_attrs_define
class Subscription:
    """
    Attributes:
        consecutive_failures (int):
        created_at (datetime.datetime):
        description (None | str):
        disabled_reason (None | str): why it was disabled (failures or owner)
        event_types (list[str]):
        id (str):
        practice_id (None | str): a partner's: only this practice's events
        status (SubscriptionStatus):
        updated_at (datetime.datetime):
        url (str):
        secret (None | str | Unset): whsec_<base64>: shown once, on create or rotation; verify every delivery with it
    """

    consecutive_failures: int
    created_at: datetime.datetime
    description: None | str
    disabled_reason: None | str
    event_types: list[str]
    id: str
    practice_id: None | str
    status: SubscriptionStatus
    updated_at: datetime.datetime
    url: str
    secret: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consecutive_failures = self.consecutive_failures

        created_at = self.created_at.isoformat()

        description: None | str
        description = self.description

        disabled_reason: None | str
        disabled_reason = self.disabled_reason

        event_types = self.event_types

        id = self.id

        practice_id: None | str
        practice_id = self.practice_id

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        url = self.url

        secret: None | str | Unset
        if isinstance(self.secret, Unset):
            secret = UNSET
        else:
            secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "consecutive_failures": consecutive_failures,
                "created_at": created_at,
                "description": description,
                "disabled_reason": disabled_reason,
                "event_types": event_types,
                "id": id,
                "practice_id": practice_id,
                "status": status,
                "updated_at": updated_at,
                "url": url,
            }
        )
        if secret is not UNSET:
            field_dict["secret"] = secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consecutive_failures = d.pop("consecutive_failures")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_disabled_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason"))

        event_types = cast(list[str], d.pop("event_types"))

        id = d.pop("id")

        def _parse_practice_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        practice_id = _parse_practice_id(d.pop("practice_id"))

        status = SubscriptionStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        url = d.pop("url")

        def _parse_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret = _parse_secret(d.pop("secret", UNSET))

        subscription = cls(
            consecutive_failures=consecutive_failures,
            created_at=created_at,
            description=description,
            disabled_reason=disabled_reason,
            event_types=event_types,
            id=id,
            practice_id=practice_id,
            status=status,
            updated_at=updated_at,
            url=url,
            secret=secret,
        )

        subscription.additional_properties = d
        return subscription

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
