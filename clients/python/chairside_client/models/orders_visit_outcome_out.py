from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.orders_acute_outcome_out import OrdersAcuteOutcomeOut
    from ..models.orders_follow_up_out import OrdersFollowUpOut
    from ..models.orders_pain_score_out import OrdersPainScoreOut


T = TypeVar("T", bound="OrdersVisitOutcomeOut")


@_attrs_define
class OrdersVisitOutcomeOut:
    """
    Attributes:
        follow_ups (list[OrdersFollowUpOut]):
        order_id (UUID):
        outcome (OrdersAcuteOutcomeOut):
        rules_version (int):
        scores (list[OrdersPainScoreOut]):
    """

    follow_ups: list[OrdersFollowUpOut]
    order_id: UUID
    outcome: OrdersAcuteOutcomeOut
    rules_version: int
    scores: list[OrdersPainScoreOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        follow_ups = []
        for follow_ups_item_data in self.follow_ups:
            follow_ups_item = follow_ups_item_data.to_dict()
            follow_ups.append(follow_ups_item)

        order_id = str(self.order_id)

        outcome = self.outcome.to_dict()

        rules_version = self.rules_version

        scores = []
        for scores_item_data in self.scores:
            scores_item = scores_item_data.to_dict()
            scores.append(scores_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "follow_ups": follow_ups,
                "order_id": order_id,
                "outcome": outcome,
                "rules_version": rules_version,
                "scores": scores,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_acute_outcome_out import OrdersAcuteOutcomeOut  # noqa: PLC0415
        from ..models.orders_follow_up_out import OrdersFollowUpOut  # noqa: PLC0415
        from ..models.orders_pain_score_out import OrdersPainScoreOut  # noqa: PLC0415

        d = dict(src_dict)
        follow_ups = []
        _follow_ups = d.pop("follow_ups")
        for follow_ups_item_data in _follow_ups:
            follow_ups_item = OrdersFollowUpOut.from_dict(follow_ups_item_data)

            follow_ups.append(follow_ups_item)

        order_id = UUID(d.pop("order_id"))

        outcome = OrdersAcuteOutcomeOut.from_dict(d.pop("outcome"))

        rules_version = d.pop("rules_version")

        scores = []
        _scores = d.pop("scores")
        for scores_item_data in _scores:
            scores_item = OrdersPainScoreOut.from_dict(scores_item_data)

            scores.append(scores_item)

        orders_visit_outcome_out = cls(
            follow_ups=follow_ups,
            order_id=order_id,
            outcome=outcome,
            rules_version=rules_version,
            scores=scores,
        )

        orders_visit_outcome_out.additional_properties = d
        return orders_visit_outcome_out

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
