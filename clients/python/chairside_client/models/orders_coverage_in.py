from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_coverage_in_priority import OrdersCoverageInPriority
from ..models.orders_coverage_in_relationship import OrdersCoverageInRelationship
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orders_person_in import OrdersPersonIn


T = TypeVar("T", bound="OrdersCoverageIn")


@_attrs_define
class OrdersCoverageIn:
    """
    Attributes:
        member_id (str):
        payer_id (str):
        effective_from (datetime.date | None | Unset):
        effective_to (datetime.date | None | Unset):
        group_number (None | str | Unset):
        plan_id (None | str | Unset):
        priority (OrdersCoverageInPriority | Unset):  Default: OrdersCoverageInPriority.PRIMARY.
        relationship (OrdersCoverageInRelationship | Unset): The patient's relationship to the subscriber Default:
            OrdersCoverageInRelationship.SELF.
        subscriber (None | OrdersPersonIn | Unset): The subscriber's own demographics: required unless relationship is
            self
    """

    member_id: str
    payer_id: str
    effective_from: datetime.date | None | Unset = UNSET
    effective_to: datetime.date | None | Unset = UNSET
    group_number: None | str | Unset = UNSET
    plan_id: None | str | Unset = UNSET
    priority: OrdersCoverageInPriority | Unset = OrdersCoverageInPriority.PRIMARY
    relationship: OrdersCoverageInRelationship | Unset = OrdersCoverageInRelationship.SELF
    subscriber: None | OrdersPersonIn | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.orders_person_in import OrdersPersonIn  # noqa: PLC0415

        member_id = self.member_id

        payer_id = self.payer_id

        effective_from: None | str | Unset
        if isinstance(self.effective_from, Unset):
            effective_from = UNSET
        elif isinstance(self.effective_from, datetime.date):
            effective_from = self.effective_from.isoformat()
        else:
            effective_from = self.effective_from

        effective_to: None | str | Unset
        if isinstance(self.effective_to, Unset):
            effective_to = UNSET
        elif isinstance(self.effective_to, datetime.date):
            effective_to = self.effective_to.isoformat()
        else:
            effective_to = self.effective_to

        group_number: None | str | Unset
        if isinstance(self.group_number, Unset):
            group_number = UNSET
        else:
            group_number = self.group_number

        plan_id: None | str | Unset
        if isinstance(self.plan_id, Unset):
            plan_id = UNSET
        else:
            plan_id = self.plan_id

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value

        relationship: str | Unset = UNSET
        if not isinstance(self.relationship, Unset):
            relationship = self.relationship.value

        subscriber: dict[str, Any] | None | Unset
        if isinstance(self.subscriber, Unset):
            subscriber = UNSET
        elif isinstance(self.subscriber, OrdersPersonIn):
            subscriber = self.subscriber.to_dict()
        else:
            subscriber = self.subscriber

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
                "payer_id": payer_id,
            }
        )
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if effective_to is not UNSET:
            field_dict["effective_to"] = effective_to
        if group_number is not UNSET:
            field_dict["group_number"] = group_number
        if plan_id is not UNSET:
            field_dict["plan_id"] = plan_id
        if priority is not UNSET:
            field_dict["priority"] = priority
        if relationship is not UNSET:
            field_dict["relationship"] = relationship
        if subscriber is not UNSET:
            field_dict["subscriber"] = subscriber

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_person_in import OrdersPersonIn  # noqa: PLC0415

        d = dict(src_dict)
        member_id = d.pop("member_id")

        payer_id = d.pop("payer_id")

        def _parse_effective_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_from_type_0 = datetime.date.fromisoformat(data)

                return effective_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_from = _parse_effective_from(d.pop("effective_from", UNSET))

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

        def _parse_group_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group_number = _parse_group_number(d.pop("group_number", UNSET))

        def _parse_plan_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan_id = _parse_plan_id(d.pop("plan_id", UNSET))

        _priority = d.pop("priority", UNSET)
        priority: OrdersCoverageInPriority | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = OrdersCoverageInPriority(_priority)

        _relationship = d.pop("relationship", UNSET)
        relationship: OrdersCoverageInRelationship | Unset
        if isinstance(_relationship, Unset):
            relationship = UNSET
        else:
            relationship = OrdersCoverageInRelationship(_relationship)

        def _parse_subscriber(data: object) -> None | OrdersPersonIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                subscriber_type_0 = OrdersPersonIn.from_dict(data)

                return subscriber_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersPersonIn | Unset, data)

        subscriber = _parse_subscriber(d.pop("subscriber", UNSET))

        orders_coverage_in = cls(
            member_id=member_id,
            payer_id=payer_id,
            effective_from=effective_from,
            effective_to=effective_to,
            group_number=group_number,
            plan_id=plan_id,
            priority=priority,
            relationship=relationship,
            subscriber=subscriber,
        )

        return orders_coverage_in
