from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_assessment_in_kind import OrdersAssessmentInKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersAssessmentIn")


@_attrs_define
class OrdersAssessmentIn:
    """
    Attributes:
        kind (OrdersAssessmentInKind):
        taken_on (datetime.date): Day of the questionnaire; a diary's last day
        drug_code (None | str | Unset): The preventive this assessment follows
        headache_days (int | None | Unset):
        items (list[int] | Unset): MIDAS: 5 day counts; HIT-6: 6 answers (6/8/10/11/13)
        migraine_days (int | None | Unset):
        period_start (datetime.date | None | Unset): A diary's first day
    """

    kind: OrdersAssessmentInKind
    taken_on: datetime.date
    drug_code: None | str | Unset = UNSET
    headache_days: int | None | Unset = UNSET
    items: list[int] | Unset = UNSET
    migraine_days: int | None | Unset = UNSET
    period_start: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        taken_on = self.taken_on.isoformat()

        drug_code: None | str | Unset
        if isinstance(self.drug_code, Unset):
            drug_code = UNSET
        else:
            drug_code = self.drug_code

        headache_days: int | None | Unset
        if isinstance(self.headache_days, Unset):
            headache_days = UNSET
        else:
            headache_days = self.headache_days

        items: list[int] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = self.items

        migraine_days: int | None | Unset
        if isinstance(self.migraine_days, Unset):
            migraine_days = UNSET
        else:
            migraine_days = self.migraine_days

        period_start: None | str | Unset
        if isinstance(self.period_start, Unset):
            period_start = UNSET
        elif isinstance(self.period_start, datetime.date):
            period_start = self.period_start.isoformat()
        else:
            period_start = self.period_start

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "taken_on": taken_on,
            }
        )
        if drug_code is not UNSET:
            field_dict["drug_code"] = drug_code
        if headache_days is not UNSET:
            field_dict["headache_days"] = headache_days
        if items is not UNSET:
            field_dict["items"] = items
        if migraine_days is not UNSET:
            field_dict["migraine_days"] = migraine_days
        if period_start is not UNSET:
            field_dict["period_start"] = period_start

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = OrdersAssessmentInKind(d.pop("kind"))

        taken_on = datetime.date.fromisoformat(d.pop("taken_on"))

        def _parse_drug_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        drug_code = _parse_drug_code(d.pop("drug_code", UNSET))

        def _parse_headache_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        headache_days = _parse_headache_days(d.pop("headache_days", UNSET))

        items = cast(list[int], d.pop("items", UNSET))

        def _parse_migraine_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        migraine_days = _parse_migraine_days(d.pop("migraine_days", UNSET))

        def _parse_period_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_start_type_0 = datetime.date.fromisoformat(data)

                return period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        period_start = _parse_period_start(d.pop("period_start", UNSET))

        orders_assessment_in = cls(
            kind=kind,
            taken_on=taken_on,
            drug_code=drug_code,
            headache_days=headache_days,
            items=items,
            migraine_days=migraine_days,
            period_start=period_start,
        )

        return orders_assessment_in
