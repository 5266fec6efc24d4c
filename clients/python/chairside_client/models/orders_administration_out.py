from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orders_finding_out import OrdersFindingOut


T = TypeVar("T", bound="OrdersAdministrationOut")


@_attrs_define
class OrdersAdministrationOut:
    """
    Attributes:
        dose_given (str):
        dose_unit (str):
        findings (list[OrdersFindingOut]):
        line_sequence (int):
        lot (None | str):
        ndc (None | str):
        reaction (None | str):
        started_at (datetime.datetime):
        stopped_at (datetime.datetime):
        wasted_amount (str):
        monitoring (list[str] | Unset): The catalog's monitoring text for the drug of this line
        supervising_practitioner_id (None | Unset | UUID):
    """

    dose_given: str
    dose_unit: str
    findings: list[OrdersFindingOut]
    line_sequence: int
    lot: None | str
    ndc: None | str
    reaction: None | str
    started_at: datetime.datetime
    stopped_at: datetime.datetime
    wasted_amount: str
    monitoring: list[str] | Unset = UNSET
    supervising_practitioner_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dose_given = self.dose_given

        dose_unit = self.dose_unit

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        line_sequence = self.line_sequence

        lot: None | str
        lot = self.lot

        ndc: None | str
        ndc = self.ndc

        reaction: None | str
        reaction = self.reaction

        started_at = self.started_at.isoformat()

        stopped_at = self.stopped_at.isoformat()

        wasted_amount = self.wasted_amount

        monitoring: list[str] | Unset = UNSET
        if not isinstance(self.monitoring, Unset):
            monitoring = self.monitoring

        supervising_practitioner_id: None | str | Unset
        if isinstance(self.supervising_practitioner_id, Unset):
            supervising_practitioner_id = UNSET
        elif isinstance(self.supervising_practitioner_id, UUID):
            supervising_practitioner_id = str(self.supervising_practitioner_id)
        else:
            supervising_practitioner_id = self.supervising_practitioner_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dose_given": dose_given,
                "dose_unit": dose_unit,
                "findings": findings,
                "line_sequence": line_sequence,
                "lot": lot,
                "ndc": ndc,
                "reaction": reaction,
                "started_at": started_at,
                "stopped_at": stopped_at,
                "wasted_amount": wasted_amount,
            }
        )
        if monitoring is not UNSET:
            field_dict["monitoring"] = monitoring
        if supervising_practitioner_id is not UNSET:
            field_dict["supervising_practitioner_id"] = supervising_practitioner_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_finding_out import OrdersFindingOut  # noqa: PLC0415

        d = dict(src_dict)
        dose_given = d.pop("dose_given")

        dose_unit = d.pop("dose_unit")

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = OrdersFindingOut.from_dict(findings_item_data)

            findings.append(findings_item)

        line_sequence = d.pop("line_sequence")

        def _parse_lot(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        lot = _parse_lot(d.pop("lot"))

        def _parse_ndc(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ndc = _parse_ndc(d.pop("ndc"))

        def _parse_reaction(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reaction = _parse_reaction(d.pop("reaction"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        stopped_at = datetime.datetime.fromisoformat(d.pop("stopped_at"))

        wasted_amount = d.pop("wasted_amount")

        monitoring = cast(list[str], d.pop("monitoring", UNSET))

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

        orders_administration_out = cls(
            dose_given=dose_given,
            dose_unit=dose_unit,
            findings=findings,
            line_sequence=line_sequence,
            lot=lot,
            ndc=ndc,
            reaction=reaction,
            started_at=started_at,
            stopped_at=stopped_at,
            wasted_amount=wasted_amount,
            monitoring=monitoring,
            supervising_practitioner_id=supervising_practitioner_id,
        )

        orders_administration_out.additional_properties = d
        return orders_administration_out

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
