from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reimbursement_claim_line_out import ReimbursementClaimLineOut


T = TypeVar("T", bound="ReimbursementDenialOut")


@_attrs_define
class ReimbursementDenialOut:
    """
    Attributes:
        age_days (int):
        claim_id (UUID):
        denial_reasons (list[str]):
        denied_lines (list[ReimbursementClaimLineOut]):
        order_id (UUID):
        paid_amount (str):
        payer_id (None | str):
        practice_id (str):
        service_date (datetime.date):
        status (str):
        total_charge (str):
        act_by (datetime.date | None | Unset): deadline to act on the suggested action (None: none, or contract-
            specific)
        action_label (None | str | Unset):
        carcs (list[str] | Unset): denying CARCs, primary first
        determined_on (datetime.date | None | Unset): the remittance that denied it
        open_amount (None | str | Unset): charged, neither paid nor the patient's
        payer_type (None | str | Unset):
        suggested_action (None | str | Unset):
    """

    age_days: int
    claim_id: UUID
    denial_reasons: list[str]
    denied_lines: list[ReimbursementClaimLineOut]
    order_id: UUID
    paid_amount: str
    payer_id: None | str
    practice_id: str
    service_date: datetime.date
    status: str
    total_charge: str
    act_by: datetime.date | None | Unset = UNSET
    action_label: None | str | Unset = UNSET
    carcs: list[str] | Unset = UNSET
    determined_on: datetime.date | None | Unset = UNSET
    open_amount: None | str | Unset = UNSET
    payer_type: None | str | Unset = UNSET
    suggested_action: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        age_days = self.age_days

        claim_id = str(self.claim_id)

        denial_reasons = self.denial_reasons

        denied_lines = []
        for denied_lines_item_data in self.denied_lines:
            denied_lines_item = denied_lines_item_data.to_dict()
            denied_lines.append(denied_lines_item)

        order_id = str(self.order_id)

        paid_amount = self.paid_amount

        payer_id: None | str
        payer_id = self.payer_id

        practice_id = self.practice_id

        service_date = self.service_date.isoformat()

        status = self.status

        total_charge = self.total_charge

        act_by: None | str | Unset
        if isinstance(self.act_by, Unset):
            act_by = UNSET
        elif isinstance(self.act_by, datetime.date):
            act_by = self.act_by.isoformat()
        else:
            act_by = self.act_by

        action_label: None | str | Unset
        if isinstance(self.action_label, Unset):
            action_label = UNSET
        else:
            action_label = self.action_label

        carcs: list[str] | Unset = UNSET
        if not isinstance(self.carcs, Unset):
            carcs = self.carcs

        determined_on: None | str | Unset
        if isinstance(self.determined_on, Unset):
            determined_on = UNSET
        elif isinstance(self.determined_on, datetime.date):
            determined_on = self.determined_on.isoformat()
        else:
            determined_on = self.determined_on

        open_amount: None | str | Unset
        if isinstance(self.open_amount, Unset):
            open_amount = UNSET
        else:
            open_amount = self.open_amount

        payer_type: None | str | Unset
        if isinstance(self.payer_type, Unset):
            payer_type = UNSET
        else:
            payer_type = self.payer_type

        suggested_action: None | str | Unset
        if isinstance(self.suggested_action, Unset):
            suggested_action = UNSET
        else:
            suggested_action = self.suggested_action

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "age_days": age_days,
                "claim_id": claim_id,
                "denial_reasons": denial_reasons,
                "denied_lines": denied_lines,
                "order_id": order_id,
                "paid_amount": paid_amount,
                "payer_id": payer_id,
                "practice_id": practice_id,
                "service_date": service_date,
                "status": status,
                "total_charge": total_charge,
            }
        )
        if act_by is not UNSET:
            field_dict["act_by"] = act_by
        if action_label is not UNSET:
            field_dict["action_label"] = action_label
        if carcs is not UNSET:
            field_dict["carcs"] = carcs
        if determined_on is not UNSET:
            field_dict["determined_on"] = determined_on
        if open_amount is not UNSET:
            field_dict["open_amount"] = open_amount
        if payer_type is not UNSET:
            field_dict["payer_type"] = payer_type
        if suggested_action is not UNSET:
            field_dict["suggested_action"] = suggested_action

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_claim_line_out import ReimbursementClaimLineOut  # noqa: PLC0415

        d = dict(src_dict)
        age_days = d.pop("age_days")

        claim_id = UUID(d.pop("claim_id"))

        denial_reasons = cast(list[str], d.pop("denial_reasons"))

        denied_lines = []
        _denied_lines = d.pop("denied_lines")
        for denied_lines_item_data in _denied_lines:
            denied_lines_item = ReimbursementClaimLineOut.from_dict(denied_lines_item_data)

            denied_lines.append(denied_lines_item)

        order_id = UUID(d.pop("order_id"))

        paid_amount = d.pop("paid_amount")

        def _parse_payer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payer_id = _parse_payer_id(d.pop("payer_id"))

        practice_id = d.pop("practice_id")

        service_date = datetime.date.fromisoformat(d.pop("service_date"))

        status = d.pop("status")

        total_charge = d.pop("total_charge")

        def _parse_act_by(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                act_by_type_0 = datetime.date.fromisoformat(data)

                return act_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        act_by = _parse_act_by(d.pop("act_by", UNSET))

        def _parse_action_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        action_label = _parse_action_label(d.pop("action_label", UNSET))

        carcs = cast(list[str], d.pop("carcs", UNSET))

        def _parse_determined_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                determined_on_type_0 = datetime.date.fromisoformat(data)

                return determined_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        determined_on = _parse_determined_on(d.pop("determined_on", UNSET))

        def _parse_open_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        open_amount = _parse_open_amount(d.pop("open_amount", UNSET))

        def _parse_payer_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payer_type = _parse_payer_type(d.pop("payer_type", UNSET))

        def _parse_suggested_action(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        suggested_action = _parse_suggested_action(d.pop("suggested_action", UNSET))

        reimbursement_denial_out = cls(
            age_days=age_days,
            claim_id=claim_id,
            denial_reasons=denial_reasons,
            denied_lines=denied_lines,
            order_id=order_id,
            paid_amount=paid_amount,
            payer_id=payer_id,
            practice_id=practice_id,
            service_date=service_date,
            status=status,
            total_charge=total_charge,
            act_by=act_by,
            action_label=action_label,
            carcs=carcs,
            determined_on=determined_on,
            open_amount=open_amount,
            payer_type=payer_type,
            suggested_action=suggested_action,
        )

        reimbursement_denial_out.additional_properties = d
        return reimbursement_denial_out

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
