from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reimbursement_payment_out_adjustments_item import (
        ReimbursementPaymentOutAdjustmentsItem,
    )


T = TypeVar("T", bound="ReimbursementPaymentOut")


@_attrs_define
class ReimbursementPaymentOut:
    """
    Attributes:
        adjustments (list[ReimbursementPaymentOutAdjustmentsItem]):
        contractual (str):
        denial_reasons (list[str]):
        outcome (None | str):
        paid (str):
        patient_responsibility (str):
        posted_at (datetime.datetime):
        remittance_id (UUID):
        status_code (str):
        crossover (bool | Unset): CLP02 19/20/21 with RARC MA18/MA07: the payer forwarded the claim to the next payer
            Default: False.
        payer_claim_number (None | str | Unset):
        remarks (list[str] | Unset): RARCs of the claim (MOA) and its lines (LQ*HE)
    """

    adjustments: list[ReimbursementPaymentOutAdjustmentsItem]
    contractual: str
    denial_reasons: list[str]
    outcome: None | str
    paid: str
    patient_responsibility: str
    posted_at: datetime.datetime
    remittance_id: UUID
    status_code: str
    crossover: bool | Unset = False
    payer_claim_number: None | str | Unset = UNSET
    remarks: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjustments = []
        for adjustments_item_data in self.adjustments:
            adjustments_item = adjustments_item_data.to_dict()
            adjustments.append(adjustments_item)

        contractual = self.contractual

        denial_reasons = self.denial_reasons

        outcome: None | str
        outcome = self.outcome

        paid = self.paid

        patient_responsibility = self.patient_responsibility

        posted_at = self.posted_at.isoformat()

        remittance_id = str(self.remittance_id)

        status_code = self.status_code

        crossover = self.crossover

        payer_claim_number: None | str | Unset
        if isinstance(self.payer_claim_number, Unset):
            payer_claim_number = UNSET
        else:
            payer_claim_number = self.payer_claim_number

        remarks: list[str] | Unset = UNSET
        if not isinstance(self.remarks, Unset):
            remarks = self.remarks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjustments": adjustments,
                "contractual": contractual,
                "denial_reasons": denial_reasons,
                "outcome": outcome,
                "paid": paid,
                "patient_responsibility": patient_responsibility,
                "posted_at": posted_at,
                "remittance_id": remittance_id,
                "status_code": status_code,
            }
        )
        if crossover is not UNSET:
            field_dict["crossover"] = crossover
        if payer_claim_number is not UNSET:
            field_dict["payer_claim_number"] = payer_claim_number
        if remarks is not UNSET:
            field_dict["remarks"] = remarks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_payment_out_adjustments_item import (
            ReimbursementPaymentOutAdjustmentsItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        adjustments = []
        _adjustments = d.pop("adjustments")
        for adjustments_item_data in _adjustments:
            adjustments_item = ReimbursementPaymentOutAdjustmentsItem.from_dict(
                adjustments_item_data
            )

            adjustments.append(adjustments_item)

        contractual = d.pop("contractual")

        denial_reasons = cast(list[str], d.pop("denial_reasons"))

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        paid = d.pop("paid")

        patient_responsibility = d.pop("patient_responsibility")

        posted_at = datetime.datetime.fromisoformat(d.pop("posted_at"))

        remittance_id = UUID(d.pop("remittance_id"))

        status_code = d.pop("status_code")

        crossover = d.pop("crossover", UNSET)

        def _parse_payer_claim_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payer_claim_number = _parse_payer_claim_number(d.pop("payer_claim_number", UNSET))

        remarks = cast(list[str], d.pop("remarks", UNSET))

        reimbursement_payment_out = cls(
            adjustments=adjustments,
            contractual=contractual,
            denial_reasons=denial_reasons,
            outcome=outcome,
            paid=paid,
            patient_responsibility=patient_responsibility,
            posted_at=posted_at,
            remittance_id=remittance_id,
            status_code=status_code,
            crossover=crossover,
            payer_claim_number=payer_claim_number,
            remarks=remarks,
        )

        reimbursement_payment_out.additional_properties = d
        return reimbursement_payment_out

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
