from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.authorization_pa_appeal_out_outcome_type_0 import (
    AuthorizationPaAppealOutOutcomeType0,
)
from ..models.authorization_pa_appeal_out_status import AuthorizationPaAppealOutStatus

if TYPE_CHECKING:
    from ..models.authorization_document_out import AuthorizationDocumentOut


T = TypeVar("T", bound="AuthorizationPaAppealOut")


@_attrs_define
class AuthorizationPaAppealOut:
    """
    Attributes:
        case_id (UUID):
        created_at (datetime.datetime):
        deadline (datetime.date):
        decided_on (datetime.date | None):
        decision_note (None | str):
        denied_on (datetime.date):
        documents (list[AuthorizationDocumentOut]):
        id (UUID):
        level (str):
        next_deadline (datetime.date | None):
        next_level (None | str):
        order_id (UUID):
        outcome (AuthorizationPaAppealOutOutcomeType0 | None):
        payer_id (str):
        payer_reference (None | str):
        payer_type (str):
        reason (str):
        requested_on (datetime.date):
        reviewer (None | str):
        scheduled_at (datetime.datetime | None):
        status (AuthorizationPaAppealOutStatus):
        updated_at (datetime.datetime):
    """

    case_id: UUID
    created_at: datetime.datetime
    deadline: datetime.date
    decided_on: datetime.date | None
    decision_note: None | str
    denied_on: datetime.date
    documents: list[AuthorizationDocumentOut]
    id: UUID
    level: str
    next_deadline: datetime.date | None
    next_level: None | str
    order_id: UUID
    outcome: AuthorizationPaAppealOutOutcomeType0 | None
    payer_id: str
    payer_reference: None | str
    payer_type: str
    reason: str
    requested_on: datetime.date
    reviewer: None | str
    scheduled_at: datetime.datetime | None
    status: AuthorizationPaAppealOutStatus
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = str(self.case_id)

        created_at = self.created_at.isoformat()

        deadline = self.deadline.isoformat()

        decided_on: None | str
        if isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        decision_note: None | str
        decision_note = self.decision_note

        denied_on = self.denied_on.isoformat()

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        id = str(self.id)

        level = self.level

        next_deadline: None | str
        if isinstance(self.next_deadline, datetime.date):
            next_deadline = self.next_deadline.isoformat()
        else:
            next_deadline = self.next_deadline

        next_level: None | str
        next_level = self.next_level

        order_id = str(self.order_id)

        outcome: None | str
        if isinstance(self.outcome, AuthorizationPaAppealOutOutcomeType0):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        payer_id = self.payer_id

        payer_reference: None | str
        payer_reference = self.payer_reference

        payer_type = self.payer_type

        reason = self.reason

        requested_on = self.requested_on.isoformat()

        reviewer: None | str
        reviewer = self.reviewer

        scheduled_at: None | str
        if isinstance(self.scheduled_at, datetime.datetime):
            scheduled_at = self.scheduled_at.isoformat()
        else:
            scheduled_at = self.scheduled_at

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "created_at": created_at,
                "deadline": deadline,
                "decided_on": decided_on,
                "decision_note": decision_note,
                "denied_on": denied_on,
                "documents": documents,
                "id": id,
                "level": level,
                "next_deadline": next_deadline,
                "next_level": next_level,
                "order_id": order_id,
                "outcome": outcome,
                "payer_id": payer_id,
                "payer_reference": payer_reference,
                "payer_type": payer_type,
                "reason": reason,
                "requested_on": requested_on,
                "reviewer": reviewer,
                "scheduled_at": scheduled_at,
                "status": status,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_document_out import AuthorizationDocumentOut  # noqa: PLC0415

        d = dict(src_dict)
        case_id = UUID(d.pop("case_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        deadline = datetime.date.fromisoformat(d.pop("deadline"))

        def _parse_decided_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_on_type_0 = datetime.date.fromisoformat(data)

                return decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        decided_on = _parse_decided_on(d.pop("decided_on"))

        def _parse_decision_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_note = _parse_decision_note(d.pop("decision_note"))

        denied_on = datetime.date.fromisoformat(d.pop("denied_on"))

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = AuthorizationDocumentOut.from_dict(documents_item_data)

            documents.append(documents_item)

        id = UUID(d.pop("id"))

        level = d.pop("level")

        def _parse_next_deadline(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_deadline_type_0 = datetime.date.fromisoformat(data)

                return next_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_deadline = _parse_next_deadline(d.pop("next_deadline"))

        def _parse_next_level(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_level = _parse_next_level(d.pop("next_level"))

        order_id = UUID(d.pop("order_id"))

        def _parse_outcome(data: object) -> AuthorizationPaAppealOutOutcomeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = AuthorizationPaAppealOutOutcomeType0(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorizationPaAppealOutOutcomeType0 | None, data)

        outcome = _parse_outcome(d.pop("outcome"))

        payer_id = d.pop("payer_id")

        def _parse_payer_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payer_reference = _parse_payer_reference(d.pop("payer_reference"))

        payer_type = d.pop("payer_type")

        reason = d.pop("reason")

        requested_on = datetime.date.fromisoformat(d.pop("requested_on"))

        def _parse_reviewer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reviewer = _parse_reviewer(d.pop("reviewer"))

        def _parse_scheduled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheduled_at_type_0 = datetime.datetime.fromisoformat(data)

                return scheduled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        scheduled_at = _parse_scheduled_at(d.pop("scheduled_at"))

        status = AuthorizationPaAppealOutStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        authorization_pa_appeal_out = cls(
            case_id=case_id,
            created_at=created_at,
            deadline=deadline,
            decided_on=decided_on,
            decision_note=decision_note,
            denied_on=denied_on,
            documents=documents,
            id=id,
            level=level,
            next_deadline=next_deadline,
            next_level=next_level,
            order_id=order_id,
            outcome=outcome,
            payer_id=payer_id,
            payer_reference=payer_reference,
            payer_type=payer_type,
            reason=reason,
            requested_on=requested_on,
            reviewer=reviewer,
            scheduled_at=scheduled_at,
            status=status,
            updated_at=updated_at,
        )

        authorization_pa_appeal_out.additional_properties = d
        return authorization_pa_appeal_out

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
