from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_carc_row_out import ReimbursementCarcRowOut


T = TypeVar("T", bound="ReimbursementCycleReportOut")


@_attrs_define
class ReimbursementCycleReportOut:
    """
    Attributes:
        adjudicated (int):
        charges (str):
        claims_sent (int):
        clean_claim_rate (None | str):
        clean_claims (int): sent without review, hold, rejection or correction
        contractual (str):
        days_in_ar (None | str):
        denial_rate (None | str):
        denials_by_carc (list[ReimbursementCarcRowOut]):
        denied (int): adjudicated claims ever denied (appealed ones included)
        denied_amount (str):
        first_pass_accepted (int): first version accepted (277CA) unrejected
        first_pass_rate (None | str):
        from_ (datetime.date):
        net_collection_rate (None | str): payer payments / (charges - contractual adjustments), adjudicated claims
        outstanding (str):
        payments (str):
        to (datetime.date):
        underpaid_lines (int):
        underpayment_total (str): the underpayment worklist's shortfall
    """

    adjudicated: int
    charges: str
    claims_sent: int
    clean_claim_rate: None | str
    clean_claims: int
    contractual: str
    days_in_ar: None | str
    denial_rate: None | str
    denials_by_carc: list[ReimbursementCarcRowOut]
    denied: int
    denied_amount: str
    first_pass_accepted: int
    first_pass_rate: None | str
    from_: datetime.date
    net_collection_rate: None | str
    outstanding: str
    payments: str
    to: datetime.date
    underpaid_lines: int
    underpayment_total: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjudicated = self.adjudicated

        charges = self.charges

        claims_sent = self.claims_sent

        clean_claim_rate: None | str
        clean_claim_rate = self.clean_claim_rate

        clean_claims = self.clean_claims

        contractual = self.contractual

        days_in_ar: None | str
        days_in_ar = self.days_in_ar

        denial_rate: None | str
        denial_rate = self.denial_rate

        denials_by_carc = []
        for denials_by_carc_item_data in self.denials_by_carc:
            denials_by_carc_item = denials_by_carc_item_data.to_dict()
            denials_by_carc.append(denials_by_carc_item)

        denied = self.denied

        denied_amount = self.denied_amount

        first_pass_accepted = self.first_pass_accepted

        first_pass_rate: None | str
        first_pass_rate = self.first_pass_rate

        from_ = self.from_.isoformat()

        net_collection_rate: None | str
        net_collection_rate = self.net_collection_rate

        outstanding = self.outstanding

        payments = self.payments

        to = self.to.isoformat()

        underpaid_lines = self.underpaid_lines

        underpayment_total = self.underpayment_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjudicated": adjudicated,
                "charges": charges,
                "claims_sent": claims_sent,
                "clean_claim_rate": clean_claim_rate,
                "clean_claims": clean_claims,
                "contractual": contractual,
                "days_in_ar": days_in_ar,
                "denial_rate": denial_rate,
                "denials_by_carc": denials_by_carc,
                "denied": denied,
                "denied_amount": denied_amount,
                "first_pass_accepted": first_pass_accepted,
                "first_pass_rate": first_pass_rate,
                "from": from_,
                "net_collection_rate": net_collection_rate,
                "outstanding": outstanding,
                "payments": payments,
                "to": to,
                "underpaid_lines": underpaid_lines,
                "underpayment_total": underpayment_total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_carc_row_out import ReimbursementCarcRowOut  # noqa: PLC0415

        d = dict(src_dict)
        adjudicated = d.pop("adjudicated")

        charges = d.pop("charges")

        claims_sent = d.pop("claims_sent")

        def _parse_clean_claim_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        clean_claim_rate = _parse_clean_claim_rate(d.pop("clean_claim_rate"))

        clean_claims = d.pop("clean_claims")

        contractual = d.pop("contractual")

        def _parse_days_in_ar(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        days_in_ar = _parse_days_in_ar(d.pop("days_in_ar"))

        def _parse_denial_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        denial_rate = _parse_denial_rate(d.pop("denial_rate"))

        denials_by_carc = []
        _denials_by_carc = d.pop("denials_by_carc")
        for denials_by_carc_item_data in _denials_by_carc:
            denials_by_carc_item = ReimbursementCarcRowOut.from_dict(denials_by_carc_item_data)

            denials_by_carc.append(denials_by_carc_item)

        denied = d.pop("denied")

        denied_amount = d.pop("denied_amount")

        first_pass_accepted = d.pop("first_pass_accepted")

        def _parse_first_pass_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        first_pass_rate = _parse_first_pass_rate(d.pop("first_pass_rate"))

        from_ = datetime.date.fromisoformat(d.pop("from"))

        def _parse_net_collection_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        net_collection_rate = _parse_net_collection_rate(d.pop("net_collection_rate"))

        outstanding = d.pop("outstanding")

        payments = d.pop("payments")

        to = datetime.date.fromisoformat(d.pop("to"))

        underpaid_lines = d.pop("underpaid_lines")

        underpayment_total = d.pop("underpayment_total")

        reimbursement_cycle_report_out = cls(
            adjudicated=adjudicated,
            charges=charges,
            claims_sent=claims_sent,
            clean_claim_rate=clean_claim_rate,
            clean_claims=clean_claims,
            contractual=contractual,
            days_in_ar=days_in_ar,
            denial_rate=denial_rate,
            denials_by_carc=denials_by_carc,
            denied=denied,
            denied_amount=denied_amount,
            first_pass_accepted=first_pass_accepted,
            first_pass_rate=first_pass_rate,
            from_=from_,
            net_collection_rate=net_collection_rate,
            outstanding=outstanding,
            payments=payments,
            to=to,
            underpaid_lines=underpaid_lines,
            underpayment_total=underpayment_total,
        )

        reimbursement_cycle_report_out.additional_properties = d
        return reimbursement_cycle_report_out

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
