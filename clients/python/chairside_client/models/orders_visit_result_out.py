from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.orders_visit_result_out_result import OrdersVisitResultOutResult

if TYPE_CHECKING:
    from ..models.orders_reaction_note_out import OrdersReactionNoteOut


T = TypeVar("T", bound="OrdersVisitResultOut")


@_attrs_define
class OrdersVisitResultOut:
    """
    Attributes:
        completed_at (datetime.datetime):
        drug_codes (list[str]):
        ed_return_72h (bool | None):
        order_id (UUID):
        protocol_id (None | UUID):
        reactions (list[OrdersReactionNoteOut]):
        relief_at_discharge (bool | None):
        response (str):
        result (OrdersVisitResultOutResult):
        sustained_relief_24h (bool | None):
        time_to_relief_min (int | None):
    """

    completed_at: datetime.datetime
    drug_codes: list[str]
    ed_return_72h: bool | None
    order_id: UUID
    protocol_id: None | UUID
    reactions: list[OrdersReactionNoteOut]
    relief_at_discharge: bool | None
    response: str
    result: OrdersVisitResultOutResult
    sustained_relief_24h: bool | None
    time_to_relief_min: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        completed_at = self.completed_at.isoformat()

        drug_codes = self.drug_codes

        ed_return_72h: bool | None
        ed_return_72h = self.ed_return_72h

        order_id = str(self.order_id)

        protocol_id: None | str
        if isinstance(self.protocol_id, UUID):
            protocol_id = str(self.protocol_id)
        else:
            protocol_id = self.protocol_id

        reactions = []
        for reactions_item_data in self.reactions:
            reactions_item = reactions_item_data.to_dict()
            reactions.append(reactions_item)

        relief_at_discharge: bool | None
        relief_at_discharge = self.relief_at_discharge

        response = self.response

        result = self.result.value

        sustained_relief_24h: bool | None
        sustained_relief_24h = self.sustained_relief_24h

        time_to_relief_min: int | None
        time_to_relief_min = self.time_to_relief_min

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "completed_at": completed_at,
                "drug_codes": drug_codes,
                "ed_return_72h": ed_return_72h,
                "order_id": order_id,
                "protocol_id": protocol_id,
                "reactions": reactions,
                "relief_at_discharge": relief_at_discharge,
                "response": response,
                "result": result,
                "sustained_relief_24h": sustained_relief_24h,
                "time_to_relief_min": time_to_relief_min,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_reaction_note_out import OrdersReactionNoteOut  # noqa: PLC0415

        d = dict(src_dict)
        completed_at = datetime.datetime.fromisoformat(d.pop("completed_at"))

        drug_codes = cast(list[str], d.pop("drug_codes"))

        def _parse_ed_return_72h(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        ed_return_72h = _parse_ed_return_72h(d.pop("ed_return_72h"))

        order_id = UUID(d.pop("order_id"))

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

        reactions = []
        _reactions = d.pop("reactions")
        for reactions_item_data in _reactions:
            reactions_item = OrdersReactionNoteOut.from_dict(reactions_item_data)

            reactions.append(reactions_item)

        def _parse_relief_at_discharge(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        relief_at_discharge = _parse_relief_at_discharge(d.pop("relief_at_discharge"))

        response = d.pop("response")

        result = OrdersVisitResultOutResult(d.pop("result"))

        def _parse_sustained_relief_24h(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        sustained_relief_24h = _parse_sustained_relief_24h(d.pop("sustained_relief_24h"))

        def _parse_time_to_relief_min(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        time_to_relief_min = _parse_time_to_relief_min(d.pop("time_to_relief_min"))

        orders_visit_result_out = cls(
            completed_at=completed_at,
            drug_codes=drug_codes,
            ed_return_72h=ed_return_72h,
            order_id=order_id,
            protocol_id=protocol_id,
            reactions=reactions,
            relief_at_discharge=relief_at_discharge,
            response=response,
            result=result,
            sustained_relief_24h=sustained_relief_24h,
            time_to_relief_min=time_to_relief_min,
        )

        orders_visit_result_out.additional_properties = d
        return orders_visit_result_out

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
