from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reimbursement_appeal_out_kind import ReimbursementAppealOutKind
from ..models.reimbursement_appeal_out_outcome_type_0 import (
    ReimbursementAppealOutOutcomeType0,
)
from ..models.reimbursement_appeal_out_status import ReimbursementAppealOutStatus

if TYPE_CHECKING:
    from ..models.reimbursement_document_out import ReimbursementDocumentOut


T = TypeVar("T", bound="ReimbursementAppealOut")


@_attrs_define
class ReimbursementAppealOut:
    """
    Attributes:
        amount_awarded (None | str):
        amount_in_controversy (str):
        carcs (list[str]):
        claim_id (UUID):
        claim_reopen (None | str):
        clock_from (datetime.date):
        created_at (datetime.datetime):
        deadline (datetime.date):
        decided_on (datetime.date | None):
        decision_note (None | str):
        documents (list[ReimbursementDocumentOut]):
        filed_on (datetime.date | None):
        id (UUID):
        kind (ReimbursementAppealOutKind):
        level (str):
        level_name (str):
        level_number (int):
        next_auto_forwarded (bool):
        next_deadline (datetime.date | None):
        next_level (None | str):
        order_id (UUID):
        outcome (None | ReimbursementAppealOutOutcomeType0):
        payer_id (None | str):
        payer_reference (None | str):
        payer_type (str):
        practice_id (str):
        previous_appeal_id (None | UUID):
        reason (str):
        remark_codes (list[str]):
        sources (list[str]):
        status (ReimbursementAppealOutStatus):
        updated_at (datetime.datetime):
    """

    amount_awarded: None | str
    amount_in_controversy: str
    carcs: list[str]
    claim_id: UUID
    claim_reopen: None | str
    clock_from: datetime.date
    created_at: datetime.datetime
    deadline: datetime.date
    decided_on: datetime.date | None
    decision_note: None | str
    documents: list[ReimbursementDocumentOut]
    filed_on: datetime.date | None
    id: UUID
    kind: ReimbursementAppealOutKind
    level: str
    level_name: str
    level_number: int
    next_auto_forwarded: bool
    next_deadline: datetime.date | None
    next_level: None | str
    order_id: UUID
    outcome: None | ReimbursementAppealOutOutcomeType0
    payer_id: None | str
    payer_reference: None | str
    payer_type: str
    practice_id: str
    previous_appeal_id: None | UUID
    reason: str
    remark_codes: list[str]
    sources: list[str]
    status: ReimbursementAppealOutStatus
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_awarded: None | str
        amount_awarded = self.amount_awarded

        amount_in_controversy = self.amount_in_controversy

        carcs = self.carcs

        claim_id = str(self.claim_id)

        claim_reopen: None | str
        claim_reopen = self.claim_reopen

        clock_from = self.clock_from.isoformat()

        created_at = self.created_at.isoformat()

        deadline = self.deadline.isoformat()

        decided_on: None | str
        if isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        decision_note: None | str
        decision_note = self.decision_note

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        filed_on: None | str
        if isinstance(self.filed_on, datetime.date):
            filed_on = self.filed_on.isoformat()
        else:
            filed_on = self.filed_on

        id = str(self.id)

        kind = self.kind.value

        level = self.level

        level_name = self.level_name

        level_number = self.level_number

        next_auto_forwarded = self.next_auto_forwarded

        next_deadline: None | str
        if isinstance(self.next_deadline, datetime.date):
            next_deadline = self.next_deadline.isoformat()
        else:
            next_deadline = self.next_deadline

        next_level: None | str
        next_level = self.next_level

        order_id = str(self.order_id)

        outcome: None | str
        if isinstance(self.outcome, ReimbursementAppealOutOutcomeType0):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        payer_id: None | str
        payer_id = self.payer_id

        payer_reference: None | str
        payer_reference = self.payer_reference

        payer_type = self.payer_type

        practice_id = self.practice_id

        previous_appeal_id: None | str
        if isinstance(self.previous_appeal_id, UUID):
            previous_appeal_id = str(self.previous_appeal_id)
        else:
            previous_appeal_id = self.previous_appeal_id

        reason = self.reason

        remark_codes = self.remark_codes

        sources = self.sources

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_awarded": amount_awarded,
                "amount_in_controversy": amount_in_controversy,
                "carcs": carcs,
                "claim_id": claim_id,
                "claim_reopen": claim_reopen,
                "clock_from": clock_from,
                "created_at": created_at,
                "deadline": deadline,
                "decided_on": decided_on,
                "decision_note": decision_note,
                "documents": documents,
                "filed_on": filed_on,
                "id": id,
                "kind": kind,
                "level": level,
                "level_name": level_name,
                "level_number": level_number,
                "next_auto_forwarded": next_auto_forwarded,
                "next_deadline": next_deadline,
                "next_level": next_level,
                "order_id": order_id,
                "outcome": outcome,
                "payer_id": payer_id,
                "payer_reference": payer_reference,
                "payer_type": payer_type,
                "practice_id": practice_id,
                "previous_appeal_id": previous_appeal_id,
                "reason": reason,
                "remark_codes": remark_codes,
                "sources": sources,
                "status": status,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_document_out import ReimbursementDocumentOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_amount_awarded(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount_awarded = _parse_amount_awarded(d.pop("amount_awarded"))

        amount_in_controversy = d.pop("amount_in_controversy")

        carcs = cast(list[str], d.pop("carcs"))

        claim_id = UUID(d.pop("claim_id"))

        def _parse_claim_reopen(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        claim_reopen = _parse_claim_reopen(d.pop("claim_reopen"))

        clock_from = datetime.date.fromisoformat(d.pop("clock_from"))

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

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = ReimbursementDocumentOut.from_dict(documents_item_data)

            documents.append(documents_item)

        def _parse_filed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filed_on_type_0 = datetime.date.fromisoformat(data)

                return filed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        filed_on = _parse_filed_on(d.pop("filed_on"))

        id = UUID(d.pop("id"))

        kind = ReimbursementAppealOutKind(d.pop("kind"))

        level = d.pop("level")

        level_name = d.pop("level_name")

        level_number = d.pop("level_number")

        next_auto_forwarded = d.pop("next_auto_forwarded")

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

        def _parse_outcome(data: object) -> None | ReimbursementAppealOutOutcomeType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = ReimbursementAppealOutOutcomeType0(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReimbursementAppealOutOutcomeType0, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_payer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payer_id = _parse_payer_id(d.pop("payer_id"))

        def _parse_payer_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payer_reference = _parse_payer_reference(d.pop("payer_reference"))

        payer_type = d.pop("payer_type")

        practice_id = d.pop("practice_id")

        def _parse_previous_appeal_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_appeal_id_type_0 = UUID(data)

                return previous_appeal_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        previous_appeal_id = _parse_previous_appeal_id(d.pop("previous_appeal_id"))

        reason = d.pop("reason")

        remark_codes = cast(list[str], d.pop("remark_codes"))

        sources = cast(list[str], d.pop("sources"))

        status = ReimbursementAppealOutStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        reimbursement_appeal_out = cls(
            amount_awarded=amount_awarded,
            amount_in_controversy=amount_in_controversy,
            carcs=carcs,
            claim_id=claim_id,
            claim_reopen=claim_reopen,
            clock_from=clock_from,
            created_at=created_at,
            deadline=deadline,
            decided_on=decided_on,
            decision_note=decision_note,
            documents=documents,
            filed_on=filed_on,
            id=id,
            kind=kind,
            level=level,
            level_name=level_name,
            level_number=level_number,
            next_auto_forwarded=next_auto_forwarded,
            next_deadline=next_deadline,
            next_level=next_level,
            order_id=order_id,
            outcome=outcome,
            payer_id=payer_id,
            payer_reference=payer_reference,
            payer_type=payer_type,
            practice_id=practice_id,
            previous_appeal_id=previous_appeal_id,
            reason=reason,
            remark_codes=remark_codes,
            sources=sources,
            status=status,
            updated_at=updated_at,
        )

        reimbursement_appeal_out.additional_properties = d
        return reimbursement_appeal_out

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
