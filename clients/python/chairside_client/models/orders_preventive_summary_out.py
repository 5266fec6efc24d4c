from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.orders_ahs_out import OrdersAhsOut


T = TypeVar("T", bound="OrdersPreventiveSummaryOut")


@_attrs_define
class OrdersPreventiveSummaryOut:
    """
    Attributes:
        ahs_2021 (OrdersAhsOut):
        baseline_headache_days (float | None):
        baseline_migraine_days (float | None):
        current_headache_days (float | None):
        current_migraine_days (float | None):
        drug_code (None | str):
        first_dose (datetime.date | None):
        headache_days_change_pct (float | None):
        hit6_band (None | str):
        hit6_baseline (int | None):
        hit6_current (int | None):
        midas_baseline (int | None):
        midas_current (int | None):
        midas_grade (None | str):
        migraine_days_change_pct (float | None):
        renewal_ready (bool | None):
        renewal_threshold_pct (int):
    """

    ahs_2021: OrdersAhsOut
    baseline_headache_days: float | None
    baseline_migraine_days: float | None
    current_headache_days: float | None
    current_migraine_days: float | None
    drug_code: None | str
    first_dose: datetime.date | None
    headache_days_change_pct: float | None
    hit6_band: None | str
    hit6_baseline: int | None
    hit6_current: int | None
    midas_baseline: int | None
    midas_current: int | None
    midas_grade: None | str
    migraine_days_change_pct: float | None
    renewal_ready: bool | None
    renewal_threshold_pct: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ahs_2021 = self.ahs_2021.to_dict()

        baseline_headache_days: float | None
        baseline_headache_days = self.baseline_headache_days

        baseline_migraine_days: float | None
        baseline_migraine_days = self.baseline_migraine_days

        current_headache_days: float | None
        current_headache_days = self.current_headache_days

        current_migraine_days: float | None
        current_migraine_days = self.current_migraine_days

        drug_code: None | str
        drug_code = self.drug_code

        first_dose: None | str
        if isinstance(self.first_dose, datetime.date):
            first_dose = self.first_dose.isoformat()
        else:
            first_dose = self.first_dose

        headache_days_change_pct: float | None
        headache_days_change_pct = self.headache_days_change_pct

        hit6_band: None | str
        hit6_band = self.hit6_band

        hit6_baseline: int | None
        hit6_baseline = self.hit6_baseline

        hit6_current: int | None
        hit6_current = self.hit6_current

        midas_baseline: int | None
        midas_baseline = self.midas_baseline

        midas_current: int | None
        midas_current = self.midas_current

        midas_grade: None | str
        midas_grade = self.midas_grade

        migraine_days_change_pct: float | None
        migraine_days_change_pct = self.migraine_days_change_pct

        renewal_ready: bool | None
        renewal_ready = self.renewal_ready

        renewal_threshold_pct = self.renewal_threshold_pct

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ahs_2021": ahs_2021,
                "baseline_headache_days": baseline_headache_days,
                "baseline_migraine_days": baseline_migraine_days,
                "current_headache_days": current_headache_days,
                "current_migraine_days": current_migraine_days,
                "drug_code": drug_code,
                "first_dose": first_dose,
                "headache_days_change_pct": headache_days_change_pct,
                "hit6_band": hit6_band,
                "hit6_baseline": hit6_baseline,
                "hit6_current": hit6_current,
                "midas_baseline": midas_baseline,
                "midas_current": midas_current,
                "midas_grade": midas_grade,
                "migraine_days_change_pct": migraine_days_change_pct,
                "renewal_ready": renewal_ready,
                "renewal_threshold_pct": renewal_threshold_pct,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_ahs_out import OrdersAhsOut  # noqa: PLC0415

        d = dict(src_dict)
        ahs_2021 = OrdersAhsOut.from_dict(d.pop("ahs_2021"))

        def _parse_baseline_headache_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        baseline_headache_days = _parse_baseline_headache_days(d.pop("baseline_headache_days"))

        def _parse_baseline_migraine_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        baseline_migraine_days = _parse_baseline_migraine_days(d.pop("baseline_migraine_days"))

        def _parse_current_headache_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        current_headache_days = _parse_current_headache_days(d.pop("current_headache_days"))

        def _parse_current_migraine_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        current_migraine_days = _parse_current_migraine_days(d.pop("current_migraine_days"))

        def _parse_drug_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        drug_code = _parse_drug_code(d.pop("drug_code"))

        def _parse_first_dose(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_dose_type_0 = datetime.date.fromisoformat(data)

                return first_dose_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        first_dose = _parse_first_dose(d.pop("first_dose"))

        def _parse_headache_days_change_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        headache_days_change_pct = _parse_headache_days_change_pct(
            d.pop("headache_days_change_pct")
        )

        def _parse_hit6_band(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hit6_band = _parse_hit6_band(d.pop("hit6_band"))

        def _parse_hit6_baseline(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        hit6_baseline = _parse_hit6_baseline(d.pop("hit6_baseline"))

        def _parse_hit6_current(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        hit6_current = _parse_hit6_current(d.pop("hit6_current"))

        def _parse_midas_baseline(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        midas_baseline = _parse_midas_baseline(d.pop("midas_baseline"))

        def _parse_midas_current(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        midas_current = _parse_midas_current(d.pop("midas_current"))

        def _parse_midas_grade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        midas_grade = _parse_midas_grade(d.pop("midas_grade"))

        def _parse_migraine_days_change_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        migraine_days_change_pct = _parse_migraine_days_change_pct(
            d.pop("migraine_days_change_pct")
        )

        def _parse_renewal_ready(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        renewal_ready = _parse_renewal_ready(d.pop("renewal_ready"))

        renewal_threshold_pct = d.pop("renewal_threshold_pct")

        orders_preventive_summary_out = cls(
            ahs_2021=ahs_2021,
            baseline_headache_days=baseline_headache_days,
            baseline_migraine_days=baseline_migraine_days,
            current_headache_days=current_headache_days,
            current_migraine_days=current_migraine_days,
            drug_code=drug_code,
            first_dose=first_dose,
            headache_days_change_pct=headache_days_change_pct,
            hit6_band=hit6_band,
            hit6_baseline=hit6_baseline,
            hit6_current=hit6_current,
            midas_baseline=midas_baseline,
            midas_current=midas_current,
            midas_grade=midas_grade,
            migraine_days_change_pct=migraine_days_change_pct,
            renewal_ready=renewal_ready,
            renewal_threshold_pct=renewal_threshold_pct,
        )

        orders_preventive_summary_out.additional_properties = d
        return orders_preventive_summary_out

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
