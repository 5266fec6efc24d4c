from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.authorization_requirement_applies import AuthorizationRequirementApplies
from ..models.authorization_requirement_type import AuthorizationRequirementType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuthorizationRequirement")


@_attrs_define
class AuthorizationRequirement:
    """One criterion stated wholly as data (a new drug's policy needs no code): the DTR
    question it asks and the answer that meets it. ``boolean``: the answer must equal
    ``expect``; ``integer``: within ``min_value``..``max_value``; ``choice``: at least
    ``min_selected`` of ``options`` (a step-therapy list). ``applies``: on the first request,
    on renewals (monitoring, response), or both.

        Attributes:
            key (str):
            text (str):
            applies (AuthorizationRequirementApplies | Unset):  Default: AuthorizationRequirementApplies.INITIAL.
            expect (bool | None | Unset):
            max_value (int | None | Unset):
            min_selected (int | None | Unset):
            min_value (int | None | Unset):
            options (list[str] | Unset):
            source (None | str | Unset):
            type_ (AuthorizationRequirementType | Unset):  Default: AuthorizationRequirementType.BOOLEAN.
    """

    key: str
    text: str
    applies: AuthorizationRequirementApplies | Unset = AuthorizationRequirementApplies.INITIAL
    expect: bool | None | Unset = UNSET
    max_value: int | None | Unset = UNSET
    min_selected: int | None | Unset = UNSET
    min_value: int | None | Unset = UNSET
    options: list[str] | Unset = UNSET
    source: None | str | Unset = UNSET
    type_: AuthorizationRequirementType | Unset = AuthorizationRequirementType.BOOLEAN

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        text = self.text

        applies: str | Unset = UNSET
        if not isinstance(self.applies, Unset):
            applies = self.applies.value

        expect: bool | None | Unset
        if isinstance(self.expect, Unset):
            expect = UNSET
        else:
            expect = self.expect

        max_value: int | None | Unset
        if isinstance(self.max_value, Unset):
            max_value = UNSET
        else:
            max_value = self.max_value

        min_selected: int | None | Unset
        if isinstance(self.min_selected, Unset):
            min_selected = UNSET
        else:
            min_selected = self.min_selected

        min_value: int | None | Unset
        if isinstance(self.min_value, Unset):
            min_value = UNSET
        else:
            min_value = self.min_value

        options: list[str] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "text": text,
            }
        )
        if applies is not UNSET:
            field_dict["applies"] = applies
        if expect is not UNSET:
            field_dict["expect"] = expect
        if max_value is not UNSET:
            field_dict["max_value"] = max_value
        if min_selected is not UNSET:
            field_dict["min_selected"] = min_selected
        if min_value is not UNSET:
            field_dict["min_value"] = min_value
        if options is not UNSET:
            field_dict["options"] = options
        if source is not UNSET:
            field_dict["source"] = source
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        text = d.pop("text")

        _applies = d.pop("applies", UNSET)
        applies: AuthorizationRequirementApplies | Unset
        if isinstance(_applies, Unset):
            applies = UNSET
        else:
            applies = AuthorizationRequirementApplies(_applies)

        def _parse_expect(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        expect = _parse_expect(d.pop("expect", UNSET))

        def _parse_max_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_value = _parse_max_value(d.pop("max_value", UNSET))

        def _parse_min_selected(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_selected = _parse_min_selected(d.pop("min_selected", UNSET))

        def _parse_min_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_value = _parse_min_value(d.pop("min_value", UNSET))

        options = cast(list[str], d.pop("options", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: AuthorizationRequirementType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = AuthorizationRequirementType(_type_)

        authorization_requirement = cls(
            key=key,
            text=text,
            applies=applies,
            expect=expect,
            max_value=max_value,
            min_selected=min_selected,
            min_value=min_value,
            options=options,
            source=source,
            type_=type_,
        )

        return authorization_requirement
