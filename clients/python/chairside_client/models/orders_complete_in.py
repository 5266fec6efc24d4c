from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersCompleteIn")


@_attrs_define
class OrdersCompleteIn:
    """
    Attributes:
        discharge_override_reason (None | str | Unset): Complete although discharge criteria are unmet: why (recorded
            with who)
        rendering_provider_npi (None | str | Unset):
        supervising_practitioner_id (None | Unset | UUID): The practitioner with the supervising role who supervised
    """

    discharge_override_reason: None | str | Unset = UNSET
    rendering_provider_npi: None | str | Unset = UNSET
    supervising_practitioner_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        discharge_override_reason: None | str | Unset
        if isinstance(self.discharge_override_reason, Unset):
            discharge_override_reason = UNSET
        else:
            discharge_override_reason = self.discharge_override_reason

        rendering_provider_npi: None | str | Unset
        if isinstance(self.rendering_provider_npi, Unset):
            rendering_provider_npi = UNSET
        else:
            rendering_provider_npi = self.rendering_provider_npi

        supervising_practitioner_id: None | str | Unset
        if isinstance(self.supervising_practitioner_id, Unset):
            supervising_practitioner_id = UNSET
        elif isinstance(self.supervising_practitioner_id, UUID):
            supervising_practitioner_id = str(self.supervising_practitioner_id)
        else:
            supervising_practitioner_id = self.supervising_practitioner_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if discharge_override_reason is not UNSET:
            field_dict["discharge_override_reason"] = discharge_override_reason
        if rendering_provider_npi is not UNSET:
            field_dict["rendering_provider_npi"] = rendering_provider_npi
        if supervising_practitioner_id is not UNSET:
            field_dict["supervising_practitioner_id"] = supervising_practitioner_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_discharge_override_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        discharge_override_reason = _parse_discharge_override_reason(
            d.pop("discharge_override_reason", UNSET)
        )

        def _parse_rendering_provider_npi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rendering_provider_npi = _parse_rendering_provider_npi(
            d.pop("rendering_provider_npi", UNSET)
        )

        def _parse_supervising_practitioner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supervising_practitioner_id_type_0 = UUID(data)

                return supervising_practitioner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        supervising_practitioner_id = _parse_supervising_practitioner_id(
            d.pop("supervising_practitioner_id", UNSET)
        )

        orders_complete_in = cls(
            discharge_override_reason=discharge_override_reason,
            rendering_provider_npi=rendering_provider_npi,
            supervising_practitioner_id=supervising_practitioner_id,
        )

        return orders_complete_in
