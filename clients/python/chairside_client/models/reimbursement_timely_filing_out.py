from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReimbursementTimelyFilingOut")


@_attrs_define
class ReimbursementTimelyFilingOut:
    """
    Attributes:
        account_number (str):
        claim_id (UUID):
        days_left (int):
        deadline (datetime.date):
        payer_id (None | str):
        service_date (datetime.date):
        status (str):
    """

    account_number: str
    claim_id: UUID
    days_left: int
    deadline: datetime.date
    payer_id: None | str
    service_date: datetime.date
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_number = self.account_number

        claim_id = str(self.claim_id)

        days_left = self.days_left

        deadline = self.deadline.isoformat()

        payer_id: None | str
        payer_id = self.payer_id

        service_date = self.service_date.isoformat()

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_number": account_number,
                "claim_id": claim_id,
                "days_left": days_left,
                "deadline": deadline,
                "payer_id": payer_id,
                "service_date": service_date,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_number = d.pop("account_number")

        claim_id = UUID(d.pop("claim_id"))

        days_left = d.pop("days_left")

        deadline = datetime.date.fromisoformat(d.pop("deadline"))

        def _parse_payer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payer_id = _parse_payer_id(d.pop("payer_id"))

        service_date = datetime.date.fromisoformat(d.pop("service_date"))

        status = d.pop("status")

        reimbursement_timely_filing_out = cls(
            account_number=account_number,
            claim_id=claim_id,
            days_left=days_left,
            deadline=deadline,
            payer_id=payer_id,
            service_date=service_date,
            status=status,
        )

        reimbursement_timely_filing_out.additional_properties = d
        return reimbursement_timely_filing_out

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
