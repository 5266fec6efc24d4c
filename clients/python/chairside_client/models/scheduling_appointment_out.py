from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.scheduling_appointment_out_status import SchedulingAppointmentOutStatus
from ..models.scheduling_appointment_out_urgency import SchedulingAppointmentOutUrgency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scheduling_shift_offer_out import SchedulingShiftOfferOut


T = TypeVar("T", bound="SchedulingAppointmentOut")


@_attrs_define
class SchedulingAppointmentOut:
    """
    Attributes:
        acuity_class (str):
        chair_id (None | str):
        end (datetime.datetime | None):
        id (UUID):
        minutes (int):
        order_id (None | UUID):
        pediatric (bool):
        practice_id (None | str):
        requires_driver (bool):
        start (datetime.datetime | None):
        status (SchedulingAppointmentOutStatus):
        urgency (SchedulingAppointmentOutUrgency):
        version (int):
        completed_at (datetime.datetime | None | Unset): actual end
        hold_expires_at (datetime.datetime | None | Unset):
        paused_by_reactions (list[UUID] | Unset): RX-6: reactions holding its series until a provider clears them (GET
            /v1/appointments/{id} only); check-in and start are refused
        queued_at (datetime.datetime | None | Unset):
        reason (None | str | Unset):
        requested_start (datetime.datetime | None | Unset):
        series_id (None | Unset | UUID): the series its order belongs to (GET /v1/appointments/{id} only)
        series_shift_offer (None | SchedulingShiftOfferOut | Unset): after a move or cancel of a series visit: the shift
            of the rest the series now offers (the same as GET /v1/series/{series_id}); null otherwise
        started_at (datetime.datetime | None | Unset): actual start (in the chair)
    """

    acuity_class: str
    chair_id: None | str
    end: datetime.datetime | None
    id: UUID
    minutes: int
    order_id: None | UUID
    pediatric: bool
    practice_id: None | str
    requires_driver: bool
    start: datetime.datetime | None
    status: SchedulingAppointmentOutStatus
    urgency: SchedulingAppointmentOutUrgency
    version: int
    completed_at: datetime.datetime | None | Unset = UNSET
    hold_expires_at: datetime.datetime | None | Unset = UNSET
    paused_by_reactions: list[UUID] | Unset = UNSET
    queued_at: datetime.datetime | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    requested_start: datetime.datetime | None | Unset = UNSET
    series_id: None | Unset | UUID = UNSET
    series_shift_offer: None | SchedulingShiftOfferOut | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.scheduling_shift_offer_out import SchedulingShiftOfferOut  # noqa: PLC0415

        acuity_class = self.acuity_class

        chair_id: None | str
        chair_id = self.chair_id

        end: None | str
        if isinstance(self.end, datetime.datetime):
            end = self.end.isoformat()
        else:
            end = self.end

        id = str(self.id)

        minutes = self.minutes

        order_id: None | str
        if isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        pediatric = self.pediatric

        practice_id: None | str
        practice_id = self.practice_id

        requires_driver = self.requires_driver

        start: None | str
        if isinstance(self.start, datetime.datetime):
            start = self.start.isoformat()
        else:
            start = self.start

        status = self.status.value

        urgency = self.urgency.value

        version = self.version

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        hold_expires_at: None | str | Unset
        if isinstance(self.hold_expires_at, Unset):
            hold_expires_at = UNSET
        elif isinstance(self.hold_expires_at, datetime.datetime):
            hold_expires_at = self.hold_expires_at.isoformat()
        else:
            hold_expires_at = self.hold_expires_at

        paused_by_reactions: list[str] | Unset = UNSET
        if not isinstance(self.paused_by_reactions, Unset):
            paused_by_reactions = []
            for paused_by_reactions_item_data in self.paused_by_reactions:
                paused_by_reactions_item = str(paused_by_reactions_item_data)
                paused_by_reactions.append(paused_by_reactions_item)

        queued_at: None | str | Unset
        if isinstance(self.queued_at, Unset):
            queued_at = UNSET
        elif isinstance(self.queued_at, datetime.datetime):
            queued_at = self.queued_at.isoformat()
        else:
            queued_at = self.queued_at

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        requested_start: None | str | Unset
        if isinstance(self.requested_start, Unset):
            requested_start = UNSET
        elif isinstance(self.requested_start, datetime.datetime):
            requested_start = self.requested_start.isoformat()
        else:
            requested_start = self.requested_start

        series_id: None | str | Unset
        if isinstance(self.series_id, Unset):
            series_id = UNSET
        elif isinstance(self.series_id, UUID):
            series_id = str(self.series_id)
        else:
            series_id = self.series_id

        series_shift_offer: dict[str, Any] | None | Unset
        if isinstance(self.series_shift_offer, Unset):
            series_shift_offer = UNSET
        elif isinstance(self.series_shift_offer, SchedulingShiftOfferOut):
            series_shift_offer = self.series_shift_offer.to_dict()
        else:
            series_shift_offer = self.series_shift_offer

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "acuity_class": acuity_class,
                "chair_id": chair_id,
                "end": end,
                "id": id,
                "minutes": minutes,
                "order_id": order_id,
                "pediatric": pediatric,
                "practice_id": practice_id,
                "requires_driver": requires_driver,
                "start": start,
                "status": status,
                "urgency": urgency,
                "version": version,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if hold_expires_at is not UNSET:
            field_dict["hold_expires_at"] = hold_expires_at
        if paused_by_reactions is not UNSET:
            field_dict["paused_by_reactions"] = paused_by_reactions
        if queued_at is not UNSET:
            field_dict["queued_at"] = queued_at
        if reason is not UNSET:
            field_dict["reason"] = reason
        if requested_start is not UNSET:
            field_dict["requested_start"] = requested_start
        if series_id is not UNSET:
            field_dict["series_id"] = series_id
        if series_shift_offer is not UNSET:
            field_dict["series_shift_offer"] = series_shift_offer
        if started_at is not UNSET:
            field_dict["started_at"] = started_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduling_shift_offer_out import SchedulingShiftOfferOut  # noqa: PLC0415

        d = dict(src_dict)
        acuity_class = d.pop("acuity_class")

        def _parse_chair_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        chair_id = _parse_chair_id(d.pop("chair_id"))

        def _parse_end(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_type_0 = datetime.datetime.fromisoformat(data)

                return end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        end = _parse_end(d.pop("end"))

        id = UUID(d.pop("id"))

        minutes = d.pop("minutes")

        def _parse_order_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_id_type_0 = UUID(data)

                return order_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        order_id = _parse_order_id(d.pop("order_id"))

        pediatric = d.pop("pediatric")

        def _parse_practice_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        practice_id = _parse_practice_id(d.pop("practice_id"))

        requires_driver = d.pop("requires_driver")

        def _parse_start(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_type_0 = datetime.datetime.fromisoformat(data)

                return start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        start = _parse_start(d.pop("start"))

        status = SchedulingAppointmentOutStatus(d.pop("status"))

        urgency = SchedulingAppointmentOutUrgency(d.pop("urgency"))

        version = d.pop("version")

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_hold_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hold_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return hold_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        hold_expires_at = _parse_hold_expires_at(d.pop("hold_expires_at", UNSET))

        _paused_by_reactions = d.pop("paused_by_reactions", UNSET)
        paused_by_reactions: list[UUID] | Unset = UNSET
        if _paused_by_reactions is not UNSET:
            paused_by_reactions = []
            for paused_by_reactions_item_data in _paused_by_reactions:
                paused_by_reactions_item = UUID(paused_by_reactions_item_data)

                paused_by_reactions.append(paused_by_reactions_item)

        def _parse_queued_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                queued_at_type_0 = datetime.datetime.fromisoformat(data)

                return queued_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        queued_at = _parse_queued_at(d.pop("queued_at", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_requested_start(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                requested_start_type_0 = datetime.datetime.fromisoformat(data)

                return requested_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        requested_start = _parse_requested_start(d.pop("requested_start", UNSET))

        def _parse_series_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                series_id_type_0 = UUID(data)

                return series_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        series_id = _parse_series_id(d.pop("series_id", UNSET))

        def _parse_series_shift_offer(data: object) -> None | SchedulingShiftOfferOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                series_shift_offer_type_0 = SchedulingShiftOfferOut.from_dict(data)

                return series_shift_offer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SchedulingShiftOfferOut | Unset, data)

        series_shift_offer = _parse_series_shift_offer(d.pop("series_shift_offer", UNSET))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        scheduling_appointment_out = cls(
            acuity_class=acuity_class,
            chair_id=chair_id,
            end=end,
            id=id,
            minutes=minutes,
            order_id=order_id,
            pediatric=pediatric,
            practice_id=practice_id,
            requires_driver=requires_driver,
            start=start,
            status=status,
            urgency=urgency,
            version=version,
            completed_at=completed_at,
            hold_expires_at=hold_expires_at,
            paused_by_reactions=paused_by_reactions,
            queued_at=queued_at,
            reason=reason,
            requested_start=requested_start,
            series_id=series_id,
            series_shift_offer=series_shift_offer,
            started_at=started_at,
        )

        return scheduling_appointment_out
