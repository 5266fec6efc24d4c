from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuthorizationQuestionOut")


@_attrs_define
class AuthorizationQuestionOut:
    """
    Attributes:
        answer (bool | int | list[str] | None | str):
        hcpcs (str):
        link_id (str):
        max_value (int | None):
        min_value (int | None):
        options (list[str]):
        prefill (bool | int | list[str] | None | str):
        repeats (bool):
        required (bool):
        text (str):
        type_ (str):
    """

    answer: bool | int | list[str] | None | str
    hcpcs: str
    link_id: str
    max_value: int | None
    min_value: int | None
    options: list[str]
    prefill: bool | int | list[str] | None | str
    repeats: bool
    required: bool
    text: str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answer: bool | int | list[str] | None | str
        if isinstance(self.answer, list):
            answer = self.answer

        else:
            answer = self.answer

        hcpcs = self.hcpcs

        link_id = self.link_id

        max_value: int | None
        max_value = self.max_value

        min_value: int | None
        min_value = self.min_value

        options = self.options

        prefill: bool | int | list[str] | None | str
        if isinstance(self.prefill, list):
            prefill = self.prefill

        else:
            prefill = self.prefill

        repeats = self.repeats

        required = self.required

        text = self.text

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answer": answer,
                "hcpcs": hcpcs,
                "link_id": link_id,
                "max_value": max_value,
                "min_value": min_value,
                "options": options,
                "prefill": prefill,
                "repeats": repeats,
                "required": required,
                "text": text,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_answer(data: object) -> bool | int | list[str] | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                answer_type_3 = cast(list[str], data)

                return answer_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | int | list[str] | None | str, data)

        answer = _parse_answer(d.pop("answer"))

        hcpcs = d.pop("hcpcs")

        link_id = d.pop("link_id")

        def _parse_max_value(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_value = _parse_max_value(d.pop("max_value"))

        def _parse_min_value(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        min_value = _parse_min_value(d.pop("min_value"))

        options = cast(list[str], d.pop("options"))

        def _parse_prefill(data: object) -> bool | int | list[str] | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                prefill_type_3 = cast(list[str], data)

                return prefill_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | int | list[str] | None | str, data)

        prefill = _parse_prefill(d.pop("prefill"))

        repeats = d.pop("repeats")

        required = d.pop("required")

        text = d.pop("text")

        type_ = d.pop("type")

        authorization_question_out = cls(
            answer=answer,
            hcpcs=hcpcs,
            link_id=link_id,
            max_value=max_value,
            min_value=min_value,
            options=options,
            prefill=prefill,
            repeats=repeats,
            required=required,
            text=text,
            type_=type_,
        )

        authorization_question_out.additional_properties = d
        return authorization_question_out

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
