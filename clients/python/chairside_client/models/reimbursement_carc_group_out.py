from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_denial_out import ReimbursementDenialOut


T = TypeVar("T", bound="ReimbursementCarcGroupOut")


@_attrs_define
class ReimbursementCarcGroupOut:
    """
    Attributes:
        action (str):
        action_label (str):
        amount (str):
        carc (str):
        claims (int):
        earliest_act_by (datetime.date | None):
        items (list[ReimbursementDenialOut]):
        meaning (str):
    """

    action: str
    action_label: str
    amount: str
    carc: str
    claims: int
    earliest_act_by: datetime.date | None
    items: list[ReimbursementDenialOut]
    meaning: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        action_label = self.action_label

        amount = self.amount

        carc = self.carc

        claims = self.claims

        earliest_act_by: None | str
        if isinstance(self.earliest_act_by, datetime.date):
            earliest_act_by = self.earliest_act_by.isoformat()
        else:
            earliest_act_by = self.earliest_act_by

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        meaning = self.meaning

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "action_label": action_label,
                "amount": amount,
                "carc": carc,
                "claims": claims,
                "earliest_act_by": earliest_act_by,
                "items": items,
                "meaning": meaning,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_denial_out import ReimbursementDenialOut  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        action_label = d.pop("action_label")

        amount = d.pop("amount")

        carc = d.pop("carc")

        claims = d.pop("claims")

        def _parse_earliest_act_by(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                earliest_act_by_type_0 = datetime.date.fromisoformat(data)

                return earliest_act_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        earliest_act_by = _parse_earliest_act_by(d.pop("earliest_act_by"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ReimbursementDenialOut.from_dict(items_item_data)

            items.append(items_item)

        meaning = d.pop("meaning")

        reimbursement_carc_group_out = cls(
            action=action,
            action_label=action_label,
            amount=amount,
            carc=carc,
            claims=claims,
            earliest_act_by=earliest_act_by,
            items=items,
            meaning=meaning,
        )

        reimbursement_carc_group_out.additional_properties = d
        return reimbursement_carc_group_out

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
