from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reimbursement_cob_out_crossover_type_0 import (
    ReimbursementCobOutCrossoverType0,
)
from ..models.reimbursement_cob_out_role import ReimbursementCobOutRole
from ..models.reimbursement_cob_out_state import ReimbursementCobOutState
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReimbursementCobOut")


@_attrs_define
class ReimbursementCobOut:
    """What followed the primary payer's final decision (on the primary and its secondary).

    Attributes:
        primary_claim_id (UUID):
        role (ReimbursementCobOutRole): this claim's place: the primary claim, or the secondary built after it
        state (ReimbursementCobOutState): secondary_built: a secondary claim was built; secondary_refused: it could not
            be (detail says why); awaiting_crossover: the primary forwarded the claim (CLP02 19/20/21, MA18/MA07), the
            patient statement waits for the crossover payer's 835; crossover_received; released: a biller released the hold;
            last_payer: no other coverage
        updated_at (datetime.datetime):
        crossover (None | ReimbursementCobOutCrossoverType0 | Unset):
        detail (None | str | Unset):
        release_reason (None | str | Unset):
        released_by (None | str | Unset):
        secondary_claim_id (None | Unset | UUID):
    """

    primary_claim_id: UUID
    role: ReimbursementCobOutRole
    state: ReimbursementCobOutState
    updated_at: datetime.datetime
    crossover: None | ReimbursementCobOutCrossoverType0 | Unset = UNSET
    detail: None | str | Unset = UNSET
    release_reason: None | str | Unset = UNSET
    released_by: None | str | Unset = UNSET
    secondary_claim_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        primary_claim_id = str(self.primary_claim_id)

        role = self.role.value

        state = self.state.value

        updated_at = self.updated_at.isoformat()

        crossover: None | str | Unset
        if isinstance(self.crossover, Unset):
            crossover = UNSET
        elif isinstance(self.crossover, ReimbursementCobOutCrossoverType0):
            crossover = self.crossover.value
        else:
            crossover = self.crossover

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        release_reason: None | str | Unset
        if isinstance(self.release_reason, Unset):
            release_reason = UNSET
        else:
            release_reason = self.release_reason

        released_by: None | str | Unset
        if isinstance(self.released_by, Unset):
            released_by = UNSET
        else:
            released_by = self.released_by

        secondary_claim_id: None | str | Unset
        if isinstance(self.secondary_claim_id, Unset):
            secondary_claim_id = UNSET
        elif isinstance(self.secondary_claim_id, UUID):
            secondary_claim_id = str(self.secondary_claim_id)
        else:
            secondary_claim_id = self.secondary_claim_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "primary_claim_id": primary_claim_id,
                "role": role,
                "state": state,
                "updated_at": updated_at,
            }
        )
        if crossover is not UNSET:
            field_dict["crossover"] = crossover
        if detail is not UNSET:
            field_dict["detail"] = detail
        if release_reason is not UNSET:
            field_dict["release_reason"] = release_reason
        if released_by is not UNSET:
            field_dict["released_by"] = released_by
        if secondary_claim_id is not UNSET:
            field_dict["secondary_claim_id"] = secondary_claim_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        primary_claim_id = UUID(d.pop("primary_claim_id"))

        role = ReimbursementCobOutRole(d.pop("role"))

        state = ReimbursementCobOutState(d.pop("state"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_crossover(data: object) -> None | ReimbursementCobOutCrossoverType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                crossover_type_0 = ReimbursementCobOutCrossoverType0(data)

                return crossover_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReimbursementCobOutCrossoverType0 | Unset, data)

        crossover = _parse_crossover(d.pop("crossover", UNSET))

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        def _parse_release_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        release_reason = _parse_release_reason(d.pop("release_reason", UNSET))

        def _parse_released_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        released_by = _parse_released_by(d.pop("released_by", UNSET))

        def _parse_secondary_claim_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                secondary_claim_id_type_0 = UUID(data)

                return secondary_claim_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        secondary_claim_id = _parse_secondary_claim_id(d.pop("secondary_claim_id", UNSET))

        reimbursement_cob_out = cls(
            primary_claim_id=primary_claim_id,
            role=role,
            state=state,
            updated_at=updated_at,
            crossover=crossover,
            detail=detail,
            release_reason=release_reason,
            released_by=released_by,
            secondary_claim_id=secondary_claim_id,
        )

        reimbursement_cob_out.additional_properties = d
        return reimbursement_cob_out

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
