from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.authorization_renewal_out_outcome import AuthorizationRenewalOutOutcome
from ..models.authorization_renewal_out_reasons_item import (
    AuthorizationRenewalOutReasonsItem,
)

T = TypeVar("T", bound="AuthorizationRenewalOut")


@_attrs_define
class AuthorizationRenewalOut:
    """
    Attributes:
        appointment_id (None | UUID):
        auth_number (str):
        case_id (None | UUID):
        due_on (datetime.date):
        noted_at (datetime.datetime):
        order_id (UUID):
        outcome (AuthorizationRenewalOutOutcome):
        overdue (bool):
        payer_id (None | str):
        practice_id (None | str):
        reasons (list[AuthorizationRenewalOutReasonsItem]):
        valid_from (datetime.date):
        valid_to (datetime.date):
        visit_date (datetime.date):
    """

    appointment_id: None | UUID
    auth_number: str
    case_id: None | UUID
    due_on: datetime.date
    noted_at: datetime.datetime
    order_id: UUID
    outcome: AuthorizationRenewalOutOutcome
    overdue: bool
    payer_id: None | str
    practice_id: None | str
    reasons: list[AuthorizationRenewalOutReasonsItem]
    valid_from: datetime.date
    valid_to: datetime.date
    visit_date: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appointment_id: None | str
        if isinstance(self.appointment_id, UUID):
            appointment_id = str(self.appointment_id)
        else:
            appointment_id = self.appointment_id

        auth_number = self.auth_number

        case_id: None | str
        if isinstance(self.case_id, UUID):
            case_id = str(self.case_id)
        else:
            case_id = self.case_id

        due_on = self.due_on.isoformat()

        noted_at = self.noted_at.isoformat()

        order_id = str(self.order_id)

        outcome = self.outcome.value

        overdue = self.overdue

        payer_id: None | str
        payer_id = self.payer_id

        practice_id: None | str
        practice_id = self.practice_id

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.value
            reasons.append(reasons_item)

        valid_from = self.valid_from.isoformat()

        valid_to = self.valid_to.isoformat()

        visit_date = self.visit_date.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appointment_id": appointment_id,
                "auth_number": auth_number,
                "case_id": case_id,
                "due_on": due_on,
                "noted_at": noted_at,
                "order_id": order_id,
                "outcome": outcome,
                "overdue": overdue,
                "payer_id": payer_id,
                "practice_id": practice_id,
                "reasons": reasons,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "visit_date": visit_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_appointment_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                appointment_id_type_0 = UUID(data)

                return appointment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        appointment_id = _parse_appointment_id(d.pop("appointment_id"))

        auth_number = d.pop("auth_number")

        def _parse_case_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                case_id_type_0 = UUID(data)

                return case_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        case_id = _parse_case_id(d.pop("case_id"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        noted_at = datetime.datetime.fromisoformat(d.pop("noted_at"))

        order_id = UUID(d.pop("order_id"))

        outcome = AuthorizationRenewalOutOutcome(d.pop("outcome"))

        overdue = d.pop("overdue")

        def _parse_payer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payer_id = _parse_payer_id(d.pop("payer_id"))

        def _parse_practice_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        practice_id = _parse_practice_id(d.pop("practice_id"))

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = AuthorizationRenewalOutReasonsItem(reasons_item_data)

            reasons.append(reasons_item)

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        valid_to = datetime.date.fromisoformat(d.pop("valid_to"))

        visit_date = datetime.date.fromisoformat(d.pop("visit_date"))

        authorization_renewal_out = cls(
            appointment_id=appointment_id,
            auth_number=auth_number,
            case_id=case_id,
            due_on=due_on,
            noted_at=noted_at,
            order_id=order_id,
            outcome=outcome,
            overdue=overdue,
            payer_id=payer_id,
            practice_id=practice_id,
            reasons=reasons,
            valid_from=valid_from,
            valid_to=valid_to,
            visit_date=visit_date,
        )

        authorization_renewal_out.additional_properties = d
        return authorization_renewal_out

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
