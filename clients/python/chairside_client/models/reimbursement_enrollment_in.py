from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.reimbursement_enrollment_in_status import ReimbursementEnrollmentInStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReimbursementEnrollmentIn")


@_attrs_define
class ReimbursementEnrollmentIn:
    """
    Attributes:
        effective_from (datetime.date): calendar date, between 1900-01-01 and 2199-12-31
        npi (str): the NPI enrolled with the payer (the billing NPI)
        status (ReimbursementEnrollmentInStatus):
        taxonomy (str): the taxonomy billed to this payer (PRV*BI)
        effective_to (datetime.date | None | Unset):
    """

    effective_from: datetime.date
    npi: str
    status: ReimbursementEnrollmentInStatus
    taxonomy: str
    effective_to: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        effective_from = self.effective_from.isoformat()

        npi = self.npi

        status = self.status.value

        taxonomy = self.taxonomy

        effective_to: None | str | Unset
        if isinstance(self.effective_to, Unset):
            effective_to = UNSET
        elif isinstance(self.effective_to, datetime.date):
            effective_to = self.effective_to.isoformat()
        else:
            effective_to = self.effective_to

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "effective_from": effective_from,
                "npi": npi,
                "status": status,
                "taxonomy": taxonomy,
            }
        )
        if effective_to is not UNSET:
            field_dict["effective_to"] = effective_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        npi = d.pop("npi")

        status = ReimbursementEnrollmentInStatus(d.pop("status"))

        taxonomy = d.pop("taxonomy")

        def _parse_effective_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_to_type_0 = datetime.date.fromisoformat(data)

                return effective_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_to = _parse_effective_to(d.pop("effective_to", UNSET))

        reimbursement_enrollment_in = cls(
            effective_from=effective_from,
            npi=npi,
            status=status,
            taxonomy=taxonomy,
            effective_to=effective_to,
        )

        return reimbursement_enrollment_in
