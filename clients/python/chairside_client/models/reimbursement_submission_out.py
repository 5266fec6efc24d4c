from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reimbursement_submission_out_frequency import (
    ReimbursementSubmissionOutFrequency,
)
from ..models.reimbursement_submission_out_outcome import (
    ReimbursementSubmissionOutOutcome,
)

T = TypeVar("T", bound="ReimbursementSubmissionOut")


@_attrs_define
class ReimbursementSubmissionOut:
    """
    Attributes:
        acknowledged_at (datetime.datetime | None):
        clm01 (str): CLM01 of this version: the account number, then <account>-<n> for later versions
        control_number (int | None):
        frequency (ReimbursementSubmissionOutFrequency): CLM05-3: 1 original, 7 replacement, 8 void
        icn (None | str): payer claim control number (277CA REF*1K)
        number (int):
        original_icn (None | str): 2300 REF*F8 (frequency 7/8)
        outcome (ReimbursementSubmissionOutOutcome):
        reasons (list[str]):
        submitted_at (datetime.datetime):
    """

    acknowledged_at: datetime.datetime | None
    clm01: str
    control_number: int | None
    frequency: ReimbursementSubmissionOutFrequency
    icn: None | str
    number: int
    original_icn: None | str
    outcome: ReimbursementSubmissionOutOutcome
    reasons: list[str]
    submitted_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        acknowledged_at: None | str
        if isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        clm01 = self.clm01

        control_number: int | None
        control_number = self.control_number

        frequency = self.frequency.value

        icn: None | str
        icn = self.icn

        number = self.number

        original_icn: None | str
        original_icn = self.original_icn

        outcome = self.outcome.value

        reasons = self.reasons

        submitted_at = self.submitted_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acknowledged_at": acknowledged_at,
                "clm01": clm01,
                "control_number": control_number,
                "frequency": frequency,
                "icn": icn,
                "number": number,
                "original_icn": original_icn,
                "outcome": outcome,
                "reasons": reasons,
                "submitted_at": submitted_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at"))

        clm01 = d.pop("clm01")

        def _parse_control_number(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        control_number = _parse_control_number(d.pop("control_number"))

        frequency = ReimbursementSubmissionOutFrequency(d.pop("frequency"))

        def _parse_icn(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        icn = _parse_icn(d.pop("icn"))

        number = d.pop("number")

        def _parse_original_icn(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        original_icn = _parse_original_icn(d.pop("original_icn"))

        outcome = ReimbursementSubmissionOutOutcome(d.pop("outcome"))

        reasons = cast(list[str], d.pop("reasons"))

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        reimbursement_submission_out = cls(
            acknowledged_at=acknowledged_at,
            clm01=clm01,
            control_number=control_number,
            frequency=frequency,
            icn=icn,
            number=number,
            original_icn=original_icn,
            outcome=outcome,
            reasons=reasons,
            submitted_at=submitted_at,
        )

        reimbursement_submission_out.additional_properties = d
        return reimbursement_submission_out

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
