from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reimbursement_variance_out_status import ReimbursementVarianceOutStatus

if TYPE_CHECKING:
    from ..models.reimbursement_contract_ref_out import ReimbursementContractRefOut


T = TypeVar("T", bound="ReimbursementVarianceOut")


@_attrs_define
class ReimbursementVarianceOut:
    """
    Attributes:
        account_number (str):
        allowed (str):
        claim_id (UUID):
        code (str):
        contract (ReimbursementContractRefOut):
        expected (None | str):
        lines (list[int]):
        modifiers (list[str]):
        paid (str):
        payer_id (str):
        sequestration (str): CO-253 counted as expected (not a variance)
        service_date (datetime.date):
        status (ReimbursementVarianceOutStatus):
        tolerance (None | str):
        units (int):
        variance (None | str): allowed - expected; negative: short
    """

    account_number: str
    allowed: str
    claim_id: UUID
    code: str
    contract: ReimbursementContractRefOut
    expected: None | str
    lines: list[int]
    modifiers: list[str]
    paid: str
    payer_id: str
    sequestration: str
    service_date: datetime.date
    status: ReimbursementVarianceOutStatus
    tolerance: None | str
    units: int
    variance: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_number = self.account_number

        allowed = self.allowed

        claim_id = str(self.claim_id)

        code = self.code

        contract = self.contract.to_dict()

        expected: None | str
        expected = self.expected

        lines = self.lines

        modifiers = self.modifiers

        paid = self.paid

        payer_id = self.payer_id

        sequestration = self.sequestration

        service_date = self.service_date.isoformat()

        status = self.status.value

        tolerance: None | str
        tolerance = self.tolerance

        units = self.units

        variance: None | str
        variance = self.variance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_number": account_number,
                "allowed": allowed,
                "claim_id": claim_id,
                "code": code,
                "contract": contract,
                "expected": expected,
                "lines": lines,
                "modifiers": modifiers,
                "paid": paid,
                "payer_id": payer_id,
                "sequestration": sequestration,
                "service_date": service_date,
                "status": status,
                "tolerance": tolerance,
                "units": units,
                "variance": variance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_contract_ref_out import ReimbursementContractRefOut  # noqa: PLC0415

        d = dict(src_dict)
        account_number = d.pop("account_number")

        allowed = d.pop("allowed")

        claim_id = UUID(d.pop("claim_id"))

        code = d.pop("code")

        contract = ReimbursementContractRefOut.from_dict(d.pop("contract"))

        def _parse_expected(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        expected = _parse_expected(d.pop("expected"))

        lines = cast(list[int], d.pop("lines"))

        modifiers = cast(list[str], d.pop("modifiers"))

        paid = d.pop("paid")

        payer_id = d.pop("payer_id")

        sequestration = d.pop("sequestration")

        service_date = datetime.date.fromisoformat(d.pop("service_date"))

        status = ReimbursementVarianceOutStatus(d.pop("status"))

        def _parse_tolerance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tolerance = _parse_tolerance(d.pop("tolerance"))

        units = d.pop("units")

        def _parse_variance(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        variance = _parse_variance(d.pop("variance"))

        reimbursement_variance_out = cls(
            account_number=account_number,
            allowed=allowed,
            claim_id=claim_id,
            code=code,
            contract=contract,
            expected=expected,
            lines=lines,
            modifiers=modifiers,
            paid=paid,
            payer_id=payer_id,
            sequestration=sequestration,
            service_date=service_date,
            status=status,
            tolerance=tolerance,
            units=units,
            variance=variance,
        )

        reimbursement_variance_out.additional_properties = d
        return reimbursement_variance_out

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
