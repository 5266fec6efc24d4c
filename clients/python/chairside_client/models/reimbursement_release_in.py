from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReimbursementReleaseIn")


@_attrs_define
class ReimbursementReleaseIn:
    """
    Attributes:
        reason (str):
        released_by (str): who releases the hold (staff id or name)
    """

    reason: str
    released_by: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        released_by = self.released_by

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "released_by": released_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        released_by = d.pop("released_by")

        reimbursement_release_in = cls(
            reason=reason,
            released_by=released_by,
        )

        return reimbursement_release_in
