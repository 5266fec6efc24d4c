from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_coverage_patch_priority_type_0 import (
    OrdersCoveragePatchPriorityType0,
)
from ..models.orders_coverage_patch_relationship_type_0 import (
    OrdersCoveragePatchRelationshipType0,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orders_person_in import OrdersPersonIn


T = TypeVar("T", bound="OrdersCoveragePatch")


@_attrs_define
class OrdersCoveragePatch:
    """Only what changes; the result is the coverage's next version.

    Attributes:
        effective_from (datetime.date | None | Unset):
        effective_to (datetime.date | None | Unset):
        group_number (None | str | Unset):
        member_id (None | str | Unset):
        plan_id (None | str | Unset):
        priority (None | OrdersCoveragePatchPriorityType0 | Unset):
        relationship (None | OrdersCoveragePatchRelationshipType0 | Unset):
        subscriber (None | OrdersPersonIn | Unset):
        version (int | None | Unset): The version the change is based on (409 if the coverage moved on)
    """

    effective_from: datetime.date | None | Unset = UNSET
    effective_to: datetime.date | None | Unset = UNSET
    group_number: None | str | Unset = UNSET
    member_id: None | str | Unset = UNSET
    plan_id: None | str | Unset = UNSET
    priority: None | OrdersCoveragePatchPriorityType0 | Unset = UNSET
    relationship: None | OrdersCoveragePatchRelationshipType0 | Unset = UNSET
    subscriber: None | OrdersPersonIn | Unset = UNSET
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.orders_person_in import OrdersPersonIn  # noqa: PLC0415

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

        member_id: None | str | Unset
        if isinstance(self.member_id, Unset):
            member_id = UNSET
        else:
            member_id = self.member_id

        plan_id: None | str | Unset
        if isinstance(self.plan_id, Unset):
            plan_id = UNSET
        else:
            plan_id = self.plan_id

        priority: None | str | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        elif isinstance(self.priority, OrdersCoveragePatchPriorityType0):
            priority = self.priority.value
        else:
            priority = self.priority

        relationship: None | str | Unset
        if isinstance(self.relationship, Unset):
            relationship = UNSET
        elif isinstance(self.relationship, OrdersCoveragePatchRelationshipType0):
            relationship = self.relationship.value
        else:
            relationship = self.relationship

        subscriber: dict[str, Any] | None | Unset
        if isinstance(self.subscriber, Unset):
            subscriber = UNSET
        elif isinstance(self.subscriber, OrdersPersonIn):
            subscriber = self.subscriber.to_dict()
        else:
            subscriber = self.subscriber

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if effective_to is not UNSET:
            field_dict["effective_to"] = effective_to
        if group_number is not UNSET:
            field_dict["group_number"] = group_number
        if member_id is not UNSET:
            field_dict["member_id"] = member_id
        if plan_id is not UNSET:
            field_dict["plan_id"] = plan_id
        if priority is not UNSET:
            field_dict["priority"] = priority
        if relationship is not UNSET:
            field_dict["relationship"] = relationship
        if subscriber is not UNSET:
            field_dict["subscriber"] = subscriber
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_person_in import OrdersPersonIn  # noqa: PLC0415

        d = dict(src_dict)

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

        def _parse_member_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        member_id = _parse_member_id(d.pop("member_id", UNSET))

        def _parse_plan_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan_id = _parse_plan_id(d.pop("plan_id", UNSET))

        def _parse_priority(data: object) -> None | OrdersCoveragePatchPriorityType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                priority_type_0 = OrdersCoveragePatchPriorityType0(data)

                return priority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersCoveragePatchPriorityType0 | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        def _parse_relationship(
            data: object,
        ) -> None | OrdersCoveragePatchRelationshipType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                relationship_type_0 = OrdersCoveragePatchRelationshipType0(data)

                return relationship_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersCoveragePatchRelationshipType0 | Unset, data)

        relationship = _parse_relationship(d.pop("relationship", UNSET))

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

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        orders_coverage_patch = cls(
            effective_from=effective_from,
            effective_to=effective_to,
            group_number=group_number,
            member_id=member_id,
            plan_id=plan_id,
            priority=priority,
            relationship=relationship,
            subscriber=subscriber,
            version=version,
        )

        return orders_coverage_patch
