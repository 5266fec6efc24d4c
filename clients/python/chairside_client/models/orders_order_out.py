from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orders_administration_out import OrdersAdministrationOut
    from ..models.orders_finding_out import OrdersFindingOut
    from ..models.orders_order_out_history_item import OrdersOrderOutHistoryItem
    from ..models.orders_order_out_lines_item import OrdersOrderOutLinesItem
    from ..models.orders_order_out_payer_type_0 import OrdersOrderOutPayerType0
    from ..models.orders_order_out_requested_window_type_0 import (
        OrdersOrderOutRequestedWindowType0,
    )
    from ..models.orders_override_out import OrdersOverrideOut


T = TypeVar("T", bound="OrdersOrderOut")


@_attrs_define
class OrdersOrderOut:
    """
    Attributes:
        acuity_class (str):
        administrations (list[OrdersAdministrationOut]):
        authorization_status (str):
        cancel_reason (None | str):
        cancelled_at (datetime.datetime | None):
        catalog_version (int):
        completed_at (datetime.datetime | None):
        created_at (datetime.datetime):
        diagnosis (list[str]):
        estimated_chair_minutes (int):
        findings (list[OrdersFindingOut]):
        history (list[OrdersOrderOutHistoryItem]):
        id (UUID):
        lines (list[OrdersOrderOutLinesItem]): The order's lines as ordered (an IV fluid's also carries `fluid`:
            purpose, rate, indication), each with the catalog's `monitoring` text for its drug
        overrides (list[OrdersOverrideOut]):
        patient_id (UUID):
        payer (None | OrdersOrderOutPayerType0):
        practice_id (str):
        prescriber_id (None | str):
        protocol_id (None | UUID):
        requested_window (None | OrdersOrderOutRequestedWindowType0):
        requires_driver (bool):
        signed_at (datetime.datetime | None):
        status (str):
        updated_at (datetime.datetime):
        urgency (str):
        authorization_reason (None | str | Unset): The payer's reason when the drug was denied, not covered, or the
            approval expired or was withdrawn; null otherwise.
        coverage_id (None | Unset | UUID):
        headache_hours (int | None | Unset): How long the current attack has lasted, whole hours (same-day orders only);
            72 or more counts as status migrainosus in the same-day queue
        ordering_practitioner_id (None | Unset | UUID):
        supervising_practitioner_id (None | Unset | UUID):
        triage_category (None | str | Unset): Same-day triage: status_migrainosus (a debilitating attack > 72 h),
            refractory_to_home_rescue, prolonged_attack or routine. Same-day orders only; the same-day queue orders by it
            (scheduling's triage rule)
    """

    acuity_class: str
    administrations: list[OrdersAdministrationOut]
    authorization_status: str
    cancel_reason: None | str
    cancelled_at: datetime.datetime | None
    catalog_version: int
    completed_at: datetime.datetime | None
    created_at: datetime.datetime
    diagnosis: list[str]
    estimated_chair_minutes: int
    findings: list[OrdersFindingOut]
    history: list[OrdersOrderOutHistoryItem]
    id: UUID
    lines: list[OrdersOrderOutLinesItem]
    overrides: list[OrdersOverrideOut]
    patient_id: UUID
    payer: None | OrdersOrderOutPayerType0
    practice_id: str
    prescriber_id: None | str
    protocol_id: None | UUID
    requested_window: None | OrdersOrderOutRequestedWindowType0
    requires_driver: bool
    signed_at: datetime.datetime | None
    status: str
    updated_at: datetime.datetime
    urgency: str
    authorization_reason: None | str | Unset = UNSET
    coverage_id: None | Unset | UUID = UNSET
    headache_hours: int | None | Unset = UNSET
    ordering_practitioner_id: None | Unset | UUID = UNSET
    supervising_practitioner_id: None | Unset | UUID = UNSET
    triage_category: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.orders_order_out_payer_type_0 import OrdersOrderOutPayerType0  # noqa: PLC0415
        from ..models.orders_order_out_requested_window_type_0 import (
            OrdersOrderOutRequestedWindowType0,  # noqa: PLC0415
        )

        acuity_class = self.acuity_class

        administrations = []
        for administrations_item_data in self.administrations:
            administrations_item = administrations_item_data.to_dict()
            administrations.append(administrations_item)

        authorization_status = self.authorization_status

        cancel_reason: None | str
        cancel_reason = self.cancel_reason

        cancelled_at: None | str
        if isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        catalog_version = self.catalog_version

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        created_at = self.created_at.isoformat()

        diagnosis = self.diagnosis

        estimated_chair_minutes = self.estimated_chair_minutes

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        id = str(self.id)

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        overrides = []
        for overrides_item_data in self.overrides:
            overrides_item = overrides_item_data.to_dict()
            overrides.append(overrides_item)

        patient_id = str(self.patient_id)

        payer: dict[str, Any] | None
        if isinstance(self.payer, OrdersOrderOutPayerType0):
            payer = self.payer.to_dict()
        else:
            payer = self.payer

        practice_id = self.practice_id

        prescriber_id: None | str
        prescriber_id = self.prescriber_id

        protocol_id: None | str
        if isinstance(self.protocol_id, UUID):
            protocol_id = str(self.protocol_id)
        else:
            protocol_id = self.protocol_id

        requested_window: dict[str, Any] | None
        if isinstance(self.requested_window, OrdersOrderOutRequestedWindowType0):
            requested_window = self.requested_window.to_dict()
        else:
            requested_window = self.requested_window

        requires_driver = self.requires_driver

        signed_at: None | str
        if isinstance(self.signed_at, datetime.datetime):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        status = self.status

        updated_at = self.updated_at.isoformat()

        urgency = self.urgency

        authorization_reason: None | str | Unset
        if isinstance(self.authorization_reason, Unset):
            authorization_reason = UNSET
        else:
            authorization_reason = self.authorization_reason

        coverage_id: None | str | Unset
        if isinstance(self.coverage_id, Unset):
            coverage_id = UNSET
        elif isinstance(self.coverage_id, UUID):
            coverage_id = str(self.coverage_id)
        else:
            coverage_id = self.coverage_id

        headache_hours: int | None | Unset
        if isinstance(self.headache_hours, Unset):
            headache_hours = UNSET
        else:
            headache_hours = self.headache_hours

        ordering_practitioner_id: None | str | Unset
        if isinstance(self.ordering_practitioner_id, Unset):
            ordering_practitioner_id = UNSET
        elif isinstance(self.ordering_practitioner_id, UUID):
            ordering_practitioner_id = str(self.ordering_practitioner_id)
        else:
            ordering_practitioner_id = self.ordering_practitioner_id

        supervising_practitioner_id: None | str | Unset
        if isinstance(self.supervising_practitioner_id, Unset):
            supervising_practitioner_id = UNSET
        elif isinstance(self.supervising_practitioner_id, UUID):
            supervising_practitioner_id = str(self.supervising_practitioner_id)
        else:
            supervising_practitioner_id = self.supervising_practitioner_id

        triage_category: None | str | Unset
        if isinstance(self.triage_category, Unset):
            triage_category = UNSET
        else:
            triage_category = self.triage_category

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acuity_class": acuity_class,
                "administrations": administrations,
                "authorization_status": authorization_status,
                "cancel_reason": cancel_reason,
                "cancelled_at": cancelled_at,
                "catalog_version": catalog_version,
                "completed_at": completed_at,
                "created_at": created_at,
                "diagnosis": diagnosis,
                "estimated_chair_minutes": estimated_chair_minutes,
                "findings": findings,
                "history": history,
                "id": id,
                "lines": lines,
                "overrides": overrides,
                "patient_id": patient_id,
                "payer": payer,
                "practice_id": practice_id,
                "prescriber_id": prescriber_id,
                "protocol_id": protocol_id,
                "requested_window": requested_window,
                "requires_driver": requires_driver,
                "signed_at": signed_at,
                "status": status,
                "updated_at": updated_at,
                "urgency": urgency,
            }
        )
        if authorization_reason is not UNSET:
            field_dict["authorization_reason"] = authorization_reason
        if coverage_id is not UNSET:
            field_dict["coverage_id"] = coverage_id
        if headache_hours is not UNSET:
            field_dict["headache_hours"] = headache_hours
        if ordering_practitioner_id is not UNSET:
            field_dict["ordering_practitioner_id"] = ordering_practitioner_id
        if supervising_practitioner_id is not UNSET:
            field_dict["supervising_practitioner_id"] = supervising_practitioner_id
        if triage_category is not UNSET:
            field_dict["triage_category"] = triage_category

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_administration_out import OrdersAdministrationOut  # noqa: PLC0415
        from ..models.orders_finding_out import OrdersFindingOut  # noqa: PLC0415
        from ..models.orders_order_out_history_item import OrdersOrderOutHistoryItem  # noqa: PLC0415
        from ..models.orders_order_out_lines_item import OrdersOrderOutLinesItem  # noqa: PLC0415
        from ..models.orders_order_out_payer_type_0 import OrdersOrderOutPayerType0  # noqa: PLC0415
        from ..models.orders_order_out_requested_window_type_0 import (
            OrdersOrderOutRequestedWindowType0,  # noqa: PLC0415
        )
        from ..models.orders_override_out import OrdersOverrideOut  # noqa: PLC0415

        d = dict(src_dict)
        acuity_class = d.pop("acuity_class")

        administrations = []
        _administrations = d.pop("administrations")
        for administrations_item_data in _administrations:
            administrations_item = OrdersAdministrationOut.from_dict(administrations_item_data)

            administrations.append(administrations_item)

        authorization_status = d.pop("authorization_status")

        def _parse_cancel_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancel_reason = _parse_cancel_reason(d.pop("cancel_reason"))

        def _parse_cancelled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)

                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at"))

        catalog_version = d.pop("catalog_version")

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        diagnosis = cast(list[str], d.pop("diagnosis"))

        estimated_chair_minutes = d.pop("estimated_chair_minutes")

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = OrdersFindingOut.from_dict(findings_item_data)

            findings.append(findings_item)

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = OrdersOrderOutHistoryItem.from_dict(history_item_data)

            history.append(history_item)

        id = UUID(d.pop("id"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrdersOrderOutLinesItem.from_dict(lines_item_data)

            lines.append(lines_item)

        overrides = []
        _overrides = d.pop("overrides")
        for overrides_item_data in _overrides:
            overrides_item = OrdersOverrideOut.from_dict(overrides_item_data)

            overrides.append(overrides_item)

        patient_id = UUID(d.pop("patient_id"))

        def _parse_payer(data: object) -> None | OrdersOrderOutPayerType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payer_type_0 = OrdersOrderOutPayerType0.from_dict(data)

                return payer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersOrderOutPayerType0, data)

        payer = _parse_payer(d.pop("payer"))

        practice_id = d.pop("practice_id")

        def _parse_prescriber_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        prescriber_id = _parse_prescriber_id(d.pop("prescriber_id"))

        def _parse_protocol_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                protocol_id_type_0 = UUID(data)

                return protocol_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        protocol_id = _parse_protocol_id(d.pop("protocol_id"))

        def _parse_requested_window(data: object) -> None | OrdersOrderOutRequestedWindowType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                requested_window_type_0 = OrdersOrderOutRequestedWindowType0.from_dict(data)

                return requested_window_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersOrderOutRequestedWindowType0, data)

        requested_window = _parse_requested_window(d.pop("requested_window"))

        requires_driver = d.pop("requires_driver")

        def _parse_signed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_at_type_0 = datetime.datetime.fromisoformat(data)

                return signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        signed_at = _parse_signed_at(d.pop("signed_at"))

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        urgency = d.pop("urgency")

        def _parse_authorization_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        authorization_reason = _parse_authorization_reason(d.pop("authorization_reason", UNSET))

        def _parse_coverage_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                coverage_id_type_0 = UUID(data)

                return coverage_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        coverage_id = _parse_coverage_id(d.pop("coverage_id", UNSET))

        def _parse_headache_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        headache_hours = _parse_headache_hours(d.pop("headache_hours", UNSET))

        def _parse_ordering_practitioner_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ordering_practitioner_id_type_0 = UUID(data)

                return ordering_practitioner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        ordering_practitioner_id = _parse_ordering_practitioner_id(
            d.pop("ordering_practitioner_id", UNSET)
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

        def _parse_triage_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        triage_category = _parse_triage_category(d.pop("triage_category", UNSET))

        orders_order_out = cls(
            acuity_class=acuity_class,
            administrations=administrations,
            authorization_status=authorization_status,
            cancel_reason=cancel_reason,
            cancelled_at=cancelled_at,
            catalog_version=catalog_version,
            completed_at=completed_at,
            created_at=created_at,
            diagnosis=diagnosis,
            estimated_chair_minutes=estimated_chair_minutes,
            findings=findings,
            history=history,
            id=id,
            lines=lines,
            overrides=overrides,
            patient_id=patient_id,
            payer=payer,
            practice_id=practice_id,
            prescriber_id=prescriber_id,
            protocol_id=protocol_id,
            requested_window=requested_window,
            requires_driver=requires_driver,
            signed_at=signed_at,
            status=status,
            updated_at=updated_at,
            urgency=urgency,
            authorization_reason=authorization_reason,
            coverage_id=coverage_id,
            headache_hours=headache_hours,
            ordering_practitioner_id=ordering_practitioner_id,
            supervising_practitioner_id=supervising_practitioner_id,
            triage_category=triage_category,
        )

        orders_order_out.additional_properties = d
        return orders_order_out

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
