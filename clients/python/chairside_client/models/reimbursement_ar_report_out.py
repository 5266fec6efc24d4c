from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_ar_report_out_aging_item import (
        ReimbursementArReportOutAgingItem,
    )


T = TypeVar("T", bound="ReimbursementArReportOut")


@_attrs_define
class ReimbursementArReportOut:
    """
    Attributes:
        aging (list[ReimbursementArReportOutAgingItem]):
        any_denial_rate (None | str):
        average_daily_revenue (str):
        days_in_ar (None | str):
        denial_rate (None | str):
        denied_charge_rate (None | str):
        from_ (datetime.date):
        open_claims (int):
        outstanding (str):
        to (datetime.date):
        waste_cost (str):
    """

    aging: list[ReimbursementArReportOutAgingItem]
    any_denial_rate: None | str
    average_daily_revenue: str
    days_in_ar: None | str
    denial_rate: None | str
    denied_charge_rate: None | str
    from_: datetime.date
    open_claims: int
    outstanding: str
    to: datetime.date
    waste_cost: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aging = []
        for aging_item_data in self.aging:
            aging_item = aging_item_data.to_dict()
            aging.append(aging_item)

        any_denial_rate: None | str
        any_denial_rate = self.any_denial_rate

        average_daily_revenue = self.average_daily_revenue

        days_in_ar: None | str
        days_in_ar = self.days_in_ar

        denial_rate: None | str
        denial_rate = self.denial_rate

        denied_charge_rate: None | str
        denied_charge_rate = self.denied_charge_rate

        from_ = self.from_.isoformat()

        open_claims = self.open_claims

        outstanding = self.outstanding

        to = self.to.isoformat()

        waste_cost = self.waste_cost

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "aging": aging,
                "any_denial_rate": any_denial_rate,
                "average_daily_revenue": average_daily_revenue,
                "days_in_ar": days_in_ar,
                "denial_rate": denial_rate,
                "denied_charge_rate": denied_charge_rate,
                "from": from_,
                "open_claims": open_claims,
                "outstanding": outstanding,
                "to": to,
                "waste_cost": waste_cost,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_ar_report_out_aging_item import (
            ReimbursementArReportOutAgingItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        aging = []
        _aging = d.pop("aging")
        for aging_item_data in _aging:
            aging_item = ReimbursementArReportOutAgingItem.from_dict(aging_item_data)

            aging.append(aging_item)

        def _parse_any_denial_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        any_denial_rate = _parse_any_denial_rate(d.pop("any_denial_rate"))

        average_daily_revenue = d.pop("average_daily_revenue")

        def _parse_days_in_ar(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        days_in_ar = _parse_days_in_ar(d.pop("days_in_ar"))

        def _parse_denial_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        denial_rate = _parse_denial_rate(d.pop("denial_rate"))

        def _parse_denied_charge_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        denied_charge_rate = _parse_denied_charge_rate(d.pop("denied_charge_rate"))

        from_ = datetime.date.fromisoformat(d.pop("from"))

        open_claims = d.pop("open_claims")

        outstanding = d.pop("outstanding")

        to = datetime.date.fromisoformat(d.pop("to"))

        waste_cost = d.pop("waste_cost")

        reimbursement_ar_report_out = cls(
            aging=aging,
            any_denial_rate=any_denial_rate,
            average_daily_revenue=average_daily_revenue,
            days_in_ar=days_in_ar,
            denial_rate=denial_rate,
            denied_charge_rate=denied_charge_rate,
            from_=from_,
            open_claims=open_claims,
            outstanding=outstanding,
            to=to,
            waste_cost=waste_cost,
        )

        reimbursement_ar_report_out.additional_properties = d
        return reimbursement_ar_report_out

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
