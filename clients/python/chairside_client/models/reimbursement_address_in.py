from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReimbursementAddressIn")


@_attrs_define
class ReimbursementAddressIn:
    """
    Attributes:
        city (str):
        line1 (str):
        postal_code (str): ZIP or ZIP+4; the billing address needs ZIP+4
        state (str): two capital letters (e.g. MA)
        line2 (None | str | Unset):
    """

    city: str
    line1: str
    postal_code: str
    state: str
    line2: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        line1 = self.line1

        postal_code = self.postal_code

        state = self.state

        line2: None | str | Unset
        if isinstance(self.line2, Unset):
            line2 = UNSET
        else:
            line2 = self.line2

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "city": city,
                "line1": line1,
                "postal_code": postal_code,
                "state": state,
            }
        )
        if line2 is not UNSET:
            field_dict["line2"] = line2

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city")

        line1 = d.pop("line1")

        postal_code = d.pop("postal_code")

        state = d.pop("state")

        def _parse_line2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        line2 = _parse_line2(d.pop("line2", UNSET))

        reimbursement_address_in = cls(
            city=city,
            line1=line1,
            postal_code=postal_code,
            state=state,
            line2=line2,
        )

        return reimbursement_address_in
