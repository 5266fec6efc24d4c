from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.orders_protocol_line_in_mode import OrdersProtocolLineInMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orders_dose_rule_in import OrdersDoseRuleIn


T = TypeVar("T", bound="OrdersProtocolLineIn")


@_attrs_define
class OrdersProtocolLineIn:
    """
    Attributes:
        dose_rule (OrdersDoseRuleIn):
        drug_code (str):
        minutes (int):
        mode (OrdersProtocolLineInMode):
        sequence (int):
        wait_after_minutes (int | Unset):  Default: 0.
        with_previous (bool | Unset):  Default: False.
    """

    dose_rule: OrdersDoseRuleIn
    drug_code: str
    minutes: int
    mode: OrdersProtocolLineInMode
    sequence: int
    wait_after_minutes: int | Unset = 0
    with_previous: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        dose_rule = self.dose_rule.to_dict()

        drug_code = self.drug_code

        minutes = self.minutes

        mode = self.mode.value

        sequence = self.sequence

        wait_after_minutes = self.wait_after_minutes

        with_previous = self.with_previous

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dose_rule": dose_rule,
                "drug_code": drug_code,
                "minutes": minutes,
                "mode": mode,
                "sequence": sequence,
            }
        )
        if wait_after_minutes is not UNSET:
            field_dict["wait_after_minutes"] = wait_after_minutes
        if with_previous is not UNSET:
            field_dict["with_previous"] = with_previous

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_dose_rule_in import OrdersDoseRuleIn  # noqa: PLC0415

        d = dict(src_dict)
        dose_rule = OrdersDoseRuleIn.from_dict(d.pop("dose_rule"))

        drug_code = d.pop("drug_code")

        minutes = d.pop("minutes")

        mode = OrdersProtocolLineInMode(d.pop("mode"))

        sequence = d.pop("sequence")

        wait_after_minutes = d.pop("wait_after_minutes", UNSET)

        with_previous = d.pop("with_previous", UNSET)

        orders_protocol_line_in = cls(
            dose_rule=dose_rule,
            drug_code=drug_code,
            minutes=minutes,
            mode=mode,
            sequence=sequence,
            wait_after_minutes=wait_after_minutes,
            with_previous=with_previous,
        )

        return orders_protocol_line_in
