from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReimbursementReferralRowOut")


@_attrs_define
class ReimbursementReferralRowOut:
    """
    Attributes:
        appointments_ended (int): appointments kept or missed (no-show)
        conversion_rate (None | str): converted / received
        converted_to_visits (int): of those, orders given (administered)
        median_days_to_chair (None | str): days from signing to the first chair (appointment started or first drug
            started), median over the orders that reached a chair
        no_show_rate (None | str): no-shows / appointments ended
        no_shows (int):
        orders_received (int): orders the practice signed in the period
        p90_days_to_chair (None | str):
        pa_approval_rate (None | str): approved / decided (latest decision)
        pa_approved (int):
        pa_decided (int): orders with a payer decision on prior authorization
        period_end (datetime.date): last day of the period, inclusive
        period_start (datetime.date):
        practice_id (str):
        reached_chair (int): orders whose patient sat in a chair
    """

    appointments_ended: int
    conversion_rate: None | str
    converted_to_visits: int
    median_days_to_chair: None | str
    no_show_rate: None | str
    no_shows: int
    orders_received: int
    p90_days_to_chair: None | str
    pa_approval_rate: None | str
    pa_approved: int
    pa_decided: int
    period_end: datetime.date
    period_start: datetime.date
    practice_id: str
    reached_chair: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appointments_ended = self.appointments_ended

        conversion_rate: None | str
        conversion_rate = self.conversion_rate

        converted_to_visits = self.converted_to_visits

        median_days_to_chair: None | str
        median_days_to_chair = self.median_days_to_chair

        no_show_rate: None | str
        no_show_rate = self.no_show_rate

        no_shows = self.no_shows

        orders_received = self.orders_received

        p90_days_to_chair: None | str
        p90_days_to_chair = self.p90_days_to_chair

        pa_approval_rate: None | str
        pa_approval_rate = self.pa_approval_rate

        pa_approved = self.pa_approved

        pa_decided = self.pa_decided

        period_end = self.period_end.isoformat()

        period_start = self.period_start.isoformat()

        practice_id = self.practice_id

        reached_chair = self.reached_chair

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appointments_ended": appointments_ended,
                "conversion_rate": conversion_rate,
                "converted_to_visits": converted_to_visits,
                "median_days_to_chair": median_days_to_chair,
                "no_show_rate": no_show_rate,
                "no_shows": no_shows,
                "orders_received": orders_received,
                "p90_days_to_chair": p90_days_to_chair,
                "pa_approval_rate": pa_approval_rate,
                "pa_approved": pa_approved,
                "pa_decided": pa_decided,
                "period_end": period_end,
                "period_start": period_start,
                "practice_id": practice_id,
                "reached_chair": reached_chair,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        appointments_ended = d.pop("appointments_ended")

        def _parse_conversion_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        conversion_rate = _parse_conversion_rate(d.pop("conversion_rate"))

        converted_to_visits = d.pop("converted_to_visits")

        def _parse_median_days_to_chair(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        median_days_to_chair = _parse_median_days_to_chair(d.pop("median_days_to_chair"))

        def _parse_no_show_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        no_show_rate = _parse_no_show_rate(d.pop("no_show_rate"))

        no_shows = d.pop("no_shows")

        orders_received = d.pop("orders_received")

        def _parse_p90_days_to_chair(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        p90_days_to_chair = _parse_p90_days_to_chair(d.pop("p90_days_to_chair"))

        def _parse_pa_approval_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pa_approval_rate = _parse_pa_approval_rate(d.pop("pa_approval_rate"))

        pa_approved = d.pop("pa_approved")

        pa_decided = d.pop("pa_decided")

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        practice_id = d.pop("practice_id")

        reached_chair = d.pop("reached_chair")

        reimbursement_referral_row_out = cls(
            appointments_ended=appointments_ended,
            conversion_rate=conversion_rate,
            converted_to_visits=converted_to_visits,
            median_days_to_chair=median_days_to_chair,
            no_show_rate=no_show_rate,
            no_shows=no_shows,
            orders_received=orders_received,
            p90_days_to_chair=p90_days_to_chair,
            pa_approval_rate=pa_approval_rate,
            pa_approved=pa_approved,
            pa_decided=pa_decided,
            period_end=period_end,
            period_start=period_start,
            practice_id=practice_id,
            reached_chair=reached_chair,
        )

        reimbursement_referral_row_out.additional_properties = d
        return reimbursement_referral_row_out

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
