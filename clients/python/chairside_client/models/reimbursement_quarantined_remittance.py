from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reimbursement_quarantine_reason import ReimbursementQuarantineReason
    from ..models.reimbursement_quarantined_remittance_keys_item import (
        ReimbursementQuarantinedRemittanceKeysItem,
    )


T = TypeVar("T", bound="ReimbursementQuarantinedRemittance")


@_attrs_define
class ReimbursementQuarantinedRemittance:
    """
    Attributes:
        id (UUID):
        keys (list[ReimbursementQuarantinedRemittanceKeysItem]): remittance keys read (TRN03, TRN04, TRN02, payee)
        reasons (list[ReimbursementQuarantineReason]):
        received_at (datetime.datetime):
        trace_number (None | str): TRN02 when it could be read
    """

    id: UUID
    keys: list[ReimbursementQuarantinedRemittanceKeysItem]
    reasons: list[ReimbursementQuarantineReason]
    received_at: datetime.datetime
    trace_number: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        keys = []
        for keys_item_data in self.keys:
            keys_item = keys_item_data.to_dict()
            keys.append(keys_item)

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        received_at = self.received_at.isoformat()

        trace_number: None | str
        trace_number = self.trace_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "keys": keys,
                "reasons": reasons,
                "received_at": received_at,
                "trace_number": trace_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reimbursement_quarantine_reason import (
            ReimbursementQuarantineReason,  # noqa: PLC0415
        )
        from ..models.reimbursement_quarantined_remittance_keys_item import (
            ReimbursementQuarantinedRemittanceKeysItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        keys = []
        _keys = d.pop("keys")
        for keys_item_data in _keys:
            keys_item = ReimbursementQuarantinedRemittanceKeysItem.from_dict(keys_item_data)

            keys.append(keys_item)

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = ReimbursementQuarantineReason.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        def _parse_trace_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        trace_number = _parse_trace_number(d.pop("trace_number"))

        reimbursement_quarantined_remittance = cls(
            id=id,
            keys=keys,
            reasons=reasons,
            received_at=received_at,
            trace_number=trace_number,
        )

        reimbursement_quarantined_remittance.additional_properties = d
        return reimbursement_quarantined_remittance

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
