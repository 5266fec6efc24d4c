from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersEdAvoidedOut")


@_attrs_define
class OrdersEdAvoidedOut:
    """
    Attributes:
        avoided (int):
        cost_per_visit_usd (int):
        cost_source (str): 'setting' or 'default (unverified)'
        ed_returns (int):
        estimated_savings_usd (str):
        relieved (int):
        to (datetime.date | None):
        unknown (int):
        visits (int):
        from_ (datetime.date | None | Unset):
    """

    avoided: int
    cost_per_visit_usd: int
    cost_source: str
    ed_returns: int
    estimated_savings_usd: str
    relieved: int
    to: datetime.date | None
    unknown: int
    visits: int
    from_: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        avoided = self.avoided

        cost_per_visit_usd = self.cost_per_visit_usd

        cost_source = self.cost_source

        ed_returns = self.ed_returns

        estimated_savings_usd = self.estimated_savings_usd

        relieved = self.relieved

        to: None | str
        if isinstance(self.to, datetime.date):
            to = self.to.isoformat()
        else:
            to = self.to

        unknown = self.unknown

        visits = self.visits

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, datetime.date):
            from_ = self.from_.isoformat()
        else:
            from_ = self.from_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "avoided": avoided,
                "cost_per_visit_usd": cost_per_visit_usd,
                "cost_source": cost_source,
                "ed_returns": ed_returns,
                "estimated_savings_usd": estimated_savings_usd,
                "relieved": relieved,
                "to": to,
                "unknown": unknown,
                "visits": visits,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        avoided = d.pop("avoided")

        cost_per_visit_usd = d.pop("cost_per_visit_usd")

        cost_source = d.pop("cost_source")

        ed_returns = d.pop("ed_returns")

        estimated_savings_usd = d.pop("estimated_savings_usd")

        relieved = d.pop("relieved")

        def _parse_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_type_0 = datetime.date.fromisoformat(data)

                return to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        to = _parse_to(d.pop("to"))

        unknown = d.pop("unknown")

        visits = d.pop("visits")

        def _parse_from_(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = datetime.date.fromisoformat(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        orders_ed_avoided_out = cls(
            avoided=avoided,
            cost_per_visit_usd=cost_per_visit_usd,
            cost_source=cost_source,
            ed_returns=ed_returns,
            estimated_savings_usd=estimated_savings_usd,
            relieved=relieved,
            to=to,
            unknown=unknown,
            visits=visits,
            from_=from_,
        )

        orders_ed_avoided_out.additional_properties = d
        return orders_ed_avoided_out

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
