from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.orders_stats_out import OrdersStatsOut
    from ..models.orders_visit_result_out import OrdersVisitResultOut


T = TypeVar("T", bound="OrdersResponsesOut")


@_attrs_define
class OrdersResponsesOut:
    """
    Attributes:
        best_protocol_id (None | str):
        by_drug (list[OrdersStatsOut]):
        by_protocol (list[OrdersStatsOut]):
        last_successful_protocol_id (None | str):
        patient_id (UUID):
        visits (list[OrdersVisitResultOut]):
    """

    best_protocol_id: None | str
    by_drug: list[OrdersStatsOut]
    by_protocol: list[OrdersStatsOut]
    last_successful_protocol_id: None | str
    patient_id: UUID
    visits: list[OrdersVisitResultOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        best_protocol_id: None | str
        best_protocol_id = self.best_protocol_id

        by_drug = []
        for by_drug_item_data in self.by_drug:
            by_drug_item = by_drug_item_data.to_dict()
            by_drug.append(by_drug_item)

        by_protocol = []
        for by_protocol_item_data in self.by_protocol:
            by_protocol_item = by_protocol_item_data.to_dict()
            by_protocol.append(by_protocol_item)

        last_successful_protocol_id: None | str
        last_successful_protocol_id = self.last_successful_protocol_id

        patient_id = str(self.patient_id)

        visits = []
        for visits_item_data in self.visits:
            visits_item = visits_item_data.to_dict()
            visits.append(visits_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "best_protocol_id": best_protocol_id,
                "by_drug": by_drug,
                "by_protocol": by_protocol,
                "last_successful_protocol_id": last_successful_protocol_id,
                "patient_id": patient_id,
                "visits": visits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_stats_out import OrdersStatsOut  # noqa: PLC0415
        from ..models.orders_visit_result_out import OrdersVisitResultOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_best_protocol_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        best_protocol_id = _parse_best_protocol_id(d.pop("best_protocol_id"))

        by_drug = []
        _by_drug = d.pop("by_drug")
        for by_drug_item_data in _by_drug:
            by_drug_item = OrdersStatsOut.from_dict(by_drug_item_data)

            by_drug.append(by_drug_item)

        by_protocol = []
        _by_protocol = d.pop("by_protocol")
        for by_protocol_item_data in _by_protocol:
            by_protocol_item = OrdersStatsOut.from_dict(by_protocol_item_data)

            by_protocol.append(by_protocol_item)

        def _parse_last_successful_protocol_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_successful_protocol_id = _parse_last_successful_protocol_id(
            d.pop("last_successful_protocol_id")
        )

        patient_id = UUID(d.pop("patient_id"))

        visits = []
        _visits = d.pop("visits")
        for visits_item_data in _visits:
            visits_item = OrdersVisitResultOut.from_dict(visits_item_data)

            visits.append(visits_item)

        orders_responses_out = cls(
            best_protocol_id=best_protocol_id,
            by_drug=by_drug,
            by_protocol=by_protocol,
            last_successful_protocol_id=last_successful_protocol_id,
            patient_id=patient_id,
            visits=visits,
        )

        orders_responses_out.additional_properties = d
        return orders_responses_out

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
