from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.orders_access_entry_out_purpose import OrdersAccessEntryOutPurpose

T = TypeVar("T", bound="OrdersAccessEntryOut")


@_attrs_define
class OrdersAccessEntryOut:
    """
    Attributes:
        action (str):
        at (datetime.datetime):
        client_id (None | str):
        fields (list[str]):
        id (int):
        patient_id (UUID):
        purpose (OrdersAccessEntryOutPurpose):
        resource (str):
        user_id (None | str):
    """

    action: str
    at: datetime.datetime
    client_id: None | str
    fields: list[str]
    id: int
    patient_id: UUID
    purpose: OrdersAccessEntryOutPurpose
    resource: str
    user_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        at = self.at.isoformat()

        client_id: None | str
        client_id = self.client_id

        fields = self.fields

        id = self.id

        patient_id = str(self.patient_id)

        purpose = self.purpose.value

        resource = self.resource

        user_id: None | str
        user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "at": at,
                "client_id": client_id,
                "fields": fields,
                "id": id,
                "patient_id": patient_id,
                "purpose": purpose,
                "resource": resource,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_client_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_id = _parse_client_id(d.pop("client_id"))

        fields = cast(list[str], d.pop("fields"))

        id = d.pop("id")

        patient_id = UUID(d.pop("patient_id"))

        purpose = OrdersAccessEntryOutPurpose(d.pop("purpose"))

        resource = d.pop("resource")

        def _parse_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_id = _parse_user_id(d.pop("user_id"))

        orders_access_entry_out = cls(
            action=action,
            at=at,
            client_id=client_id,
            fields=fields,
            id=id,
            patient_id=patient_id,
            purpose=purpose,
            resource=resource,
            user_id=user_id,
        )

        orders_access_entry_out.additional_properties = d
        return orders_access_entry_out

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
