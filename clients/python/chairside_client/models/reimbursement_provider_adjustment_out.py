from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReimbursementProviderAdjustmentOut")


@_attrs_define
class ReimbursementProviderAdjustmentOut:
    """
    Attributes:
        amount (str): negative: paid now, to be recouped later (deferred); positive: taken back
        posted_at (datetime.datetime):
        reason (str): PLB code: WO overpayment recovery, FB forwarding balance, 72 authorized return, L6 interest...
        reference (None | str):
        remittance_id (UUID):
    """

    amount: str
    posted_at: datetime.datetime
    reason: str
    reference: None | str
    remittance_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        posted_at = self.posted_at.isoformat()

        reason = self.reason

        reference: None | str
        reference = self.reference

        remittance_id = str(self.remittance_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "posted_at": posted_at,
                "reason": reason,
                "reference": reference,
                "remittance_id": remittance_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        posted_at = datetime.datetime.fromisoformat(d.pop("posted_at"))

        reason = d.pop("reason")

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        remittance_id = UUID(d.pop("remittance_id"))

        reimbursement_provider_adjustment_out = cls(
            amount=amount,
            posted_at=posted_at,
            reason=reason,
            reference=reference,
            remittance_id=remittance_id,
        )

        reimbursement_provider_adjustment_out.additional_properties = d
        return reimbursement_provider_adjustment_out

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
