from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orders_action_out import OrdersActionOut
    from ..models.orders_fhir_out import OrdersFhirOut
    from ..models.orders_reaction_vitals_out import OrdersReactionVitalsOut
    from ..models.orders_rescue_out import OrdersRescueOut
    from ..models.orders_suspect_out import OrdersSuspectOut


T = TypeVar("T", bound="OrdersReactionOut")


@_attrs_define
class OrdersReactionOut:
    """
    Attributes:
        actions (list[OrdersActionOut]):
        acuity_class (None | str):
        clearance_note (None | str):
        cleared_at (datetime.datetime | None):
        cleared_by (None | str):
        fhir (OrdersFhirOut):
        grade (int):
        graded_by (str):
        id (UUID):
        kind (str):
        manifestations (list[str]):
        minutes_from_start (int | None):
        onset_at (datetime.datetime):
        order_id (UUID):
        outcome (str):
        patient_id (UUID):
        practice_id (str):
        provider_notified_at (datetime.datetime | None):
        rechallenge (str):
        recorded_at (datetime.datetime | None):
        recorded_by (None | str):
        rescue_meds (list[OrdersRescueOut]):
        resolved_at (datetime.datetime | None):
        suspects (list[OrdersSuspectOut]):
        term (str):
        vitals (list[OrdersReactionVitalsOut]):
        warnings (list[str]):
        ems_checklist (list[str] | Unset):
    """

    actions: list[OrdersActionOut]
    acuity_class: None | str
    clearance_note: None | str
    cleared_at: datetime.datetime | None
    cleared_by: None | str
    fhir: OrdersFhirOut
    grade: int
    graded_by: str
    id: UUID
    kind: str
    manifestations: list[str]
    minutes_from_start: int | None
    onset_at: datetime.datetime
    order_id: UUID
    outcome: str
    patient_id: UUID
    practice_id: str
    provider_notified_at: datetime.datetime | None
    rechallenge: str
    recorded_at: datetime.datetime | None
    recorded_by: None | str
    rescue_meds: list[OrdersRescueOut]
    resolved_at: datetime.datetime | None
    suspects: list[OrdersSuspectOut]
    term: str
    vitals: list[OrdersReactionVitalsOut]
    warnings: list[str]
    ems_checklist: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        acuity_class: None | str
        acuity_class = self.acuity_class

        clearance_note: None | str
        clearance_note = self.clearance_note

        cleared_at: None | str
        if isinstance(self.cleared_at, datetime.datetime):
            cleared_at = self.cleared_at.isoformat()
        else:
            cleared_at = self.cleared_at

        cleared_by: None | str
        cleared_by = self.cleared_by

        fhir = self.fhir.to_dict()

        grade = self.grade

        graded_by = self.graded_by

        id = str(self.id)

        kind = self.kind

        manifestations = self.manifestations

        minutes_from_start: int | None
        minutes_from_start = self.minutes_from_start

        onset_at = self.onset_at.isoformat()

        order_id = str(self.order_id)

        outcome = self.outcome

        patient_id = str(self.patient_id)

        practice_id = self.practice_id

        provider_notified_at: None | str
        if isinstance(self.provider_notified_at, datetime.datetime):
            provider_notified_at = self.provider_notified_at.isoformat()
        else:
            provider_notified_at = self.provider_notified_at

        rechallenge = self.rechallenge

        recorded_at: None | str
        if isinstance(self.recorded_at, datetime.datetime):
            recorded_at = self.recorded_at.isoformat()
        else:
            recorded_at = self.recorded_at

        recorded_by: None | str
        recorded_by = self.recorded_by

        rescue_meds = []
        for rescue_meds_item_data in self.rescue_meds:
            rescue_meds_item = rescue_meds_item_data.to_dict()
            rescue_meds.append(rescue_meds_item)

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        suspects = []
        for suspects_item_data in self.suspects:
            suspects_item = suspects_item_data.to_dict()
            suspects.append(suspects_item)

        term = self.term

        vitals = []
        for vitals_item_data in self.vitals:
            vitals_item = vitals_item_data.to_dict()
            vitals.append(vitals_item)

        warnings = self.warnings

        ems_checklist: list[str] | Unset = UNSET
        if not isinstance(self.ems_checklist, Unset):
            ems_checklist = self.ems_checklist

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actions": actions,
                "acuity_class": acuity_class,
                "clearance_note": clearance_note,
                "cleared_at": cleared_at,
                "cleared_by": cleared_by,
                "fhir": fhir,
                "grade": grade,
                "graded_by": graded_by,
                "id": id,
                "kind": kind,
                "manifestations": manifestations,
                "minutes_from_start": minutes_from_start,
                "onset_at": onset_at,
                "order_id": order_id,
                "outcome": outcome,
                "patient_id": patient_id,
                "practice_id": practice_id,
                "provider_notified_at": provider_notified_at,
                "rechallenge": rechallenge,
                "recorded_at": recorded_at,
                "recorded_by": recorded_by,
                "rescue_meds": rescue_meds,
                "resolved_at": resolved_at,
                "suspects": suspects,
                "term": term,
                "vitals": vitals,
                "warnings": warnings,
            }
        )
        if ems_checklist is not UNSET:
            field_dict["ems_checklist"] = ems_checklist

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_action_out import OrdersActionOut  # noqa: PLC0415
        from ..models.orders_fhir_out import OrdersFhirOut  # noqa: PLC0415
        from ..models.orders_reaction_vitals_out import OrdersReactionVitalsOut  # noqa: PLC0415
        from ..models.orders_rescue_out import OrdersRescueOut  # noqa: PLC0415
        from ..models.orders_suspect_out import OrdersSuspectOut  # noqa: PLC0415

        d = dict(src_dict)
        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = OrdersActionOut.from_dict(actions_item_data)

            actions.append(actions_item)

        def _parse_acuity_class(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        acuity_class = _parse_acuity_class(d.pop("acuity_class"))

        def _parse_clearance_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        clearance_note = _parse_clearance_note(d.pop("clearance_note"))

        def _parse_cleared_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cleared_at_type_0 = datetime.datetime.fromisoformat(data)

                return cleared_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cleared_at = _parse_cleared_at(d.pop("cleared_at"))

        def _parse_cleared_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cleared_by = _parse_cleared_by(d.pop("cleared_by"))

        fhir = OrdersFhirOut.from_dict(d.pop("fhir"))

        grade = d.pop("grade")

        graded_by = d.pop("graded_by")

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        manifestations = cast(list[str], d.pop("manifestations"))

        def _parse_minutes_from_start(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        minutes_from_start = _parse_minutes_from_start(d.pop("minutes_from_start"))

        onset_at = datetime.datetime.fromisoformat(d.pop("onset_at"))

        order_id = UUID(d.pop("order_id"))

        outcome = d.pop("outcome")

        patient_id = UUID(d.pop("patient_id"))

        practice_id = d.pop("practice_id")

        def _parse_provider_notified_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                provider_notified_at_type_0 = datetime.datetime.fromisoformat(data)

                return provider_notified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        provider_notified_at = _parse_provider_notified_at(d.pop("provider_notified_at"))

        rechallenge = d.pop("rechallenge")

        def _parse_recorded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recorded_at_type_0 = datetime.datetime.fromisoformat(data)

                return recorded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        recorded_at = _parse_recorded_at(d.pop("recorded_at"))

        def _parse_recorded_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recorded_by = _parse_recorded_by(d.pop("recorded_by"))

        rescue_meds = []
        _rescue_meds = d.pop("rescue_meds")
        for rescue_meds_item_data in _rescue_meds:
            rescue_meds_item = OrdersRescueOut.from_dict(rescue_meds_item_data)

            rescue_meds.append(rescue_meds_item)

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))

        suspects = []
        _suspects = d.pop("suspects")
        for suspects_item_data in _suspects:
            suspects_item = OrdersSuspectOut.from_dict(suspects_item_data)

            suspects.append(suspects_item)

        term = d.pop("term")

        vitals = []
        _vitals = d.pop("vitals")
        for vitals_item_data in _vitals:
            vitals_item = OrdersReactionVitalsOut.from_dict(vitals_item_data)

            vitals.append(vitals_item)

        warnings = cast(list[str], d.pop("warnings"))

        ems_checklist = cast(list[str], d.pop("ems_checklist", UNSET))

        orders_reaction_out = cls(
            actions=actions,
            acuity_class=acuity_class,
            clearance_note=clearance_note,
            cleared_at=cleared_at,
            cleared_by=cleared_by,
            fhir=fhir,
            grade=grade,
            graded_by=graded_by,
            id=id,
            kind=kind,
            manifestations=manifestations,
            minutes_from_start=minutes_from_start,
            onset_at=onset_at,
            order_id=order_id,
            outcome=outcome,
            patient_id=patient_id,
            practice_id=practice_id,
            provider_notified_at=provider_notified_at,
            rechallenge=rechallenge,
            recorded_at=recorded_at,
            recorded_by=recorded_by,
            rescue_meds=rescue_meds,
            resolved_at=resolved_at,
            suspects=suspects,
            term=term,
            vitals=vitals,
            warnings=warnings,
            ems_checklist=ems_checklist,
        )

        orders_reaction_out.additional_properties = d
        return orders_reaction_out

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
