from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.orders_coverage_out_priority import OrdersCoverageOutPriority
from ..models.orders_coverage_out_relationship import OrdersCoverageOutRelationship
from ..models.orders_coverage_out_status import OrdersCoverageOutStatus

if TYPE_CHECKING:
    from ..models.orders_person_out import OrdersPersonOut


T = TypeVar("T", bound="OrdersCoverageOut")


@_attrs_define
class OrdersCoverageOut:
    """
    Attributes:
        effective_from (datetime.date | None):
        effective_to (datetime.date | None):
        group_number (None | str):
        id (UUID):
        member_id (str):
        patient_id (UUID):
        payer_id (str):
        plan_id (None | str):
        priority (OrdersCoverageOutPriority):
        relationship (OrdersCoverageOutRelationship):
        status (OrdersCoverageOutStatus):
        subscriber (None | OrdersPersonOut):
        version (int):
    """

    effective_from: datetime.date | None
    effective_to: datetime.date | None
    group_number: None | str
    id: UUID
    member_id: str
    patient_id: UUID
    payer_id: str
    plan_id: None | str
    priority: OrdersCoverageOutPriority
    relationship: OrdersCoverageOutRelationship
    status: OrdersCoverageOutStatus
    subscriber: None | OrdersPersonOut
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.orders_person_out import OrdersPersonOut  # noqa: PLC0415

        effective_from: None | str
        if isinstance(self.effective_from, datetime.date):
            effective_from = self.effective_from.isoformat()
        else:
            effective_from = self.effective_from

        effective_to: None | str
        if isinstance(self.effective_to, datetime.date):
            effective_to = self.effective_to.isoformat()
        else:
            effective_to = self.effective_to

        group_number: None | str
        group_number = self.group_number

        id = str(self.id)

        member_id = self.member_id

        patient_id = str(self.patient_id)

        payer_id = self.payer_id

        plan_id: None | str
        plan_id = self.plan_id

        priority = self.priority.value

        relationship = self.relationship.value

        status = self.status.value

        subscriber: dict[str, Any] | None
        if isinstance(self.subscriber, OrdersPersonOut):
            subscriber = self.subscriber.to_dict()
        else:
            subscriber = self.subscriber

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "effective_from": effective_from,
                "effective_to": effective_to,
                "group_number": group_number,
                "id": id,
                "member_id": member_id,
                "patient_id": patient_id,
                "payer_id": payer_id,
                "plan_id": plan_id,
                "priority": priority,
                "relationship": relationship,
                "status": status,
                "subscriber": subscriber,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_person_out import OrdersPersonOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_effective_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_from_type_0 = datetime.date.fromisoformat(data)

                return effective_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        effective_from = _parse_effective_from(d.pop("effective_from"))

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

        def _parse_group_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        group_number = _parse_group_number(d.pop("group_number"))

        id = UUID(d.pop("id"))

        member_id = d.pop("member_id")

        patient_id = UUID(d.pop("patient_id"))

        payer_id = d.pop("payer_id")

        def _parse_plan_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        plan_id = _parse_plan_id(d.pop("plan_id"))

        priority = OrdersCoverageOutPriority(d.pop("priority"))

        relationship = OrdersCoverageOutRelationship(d.pop("relationship"))

        status = OrdersCoverageOutStatus(d.pop("status"))

        def _parse_subscriber(data: object) -> None | OrdersPersonOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                subscriber_type_0 = OrdersPersonOut.from_dict(data)

                return subscriber_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersPersonOut, data)

        subscriber = _parse_subscriber(d.pop("subscriber"))

        version = d.pop("version")

        orders_coverage_out = cls(
            effective_from=effective_from,
            effective_to=effective_to,
            group_number=group_number,
            id=id,
            member_id=member_id,
            patient_id=patient_id,
            payer_id=payer_id,
            plan_id=plan_id,
            priority=priority,
            relationship=relationship,
            status=status,
            subscriber=subscriber,
            version=version,
        )

        orders_coverage_out.additional_properties = d
        return orders_coverage_out

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
