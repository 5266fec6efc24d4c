from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReimbursementCreditBalanceOut")


@_attrs_define
class ReimbursementCreditBalanceOut:
    """
    Attributes:
        claim_id (UUID):
        credit (str): to refund
        due (str): what the payers' standing decisions say
        paid (str): net of every applied posting
        payer_id (None | str):
        reason (str):
    """

    claim_id: UUID
    credit: str
    due: str
    paid: str
    payer_id: None | str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claim_id = str(self.claim_id)

        credit = self.credit

        due = self.due

        paid = self.paid

        payer_id: None | str
        payer_id = self.payer_id

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claim_id": claim_id,
                "credit": credit,
                "due": due,
                "paid": paid,
                "payer_id": payer_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        claim_id = UUID(d.pop("claim_id"))

        credit = d.pop("credit")

        due = d.pop("due")

        paid = d.pop("paid")

        def _parse_payer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payer_id = _parse_payer_id(d.pop("payer_id"))

        reason = d.pop("reason")

        reimbursement_credit_balance_out = cls(
            claim_id=claim_id,
            credit=credit,
            due=due,
            paid=paid,
            payer_id=payer_id,
            reason=reason,
        )

        reimbursement_credit_balance_out.additional_properties = d
        return reimbursement_credit_balance_out

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
