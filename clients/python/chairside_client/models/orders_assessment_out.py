from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersAssessmentOut")


@_attrs_define
class OrdersAssessmentOut:
    """
    Attributes:
        drug_code (None | str):
        headache_days (int | None):
        id (UUID):
        items (list[int]):
        kind (str):
        migraine_days (int | None):
        period_start (datetime.date | None):
        taken_on (datetime.date): calendar date, between 1900-01-01 and 2199-12-31
        total (int | None):
        grade (None | str | Unset): MIDAS grade or HIT-6 impact band
    """

    drug_code: None | str
    headache_days: int | None
    id: UUID
    items: list[int]
    kind: str
    migraine_days: int | None
    period_start: datetime.date | None
    taken_on: datetime.date
    total: int | None
    grade: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        drug_code: None | str
        drug_code = self.drug_code

        headache_days: int | None
        headache_days = self.headache_days

        id = str(self.id)

        items = self.items

        kind = self.kind

        migraine_days: int | None
        migraine_days = self.migraine_days

        period_start: None | str
        if isinstance(self.period_start, datetime.date):
            period_start = self.period_start.isoformat()
        else:
            period_start = self.period_start

        taken_on = self.taken_on.isoformat()

        total: int | None
        total = self.total

        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        else:
            grade = self.grade

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "drug_code": drug_code,
                "headache_days": headache_days,
                "id": id,
                "items": items,
                "kind": kind,
                "migraine_days": migraine_days,
                "period_start": period_start,
                "taken_on": taken_on,
                "total": total,
            }
        )
        if grade is not UNSET:
            field_dict["grade"] = grade

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_drug_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        drug_code = _parse_drug_code(d.pop("drug_code"))

        def _parse_headache_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        headache_days = _parse_headache_days(d.pop("headache_days"))

        id = UUID(d.pop("id"))

        items = cast(list[int], d.pop("items"))

        kind = d.pop("kind")

        def _parse_migraine_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        migraine_days = _parse_migraine_days(d.pop("migraine_days"))

        def _parse_period_start(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_start_type_0 = datetime.date.fromisoformat(data)

                return period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_start = _parse_period_start(d.pop("period_start"))

        taken_on = datetime.date.fromisoformat(d.pop("taken_on"))

        def _parse_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total = _parse_total(d.pop("total"))

        def _parse_grade(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))

        orders_assessment_out = cls(
            drug_code=drug_code,
            headache_days=headache_days,
            id=id,
            items=items,
            kind=kind,
            migraine_days=migraine_days,
            period_start=period_start,
            taken_on=taken_on,
            total=total,
            grade=grade,
        )

        orders_assessment_out.additional_properties = d
        return orders_assessment_out

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
