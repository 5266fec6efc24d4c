from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.orders_alert_out_audience import OrdersAlertOutAudience

T = TypeVar("T", bound="OrdersAlertOut")


@_attrs_define
class OrdersAlertOut:
    """
    Attributes:
        acknowledged_at (datetime.datetime | None):
        acknowledged_by (None | str):
        audience (OrdersAlertOutAudience):
        created_at (datetime.datetime):
        drug_codes (list[str]):
        grade (int):
        id (UUID):
        order_id (UUID):
        patient_id (UUID):
        practice_id (str):
        practitioner_id (None | UUID):
        reaction_id (UUID):
    """

    acknowledged_at: datetime.datetime | None
    acknowledged_by: None | str
    audience: OrdersAlertOutAudience
    created_at: datetime.datetime
    drug_codes: list[str]
    grade: int
    id: UUID
    order_id: UUID
    patient_id: UUID
    practice_id: str
    practitioner_id: None | UUID
    reaction_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        acknowledged_at: None | str
        if isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        acknowledged_by: None | str
        acknowledged_by = self.acknowledged_by

        audience = self.audience.value

        created_at = self.created_at.isoformat()

        drug_codes = self.drug_codes

        grade = self.grade

        id = str(self.id)

        order_id = str(self.order_id)

        patient_id = str(self.patient_id)

        practice_id = self.practice_id

        practitioner_id: None | str
        if isinstance(self.practitioner_id, UUID):
            practitioner_id = str(self.practitioner_id)
        else:
            practitioner_id = self.practitioner_id

        reaction_id = str(self.reaction_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acknowledged_at": acknowledged_at,
                "acknowledged_by": acknowledged_by,
                "audience": audience,
                "created_at": created_at,
                "drug_codes": drug_codes,
                "grade": grade,
                "id": id,
                "order_id": order_id,
                "patient_id": patient_id,
                "practice_id": practice_id,
                "practitioner_id": practitioner_id,
                "reaction_id": reaction_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at"))

        def _parse_acknowledged_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        acknowledged_by = _parse_acknowledged_by(d.pop("acknowledged_by"))

        audience = OrdersAlertOutAudience(d.pop("audience"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        drug_codes = cast(list[str], d.pop("drug_codes"))

        grade = d.pop("grade")

        id = UUID(d.pop("id"))

        order_id = UUID(d.pop("order_id"))

        patient_id = UUID(d.pop("patient_id"))

        practice_id = d.pop("practice_id")

        def _parse_practitioner_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                practitioner_id_type_0 = UUID(data)

                return practitioner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        practitioner_id = _parse_practitioner_id(d.pop("practitioner_id"))

        reaction_id = UUID(d.pop("reaction_id"))

        orders_alert_out = cls(
            acknowledged_at=acknowledged_at,
            acknowledged_by=acknowledged_by,
            audience=audience,
            created_at=created_at,
            drug_codes=drug_codes,
            grade=grade,
            id=id,
            order_id=order_id,
            patient_id=patient_id,
            practice_id=practice_id,
            practitioner_id=practitioner_id,
            reaction_id=reaction_id,
        )

        orders_alert_out.additional_properties = d
        return orders_alert_out

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
