from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orders_criterion_out import OrdersCriterionOut


T = TypeVar("T", bound="OrdersDischargeOut")


@_attrs_define
class OrdersDischargeOut:
    """
    Attributes:
        criteria (list[OrdersCriterionOut]):
        order_id (UUID):
        ready (bool):
        recheck_at (datetime.datetime | None):
        thresholds_version (int):
        unmet (list[str]):
        check_id (None | Unset | UUID):
        checked_at (datetime.datetime | None | Unset):
    """

    criteria: list[OrdersCriterionOut]
    order_id: UUID
    ready: bool
    recheck_at: datetime.datetime | None
    thresholds_version: int
    unmet: list[str]
    check_id: None | Unset | UUID = UNSET
    checked_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        order_id = str(self.order_id)

        ready = self.ready

        recheck_at: None | str
        if isinstance(self.recheck_at, datetime.datetime):
            recheck_at = self.recheck_at.isoformat()
        else:
            recheck_at = self.recheck_at

        thresholds_version = self.thresholds_version

        unmet = self.unmet

        check_id: None | str | Unset
        if isinstance(self.check_id, Unset):
            check_id = UNSET
        elif isinstance(self.check_id, UUID):
            check_id = str(self.check_id)
        else:
            check_id = self.check_id

        checked_at: None | str | Unset
        if isinstance(self.checked_at, Unset):
            checked_at = UNSET
        elif isinstance(self.checked_at, datetime.datetime):
            checked_at = self.checked_at.isoformat()
        else:
            checked_at = self.checked_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "criteria": criteria,
                "order_id": order_id,
                "ready": ready,
                "recheck_at": recheck_at,
                "thresholds_version": thresholds_version,
                "unmet": unmet,
            }
        )
        if check_id is not UNSET:
            field_dict["check_id"] = check_id
        if checked_at is not UNSET:
            field_dict["checked_at"] = checked_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_criterion_out import OrdersCriterionOut  # noqa: PLC0415

        d = dict(src_dict)
        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = OrdersCriterionOut.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        order_id = UUID(d.pop("order_id"))

        ready = d.pop("ready")

        def _parse_recheck_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recheck_at_type_0 = datetime.datetime.fromisoformat(data)

                return recheck_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        recheck_at = _parse_recheck_at(d.pop("recheck_at"))

        thresholds_version = d.pop("thresholds_version")

        unmet = cast(list[str], d.pop("unmet"))

        def _parse_check_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                check_id_type_0 = UUID(data)

                return check_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        check_id = _parse_check_id(d.pop("check_id", UNSET))

        def _parse_checked_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checked_at_type_0 = datetime.datetime.fromisoformat(data)

                return checked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        checked_at = _parse_checked_at(d.pop("checked_at", UNSET))

        orders_discharge_out = cls(
            criteria=criteria,
            order_id=order_id,
            ready=ready,
            recheck_at=recheck_at,
            thresholds_version=thresholds_version,
            unmet=unmet,
            check_id=check_id,
            checked_at=checked_at,
        )

        orders_discharge_out.additional_properties = d
        return orders_discharge_out

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
