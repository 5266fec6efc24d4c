from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reimbursement_fee_schedule_item_kind import (
    ReimbursementFeeScheduleItemKind,
)

if TYPE_CHECKING:
    from ..models.reimbursement_fee_schedule_item_detail import (
        ReimbursementFeeScheduleItemDetail,
    )


T = TypeVar("T", bound="ReimbursementFeeScheduleItem")


@_attrs_define
class ReimbursementFeeScheduleItem:
    """
    Attributes:
        detail (ReimbursementFeeScheduleItemDetail):
        id (str):
        kind (ReimbursementFeeScheduleItemKind):
    """

    detail: ReimbursementFeeScheduleItemDetail
    id: str
    kind: ReimbursementFeeScheduleItemKind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail.to_dict()

        id = self.id

        kind = self.kind.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detail": detail,
                "id": id,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_fee_schedule_item_detail import (
            ReimbursementFeeScheduleItemDetail,  # noqa: PLC0415
        )

        d = dict(src_dict)
        detail = ReimbursementFeeScheduleItemDetail.from_dict(d.pop("detail"))

        id = d.pop("id")

        kind = ReimbursementFeeScheduleItemKind(d.pop("kind"))

        reimbursement_fee_schedule_item = cls(
            detail=detail,
            id=id,
            kind=kind,
        )

        reimbursement_fee_schedule_item.additional_properties = d
        return reimbursement_fee_schedule_item

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
