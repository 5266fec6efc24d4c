from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authorization_criterion_out import AuthorizationCriterionOut
    from ..models.authorization_history_out import AuthorizationHistoryOut
    from ..models.authorization_line_out import AuthorizationLineOut
    from ..models.authorization_payer_ref_out import AuthorizationPayerRefOut
    from ..models.authorization_period import AuthorizationPeriod
    from ..models.authorization_question_out import AuthorizationQuestionOut


T = TypeVar("T", bound="AuthorizationAuthorization")


@_attrs_define
class AuthorizationAuthorization:
    """
    Attributes:
        auth_number (None | str):
        blockers (list[str]):
        created_at (datetime.datetime):
        criteria (list[AuthorizationCriterionOut]):
        decided_at (datetime.datetime | None):
        denial_code (None | str):
        denial_reason (None | str):
        due_at (datetime.datetime | None):
        expedited (bool):
        history (list[AuthorizationHistoryOut]):
        id (UUID):
        kind (str):
        last_error (None | str):
        lines (list[AuthorizationLineOut]):
        missing (list[str]):
        order_id (UUID):
        order_ids (list[UUID]):
        overdue (bool):
        patient_id (UUID):
        payer (AuthorizationPayerRefOut):
        policy_version (int | None):
        practice_id (str):
        questions (list[AuthorizationQuestionOut]):
        requested_period (AuthorizationPeriod):
        status (str):
        submitted_at (datetime.datetime | None):
        updated_at (datetime.datetime):
        valid_from (datetime.date | None):
        valid_to (datetime.date | None):
        version (int):
        worklist (list[str] | Unset):
    """

    auth_number: None | str
    blockers: list[str]
    created_at: datetime.datetime
    criteria: list[AuthorizationCriterionOut]
    decided_at: datetime.datetime | None
    denial_code: None | str
    denial_reason: None | str
    due_at: datetime.datetime | None
    expedited: bool
    history: list[AuthorizationHistoryOut]
    id: UUID
    kind: str
    last_error: None | str
    lines: list[AuthorizationLineOut]
    missing: list[str]
    order_id: UUID
    order_ids: list[UUID]
    overdue: bool
    patient_id: UUID
    payer: AuthorizationPayerRefOut
    policy_version: int | None
    practice_id: str
    questions: list[AuthorizationQuestionOut]
    requested_period: AuthorizationPeriod
    status: str
    submitted_at: datetime.datetime | None
    updated_at: datetime.datetime
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    version: int
    worklist: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auth_number: None | str
        auth_number = self.auth_number

        blockers = self.blockers

        created_at = self.created_at.isoformat()

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        denial_code: None | str
        denial_code = self.denial_code

        denial_reason: None | str
        denial_reason = self.denial_reason

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        expedited = self.expedited

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        id = str(self.id)

        kind = self.kind

        last_error: None | str
        last_error = self.last_error

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        missing = self.missing

        order_id = str(self.order_id)

        order_ids = []
        for order_ids_item_data in self.order_ids:
            order_ids_item = str(order_ids_item_data)
            order_ids.append(order_ids_item)

        overdue = self.overdue

        patient_id = str(self.patient_id)

        payer = self.payer.to_dict()

        policy_version: int | None
        policy_version = self.policy_version

        practice_id = self.practice_id

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        requested_period = self.requested_period.to_dict()

        status = self.status

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        updated_at = self.updated_at.isoformat()

        valid_from: None | str
        if isinstance(self.valid_from, datetime.date):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        valid_to: None | str
        if isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        version = self.version

        worklist: list[str] | Unset = UNSET
        if not isinstance(self.worklist, Unset):
            worklist = self.worklist

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auth_number": auth_number,
                "blockers": blockers,
                "created_at": created_at,
                "criteria": criteria,
                "decided_at": decided_at,
                "denial_code": denial_code,
                "denial_reason": denial_reason,
                "due_at": due_at,
                "expedited": expedited,
                "history": history,
                "id": id,
                "kind": kind,
                "last_error": last_error,
                "lines": lines,
                "missing": missing,
                "order_id": order_id,
                "order_ids": order_ids,
                "overdue": overdue,
                "patient_id": patient_id,
                "payer": payer,
                "policy_version": policy_version,
                "practice_id": practice_id,
                "questions": questions,
                "requested_period": requested_period,
                "status": status,
                "submitted_at": submitted_at,
                "updated_at": updated_at,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "version": version,
            }
        )
        if worklist is not UNSET:
            field_dict["worklist"] = worklist

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_criterion_out import AuthorizationCriterionOut  # noqa: PLC0415
        from ..models.authorization_history_out import AuthorizationHistoryOut  # noqa: PLC0415
        from ..models.authorization_line_out import AuthorizationLineOut  # noqa: PLC0415
        from ..models.authorization_payer_ref_out import AuthorizationPayerRefOut  # noqa: PLC0415
        from ..models.authorization_period import AuthorizationPeriod  # noqa: PLC0415
        from ..models.authorization_question_out import AuthorizationQuestionOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_auth_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        auth_number = _parse_auth_number(d.pop("auth_number"))

        blockers = cast(list[str], d.pop("blockers"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = AuthorizationCriterionOut.from_dict(criteria_item_data)

            criteria.append(criteria_item)

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_denial_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        denial_code = _parse_denial_code(d.pop("denial_code"))

        def _parse_denial_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        denial_reason = _parse_denial_reason(d.pop("denial_reason"))

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        expedited = d.pop("expedited")

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = AuthorizationHistoryOut.from_dict(history_item_data)

            history.append(history_item)

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = AuthorizationLineOut.from_dict(lines_item_data)

            lines.append(lines_item)

        missing = cast(list[str], d.pop("missing"))

        order_id = UUID(d.pop("order_id"))

        order_ids = []
        _order_ids = d.pop("order_ids")
        for order_ids_item_data in _order_ids:
            order_ids_item = UUID(order_ids_item_data)

            order_ids.append(order_ids_item)

        overdue = d.pop("overdue")

        patient_id = UUID(d.pop("patient_id"))

        payer = AuthorizationPayerRefOut.from_dict(d.pop("payer"))

        def _parse_policy_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        policy_version = _parse_policy_version(d.pop("policy_version"))

        practice_id = d.pop("practice_id")

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = AuthorizationQuestionOut.from_dict(questions_item_data)

            questions.append(questions_item)

        requested_period = AuthorizationPeriod.from_dict(d.pop("requested_period"))

        status = d.pop("status")

        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_valid_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.date.fromisoformat(data)

                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_from = _parse_valid_from(d.pop("valid_from"))

        def _parse_valid_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_to = _parse_valid_to(d.pop("valid_to"))

        version = d.pop("version")

        worklist = cast(list[str], d.pop("worklist", UNSET))

        authorization_authorization = cls(
            auth_number=auth_number,
            blockers=blockers,
            created_at=created_at,
            criteria=criteria,
            decided_at=decided_at,
            denial_code=denial_code,
            denial_reason=denial_reason,
            due_at=due_at,
            expedited=expedited,
            history=history,
            id=id,
            kind=kind,
            last_error=last_error,
            lines=lines,
            missing=missing,
            order_id=order_id,
            order_ids=order_ids,
            overdue=overdue,
            patient_id=patient_id,
            payer=payer,
            policy_version=policy_version,
            practice_id=practice_id,
            questions=questions,
            requested_period=requested_period,
            status=status,
            submitted_at=submitted_at,
            updated_at=updated_at,
            valid_from=valid_from,
            valid_to=valid_to,
            version=version,
            worklist=worklist,
        )

        authorization_authorization.additional_properties = d
        return authorization_authorization

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
