from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuthorizationFlagOut")


@_attrs_define
class AuthorizationFlagOut:
    """
    Attributes:
        check_id (UUID):
        flagged_at (datetime.datetime):
        order_id (UUID):
        patient_id (UUID):
        payer_id (str):
        reason_code (None | str):
    """

    check_id: UUID
    flagged_at: datetime.datetime
    order_id: UUID
    patient_id: UUID
    payer_id: str
    reason_code: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        check_id = str(self.check_id)

        flagged_at = self.flagged_at.isoformat()

        order_id = str(self.order_id)

        patient_id = str(self.patient_id)

        payer_id = self.payer_id

        reason_code: None | str
        reason_code = self.reason_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "check_id": check_id,
                "flagged_at": flagged_at,
                "order_id": order_id,
                "patient_id": patient_id,
                "payer_id": payer_id,
                "reason_code": reason_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_id = UUID(d.pop("check_id"))

        flagged_at = datetime.datetime.fromisoformat(d.pop("flagged_at"))

        order_id = UUID(d.pop("order_id"))

        patient_id = UUID(d.pop("patient_id"))

        payer_id = d.pop("payer_id")

        def _parse_reason_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason_code = _parse_reason_code(d.pop("reason_code"))

        authorization_flag_out = cls(
            check_id=check_id,
            flagged_at=flagged_at,
            order_id=order_id,
            patient_id=patient_id,
            payer_id=payer_id,
            reason_code=reason_code,
        )

        authorization_flag_out.additional_properties = d
        return authorization_flag_out

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
