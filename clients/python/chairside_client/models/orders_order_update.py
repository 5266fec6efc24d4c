from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.orders_order_update_triage_category_type_0 import (
    OrdersOrderUpdateTriageCategoryType0,
)
from ..models.orders_order_update_urgency_type_0 import OrdersOrderUpdateUrgencyType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orders_order_line_in import OrdersOrderLineIn
    from ..models.orders_payer_in import OrdersPayerIn
    from ..models.orders_window_in import OrdersWindowIn


T = TypeVar("T", bound="OrdersOrderUpdate")


@_attrs_define
class OrdersOrderUpdate:
    """
    Attributes:
        coverage_id (None | Unset | UUID):
        diagnosis (list[str] | None | Unset):
        headache_hours (int | None | Unset): How long the current attack has lasted, whole hours (same-day orders only);
            72 or more counts as status migrainosus in the same-day queue
        lines (list[OrdersOrderLineIn] | None | Unset):
        ordering_practitioner_id (None | Unset | UUID):
        payer (None | OrdersPayerIn | Unset):
        requested_window (None | OrdersWindowIn | Unset):
        triage_category (None | OrdersOrderUpdateTriageCategoryType0 | Unset): Same-day triage: status_migrainosus (a
            debilitating attack > 72 h), refractory_to_home_rescue, prolonged_attack or routine. Same-day orders only; the
            same-day queue orders by it (scheduling's triage rule)
        urgency (None | OrdersOrderUpdateUrgencyType0 | Unset):
    """

    coverage_id: None | Unset | UUID = UNSET
    diagnosis: list[str] | None | Unset = UNSET
    headache_hours: int | None | Unset = UNSET
    lines: list[OrdersOrderLineIn] | None | Unset = UNSET
    ordering_practitioner_id: None | Unset | UUID = UNSET
    payer: None | OrdersPayerIn | Unset = UNSET
    requested_window: None | OrdersWindowIn | Unset = UNSET
    triage_category: None | OrdersOrderUpdateTriageCategoryType0 | Unset = UNSET
    urgency: None | OrdersOrderUpdateUrgencyType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.orders_payer_in import OrdersPayerIn  # noqa: PLC0415
        from ..models.orders_window_in import OrdersWindowIn  # noqa: PLC0415

        coverage_id: None | str | Unset
        if isinstance(self.coverage_id, Unset):
            coverage_id = UNSET
        elif isinstance(self.coverage_id, UUID):
            coverage_id = str(self.coverage_id)
        else:
            coverage_id = self.coverage_id

        diagnosis: list[str] | None | Unset
        if isinstance(self.diagnosis, Unset):
            diagnosis = UNSET
        elif isinstance(self.diagnosis, list):
            diagnosis = self.diagnosis

        else:
            diagnosis = self.diagnosis

        headache_hours: int | None | Unset
        if isinstance(self.headache_hours, Unset):
            headache_hours = UNSET
        else:
            headache_hours = self.headache_hours

        lines: list[dict[str, Any]] | None | Unset
        if isinstance(self.lines, Unset):
            lines = UNSET
        elif isinstance(self.lines, list):
            lines = []
            for lines_type_0_item_data in self.lines:
                lines_type_0_item = lines_type_0_item_data.to_dict()
                lines.append(lines_type_0_item)

        else:
            lines = self.lines

        ordering_practitioner_id: None | str | Unset
        if isinstance(self.ordering_practitioner_id, Unset):
            ordering_practitioner_id = UNSET
        elif isinstance(self.ordering_practitioner_id, UUID):
            ordering_practitioner_id = str(self.ordering_practitioner_id)
        else:
            ordering_practitioner_id = self.ordering_practitioner_id

        payer: dict[str, Any] | None | Unset
        if isinstance(self.payer, Unset):
            payer = UNSET
        elif isinstance(self.payer, OrdersPayerIn):
            payer = self.payer.to_dict()
        else:
            payer = self.payer

        requested_window: dict[str, Any] | None | Unset
        if isinstance(self.requested_window, Unset):
            requested_window = UNSET
        elif isinstance(self.requested_window, OrdersWindowIn):
            requested_window = self.requested_window.to_dict()
        else:
            requested_window = self.requested_window

        triage_category: None | str | Unset
        if isinstance(self.triage_category, Unset):
            triage_category = UNSET
        elif isinstance(self.triage_category, OrdersOrderUpdateTriageCategoryType0):
            triage_category = self.triage_category.value
        else:
            triage_category = self.triage_category

        urgency: None | str | Unset
        if isinstance(self.urgency, Unset):
            urgency = UNSET
        elif isinstance(self.urgency, OrdersOrderUpdateUrgencyType0):
            urgency = self.urgency.value
        else:
            urgency = self.urgency

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if coverage_id is not UNSET:
            field_dict["coverage_id"] = coverage_id
        if diagnosis is not UNSET:
            field_dict["diagnosis"] = diagnosis
        if headache_hours is not UNSET:
            field_dict["headache_hours"] = headache_hours
        if lines is not UNSET:
            field_dict["lines"] = lines
        if ordering_practitioner_id is not UNSET:
            field_dict["ordering_practitioner_id"] = ordering_practitioner_id
        if payer is not UNSET:
            field_dict["payer"] = payer
        if requested_window is not UNSET:
            field_dict["requested_window"] = requested_window
        if triage_category is not UNSET:
            field_dict["triage_category"] = triage_category
        if urgency is not UNSET:
            field_dict["urgency"] = urgency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_order_line_in import OrdersOrderLineIn  # noqa: PLC0415
        from ..models.orders_payer_in import OrdersPayerIn  # noqa: PLC0415
        from ..models.orders_window_in import OrdersWindowIn  # noqa: PLC0415

        d = dict(src_dict)

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

        def _parse_diagnosis(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                diagnosis_type_0 = cast(list[str], data)

                return diagnosis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        diagnosis = _parse_diagnosis(d.pop("diagnosis", UNSET))

        def _parse_headache_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        headache_hours = _parse_headache_hours(d.pop("headache_hours", UNSET))

        def _parse_lines(data: object) -> list[OrdersOrderLineIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                lines_type_0 = []
                _lines_type_0 = data
                for lines_type_0_item_data in _lines_type_0:
                    lines_type_0_item = OrdersOrderLineIn.from_dict(lines_type_0_item_data)

                    lines_type_0.append(lines_type_0_item)

                return lines_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrdersOrderLineIn] | None | Unset, data)

        lines = _parse_lines(d.pop("lines", UNSET))

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

        def _parse_payer(data: object) -> None | OrdersPayerIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payer_type_0 = OrdersPayerIn.from_dict(data)

                return payer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersPayerIn | Unset, data)

        payer = _parse_payer(d.pop("payer", UNSET))

        def _parse_requested_window(data: object) -> None | OrdersWindowIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                requested_window_type_0 = OrdersWindowIn.from_dict(data)

                return requested_window_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersWindowIn | Unset, data)

        requested_window = _parse_requested_window(d.pop("requested_window", UNSET))

        def _parse_triage_category(
            data: object,
        ) -> None | OrdersOrderUpdateTriageCategoryType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                triage_category_type_0 = OrdersOrderUpdateTriageCategoryType0(data)

                return triage_category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersOrderUpdateTriageCategoryType0 | Unset, data)

        triage_category = _parse_triage_category(d.pop("triage_category", UNSET))

        def _parse_urgency(data: object) -> None | OrdersOrderUpdateUrgencyType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                urgency_type_0 = OrdersOrderUpdateUrgencyType0(data)

                return urgency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersOrderUpdateUrgencyType0 | Unset, data)

        urgency = _parse_urgency(d.pop("urgency", UNSET))

        orders_order_update = cls(
            coverage_id=coverage_id,
            diagnosis=diagnosis,
            headache_hours=headache_hours,
            lines=lines,
            ordering_practitioner_id=ordering_practitioner_id,
            payer=payer,
            requested_window=requested_window,
            triage_category=triage_category,
            urgency=urgency,
        )

        return orders_order_update
