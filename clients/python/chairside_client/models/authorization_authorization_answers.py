from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.authorization_authorization_answers_answers import (
        AuthorizationAuthorizationAnswersAnswers,
    )


T = TypeVar("T", bound="AuthorizationAuthorizationAnswers")


@_attrs_define
class AuthorizationAuthorizationAnswers:
    """
    Attributes:
        answers (AuthorizationAuthorizationAnswersAnswers): Answers by question link_id (e.g. J3032.baseline-migraine-
            days); null clears an answer
    """

    answers: AuthorizationAuthorizationAnswersAnswers

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answers": answers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_authorization_answers_answers import (
            AuthorizationAuthorizationAnswersAnswers,  # noqa: PLC0415
        )

        d = dict(src_dict)
        answers = AuthorizationAuthorizationAnswersAnswers.from_dict(d.pop("answers"))

        authorization_authorization_answers = cls(
            answers=answers,
        )

        return authorization_authorization_answers
