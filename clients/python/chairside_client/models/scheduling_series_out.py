from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scheduling_pattern_out import SchedulingPatternOut
    from ..models.scheduling_series_visit_out import SchedulingSeriesVisitOut
    from ..models.scheduling_shift_offer_out import SchedulingShiftOfferOut
    from ..models.scheduling_window_out import SchedulingWindowOut


T = TypeVar("T", bound="SchedulingSeriesOut")


@_attrs_define
class SchedulingSeriesOut:
    """
    Attributes:
        allow_closed_day_gap (bool):
        first_day (datetime.date):
        held_by_reactions (list[UUID]):
        id (UUID):
        patient_id (UUID):
        pattern (SchedulingPatternOut):
        paused (bool):
        practice_id (str):
        visits (list[SchedulingSeriesVisitOut]):
        window (SchedulingWindowOut):
        shift_offer (None | SchedulingShiftOfferOut | Unset):
    """

    allow_closed_day_gap: bool
    first_day: datetime.date
    held_by_reactions: list[UUID]
    id: UUID
    patient_id: UUID
    pattern: SchedulingPatternOut
    paused: bool
    practice_id: str
    visits: list[SchedulingSeriesVisitOut]
    window: SchedulingWindowOut
    shift_offer: None | SchedulingShiftOfferOut | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.scheduling_shift_offer_out import SchedulingShiftOfferOut  # noqa: PLC0415

        allow_closed_day_gap = self.allow_closed_day_gap

        first_day = self.first_day.isoformat()

        held_by_reactions = []
        for held_by_reactions_item_data in self.held_by_reactions:
            held_by_reactions_item = str(held_by_reactions_item_data)
            held_by_reactions.append(held_by_reactions_item)

        id = str(self.id)

        patient_id = str(self.patient_id)

        pattern = self.pattern.to_dict()

        paused = self.paused

        practice_id = self.practice_id

        visits = []
        for visits_item_data in self.visits:
            visits_item = visits_item_data.to_dict()
            visits.append(visits_item)

        window = self.window.to_dict()

        shift_offer: dict[str, Any] | None | Unset
        if isinstance(self.shift_offer, Unset):
            shift_offer = UNSET
        elif isinstance(self.shift_offer, SchedulingShiftOfferOut):
            shift_offer = self.shift_offer.to_dict()
        else:
            shift_offer = self.shift_offer

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "allow_closed_day_gap": allow_closed_day_gap,
                "first_day": first_day,
                "held_by_reactions": held_by_reactions,
                "id": id,
                "patient_id": patient_id,
                "pattern": pattern,
                "paused": paused,
                "practice_id": practice_id,
                "visits": visits,
                "window": window,
            }
        )
        if shift_offer is not UNSET:
            field_dict["shift_offer"] = shift_offer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduling_pattern_out import SchedulingPatternOut  # noqa: PLC0415
        from ..models.scheduling_series_visit_out import SchedulingSeriesVisitOut  # noqa: PLC0415
        from ..models.scheduling_shift_offer_out import SchedulingShiftOfferOut  # noqa: PLC0415
        from ..models.scheduling_window_out import SchedulingWindowOut  # noqa: PLC0415

        d = dict(src_dict)
        allow_closed_day_gap = d.pop("allow_closed_day_gap")

        first_day = datetime.date.fromisoformat(d.pop("first_day"))

        held_by_reactions = []
        _held_by_reactions = d.pop("held_by_reactions")
        for held_by_reactions_item_data in _held_by_reactions:
            held_by_reactions_item = UUID(held_by_reactions_item_data)

            held_by_reactions.append(held_by_reactions_item)

        id = UUID(d.pop("id"))

        patient_id = UUID(d.pop("patient_id"))

        pattern = SchedulingPatternOut.from_dict(d.pop("pattern"))

        paused = d.pop("paused")

        practice_id = d.pop("practice_id")

        visits = []
        _visits = d.pop("visits")
        for visits_item_data in _visits:
            visits_item = SchedulingSeriesVisitOut.from_dict(visits_item_data)

            visits.append(visits_item)

        window = SchedulingWindowOut.from_dict(d.pop("window"))

        def _parse_shift_offer(data: object) -> None | SchedulingShiftOfferOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shift_offer_type_0 = SchedulingShiftOfferOut.from_dict(data)

                return shift_offer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SchedulingShiftOfferOut | Unset, data)

        shift_offer = _parse_shift_offer(d.pop("shift_offer", UNSET))

        scheduling_series_out = cls(
            allow_closed_day_gap=allow_closed_day_gap,
            first_day=first_day,
            held_by_reactions=held_by_reactions,
            id=id,
            patient_id=patient_id,
            pattern=pattern,
            paused=paused,
            practice_id=practice_id,
            visits=visits,
            window=window,
            shift_offer=shift_offer,
        )

        return scheduling_series_out
