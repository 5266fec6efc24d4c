from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersAdministrationIn")


@_attrs_define
class OrdersAdministrationIn:
    """
    Attributes:
        dose_given (float | str):
        dose_unit (str):
        line_sequence (int):
        started_at (datetime.datetime): RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)
        stopped_at (datetime.datetime): RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)
        lot (None | str | Unset):
        ndc (None | str | Unset):
        reaction (None | str | Unset):
        supervising_practitioner_id (None | Unset | UUID): The practitioner with the supervising role who supervised
        wasted_amount (float | str | Unset):  Default: 0.0.
    """

    dose_given: float | str
    dose_unit: str
    line_sequence: int
    started_at: datetime.datetime
    stopped_at: datetime.datetime
    lot: None | str | Unset = UNSET
    ndc: None | str | Unset = UNSET
    reaction: None | str | Unset = UNSET
    supervising_practitioner_id: None | Unset | UUID = UNSET
    wasted_amount: float | str | Unset = 0.0

    def to_dict(self) -> dict[str, Any]:
        dose_given: float | str
        dose_given = self.dose_given

        dose_unit = self.dose_unit

        line_sequence = self.line_sequence

        started_at = self.started_at.isoformat()

        stopped_at = self.stopped_at.isoformat()

        lot: None | str | Unset
        if isinstance(self.lot, Unset):
            lot = UNSET
        else:
            lot = self.lot

        ndc: None | str | Unset
        if isinstance(self.ndc, Unset):
            ndc = UNSET
        else:
            ndc = self.ndc

        reaction: None | str | Unset
        if isinstance(self.reaction, Unset):
            reaction = UNSET
        else:
            reaction = self.reaction

        supervising_practitioner_id: None | str | Unset
        if isinstance(self.supervising_practitioner_id, Unset):
            supervising_practitioner_id = UNSET
        elif isinstance(self.supervising_practitioner_id, UUID):
            supervising_practitioner_id = str(self.supervising_practitioner_id)
        else:
            supervising_practitioner_id = self.supervising_practitioner_id

        wasted_amount: float | str | Unset
        if isinstance(self.wasted_amount, Unset):
            wasted_amount = UNSET
        else:
            wasted_amount = self.wasted_amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dose_given": dose_given,
                "dose_unit": dose_unit,
                "line_sequence": line_sequence,
                "started_at": started_at,
                "stopped_at": stopped_at,
            }
        )
        if lot is not UNSET:
            field_dict["lot"] = lot
        if ndc is not UNSET:
            field_dict["ndc"] = ndc
        if reaction is not UNSET:
            field_dict["reaction"] = reaction
        if supervising_practitioner_id is not UNSET:
            field_dict["supervising_practitioner_id"] = supervising_practitioner_id
        if wasted_amount is not UNSET:
            field_dict["wasted_amount"] = wasted_amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_dose_given(data: object) -> float | str:
            return cast(float | str, data)

        dose_given = _parse_dose_given(d.pop("dose_given"))

        dose_unit = d.pop("dose_unit")

        line_sequence = d.pop("line_sequence")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        stopped_at = datetime.datetime.fromisoformat(d.pop("stopped_at"))

        def _parse_lot(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lot = _parse_lot(d.pop("lot", UNSET))

        def _parse_ndc(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ndc = _parse_ndc(d.pop("ndc", UNSET))

        def _parse_reaction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reaction = _parse_reaction(d.pop("reaction", UNSET))

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

        def _parse_wasted_amount(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        wasted_amount = _parse_wasted_amount(d.pop("wasted_amount", UNSET))

        orders_administration_in = cls(
            dose_given=dose_given,
            dose_unit=dose_unit,
            line_sequence=line_sequence,
            started_at=started_at,
            stopped_at=stopped_at,
            lot=lot,
            ndc=ndc,
            reaction=reaction,
            supervising_practitioner_id=supervising_practitioner_id,
            wasted_amount=wasted_amount,
        )

        return orders_administration_in
