from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.authorization_pa_appeal_in_payer_type_type_0 import (
    AuthorizationPaAppealInPayerTypeType0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuthorizationPaAppealIn")


@_attrs_define
class AuthorizationPaAppealIn:
    """
    Attributes:
        level (str): peer_to_peer, or an appeal level offered in `options`
        reason (str):
        payer_reference (None | str | Unset):
        payer_type (AuthorizationPaAppealInPayerTypeType0 | None | Unset): Default: the case's payer type
    """

    level: str
    reason: str
    payer_reference: None | str | Unset = UNSET
    payer_type: AuthorizationPaAppealInPayerTypeType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        level = self.level

        reason = self.reason

        payer_reference: None | str | Unset
        if isinstance(self.payer_reference, Unset):
            payer_reference = UNSET
        else:
            payer_reference = self.payer_reference

        payer_type: None | str | Unset
        if isinstance(self.payer_type, Unset):
            payer_type = UNSET
        elif isinstance(self.payer_type, AuthorizationPaAppealInPayerTypeType0):
            payer_type = self.payer_type.value
        else:
            payer_type = self.payer_type

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "level": level,
                "reason": reason,
            }
        )
        if payer_reference is not UNSET:
            field_dict["payer_reference"] = payer_reference
        if payer_type is not UNSET:
            field_dict["payer_type"] = payer_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        level = d.pop("level")

        reason = d.pop("reason")

        def _parse_payer_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payer_reference = _parse_payer_reference(d.pop("payer_reference", UNSET))

        def _parse_payer_type(data: object) -> AuthorizationPaAppealInPayerTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payer_type_type_0 = AuthorizationPaAppealInPayerTypeType0(data)

                return payer_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorizationPaAppealInPayerTypeType0 | None | Unset, data)

        payer_type = _parse_payer_type(d.pop("payer_type", UNSET))

        authorization_pa_appeal_in = cls(
            level=level,
            reason=reason,
            payer_reference=payer_reference,
            payer_type=payer_type,
        )

        return authorization_pa_appeal_in
