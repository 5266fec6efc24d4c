from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuditRecord")


@_attrs_define
class AuditRecord:
    """
    Attributes:
        action (str):
        at (datetime.datetime):
        client_id (str):
        id (int):
        practice_id (None | str):
        resource_id (None | str):
        resource_type (None | str):
        status (int):
        trace_id (None | str):
        user_id (None | str):
    """

    action: str
    at: datetime.datetime
    client_id: str
    id: int
    practice_id: None | str
    resource_id: None | str
    resource_type: None | str
    status: int
    trace_id: None | str
    user_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        at = self.at.isoformat()

        client_id = self.client_id

        id = self.id

        practice_id: None | str
        practice_id = self.practice_id

        resource_id: None | str
        resource_id = self.resource_id

        resource_type: None | str
        resource_type = self.resource_type

        status = self.status

        trace_id: None | str
        trace_id = self.trace_id

        user_id: None | str
        user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "at": at,
                "client_id": client_id,
                "id": id,
                "practice_id": practice_id,
                "resource_id": resource_id,
                "resource_type": resource_type,
                "status": status,
                "trace_id": trace_id,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        client_id = d.pop("client_id")

        id = d.pop("id")

        def _parse_practice_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        practice_id = _parse_practice_id(d.pop("practice_id"))

        def _parse_resource_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resource_id = _parse_resource_id(d.pop("resource_id"))

        def _parse_resource_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resource_type = _parse_resource_type(d.pop("resource_type"))

        status = d.pop("status")

        def _parse_trace_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        trace_id = _parse_trace_id(d.pop("trace_id"))

        def _parse_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_id = _parse_user_id(d.pop("user_id"))

        audit_record = cls(
            action=action,
            at=at,
            client_id=client_id,
            id=id,
            practice_id=practice_id,
            resource_id=resource_id,
            resource_type=resource_type,
            status=status,
            trace_id=trace_id,
            user_id=user_id,
        )

        audit_record.additional_properties = d
        return audit_record

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
