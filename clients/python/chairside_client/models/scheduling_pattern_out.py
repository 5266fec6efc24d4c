from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.scheduling_pattern_out_kind import SchedulingPatternOutKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="SchedulingPatternOut")


@_attrs_define
class SchedulingPatternOut:
    """
    Attributes:
        kind (SchedulingPatternOutKind):
        offsets (list[int] | Unset):
    """

    kind: SchedulingPatternOutKind
    offsets: list[int] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        offsets: list[int] | Unset = UNSET
        if not isinstance(self.offsets, Unset):
            offsets = self.offsets

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if offsets is not UNSET:
            field_dict["offsets"] = offsets

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = SchedulingPatternOutKind(d.pop("kind"))

        offsets = cast(list[int], d.pop("offsets", UNSET))

        scheduling_pattern_out = cls(
            kind=kind,
            offsets=offsets,
        )

        return scheduling_pattern_out
