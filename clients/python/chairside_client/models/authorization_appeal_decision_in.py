from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.authorization_appeal_decision_in_outcome import (
    AuthorizationAppealDecisionInOutcome,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authorization_decision_line_in import AuthorizationDecisionLineIn


T = TypeVar("T", bound="AuthorizationAppealDecisionIn")


@_attrs_define
class AuthorizationAppealDecisionIn:
    """
    Attributes:
        decided_on (datetime.date): calendar date, between 1900-01-01 and 2199-12-31
        outcome (AuthorizationAppealDecisionInOutcome):
        auth_number (None | str | Unset): Required with a win (goes on the claim as REF*G1)
        lines (list[AuthorizationDecisionLineIn] | Unset): Approved units by HCPCS (a win)
        note (None | str | Unset):
        valid_from (datetime.date | None | Unset): Required with a win
        valid_to (datetime.date | None | Unset): Required with a win
    """

    decided_on: datetime.date
    outcome: AuthorizationAppealDecisionInOutcome
    auth_number: None | str | Unset = UNSET
    lines: list[AuthorizationDecisionLineIn] | Unset = UNSET
    note: None | str | Unset = UNSET
    valid_from: datetime.date | None | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        decided_on = self.decided_on.isoformat()

        outcome = self.outcome.value

        auth_number: None | str | Unset
        if isinstance(self.auth_number, Unset):
            auth_number = UNSET
        else:
            auth_number = self.auth_number

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.date):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decided_on": decided_on,
                "outcome": outcome,
            }
        )
        if auth_number is not UNSET:
            field_dict["auth_number"] = auth_number
        if lines is not UNSET:
            field_dict["lines"] = lines
        if note is not UNSET:
            field_dict["note"] = note
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_decision_line_in import AuthorizationDecisionLineIn  # noqa: PLC0415

        d = dict(src_dict)
        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        outcome = AuthorizationAppealDecisionInOutcome(d.pop("outcome"))

        def _parse_auth_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        auth_number = _parse_auth_number(d.pop("auth_number", UNSET))

        _lines = d.pop("lines", UNSET)
        lines: list[AuthorizationDecisionLineIn] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = AuthorizationDecisionLineIn.from_dict(lines_item_data)

                lines.append(lines_item)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_valid_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.date.fromisoformat(data)

                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))

        def _parse_valid_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))

        authorization_appeal_decision_in = cls(
            decided_on=decided_on,
            outcome=outcome,
            auth_number=auth_number,
            lines=lines,
            note=note,
            valid_from=valid_from,
            valid_to=valid_to,
        )

        return authorization_appeal_decision_in
