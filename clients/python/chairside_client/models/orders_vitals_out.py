from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.orders_vitals_out_kind import OrdersVitalsOutKind
from ..models.orders_vitals_out_poss_type_0 import OrdersVitalsOutPossType0

if TYPE_CHECKING:
    from ..models.orders_vital_finding_out import OrdersVitalFindingOut


T = TypeVar("T", bound="OrdersVitalsOut")


@_attrs_define
class OrdersVitalsOut:
    """
    Attributes:
        bp_diastolic (int | None):
        bp_systolic (int | None):
        findings (list[OrdersVitalFindingOut]):
        heart_rate (int | None):
        id (UUID):
        kind (OrdersVitalsOutKind):
        nrs (int | None):
        on_room_air (bool):
        order_id (UUID):
        poss (None | OrdersVitalsOutPossType0):
        rass (int | None):
        recorded_at (datetime.datetime):
        recorded_by (None | str):
        respiratory_rate (int | None):
        spo2 (int | None):
        taken_at (datetime.datetime):
        temperature_c (None | str):
        weight_kg (None | str):
    """

    bp_diastolic: int | None
    bp_systolic: int | None
    findings: list[OrdersVitalFindingOut]
    heart_rate: int | None
    id: UUID
    kind: OrdersVitalsOutKind
    nrs: int | None
    on_room_air: bool
    order_id: UUID
    poss: None | OrdersVitalsOutPossType0
    rass: int | None
    recorded_at: datetime.datetime
    recorded_by: None | str
    respiratory_rate: int | None
    spo2: int | None
    taken_at: datetime.datetime
    temperature_c: None | str
    weight_kg: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bp_diastolic: int | None
        bp_diastolic = self.bp_diastolic

        bp_systolic: int | None
        bp_systolic = self.bp_systolic

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        heart_rate: int | None
        heart_rate = self.heart_rate

        id = str(self.id)

        kind = self.kind.value

        nrs: int | None
        nrs = self.nrs

        on_room_air = self.on_room_air

        order_id = str(self.order_id)

        poss: None | str
        if isinstance(self.poss, OrdersVitalsOutPossType0):
            poss = self.poss.value
        else:
            poss = self.poss

        rass: int | None
        rass = self.rass

        recorded_at = self.recorded_at.isoformat()

        recorded_by: None | str
        recorded_by = self.recorded_by

        respiratory_rate: int | None
        respiratory_rate = self.respiratory_rate

        spo2: int | None
        spo2 = self.spo2

        taken_at = self.taken_at.isoformat()

        temperature_c: None | str
        temperature_c = self.temperature_c

        weight_kg: None | str
        weight_kg = self.weight_kg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bp_diastolic": bp_diastolic,
                "bp_systolic": bp_systolic,
                "findings": findings,
                "heart_rate": heart_rate,
                "id": id,
                "kind": kind,
                "nrs": nrs,
                "on_room_air": on_room_air,
                "order_id": order_id,
                "poss": poss,
                "rass": rass,
                "recorded_at": recorded_at,
                "recorded_by": recorded_by,
                "respiratory_rate": respiratory_rate,
                "spo2": spo2,
                "taken_at": taken_at,
                "temperature_c": temperature_c,
                "weight_kg": weight_kg,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_vital_finding_out import OrdersVitalFindingOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_bp_diastolic(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        bp_diastolic = _parse_bp_diastolic(d.pop("bp_diastolic"))

        def _parse_bp_systolic(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        bp_systolic = _parse_bp_systolic(d.pop("bp_systolic"))

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = OrdersVitalFindingOut.from_dict(findings_item_data)

            findings.append(findings_item)

        def _parse_heart_rate(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        heart_rate = _parse_heart_rate(d.pop("heart_rate"))

        id = UUID(d.pop("id"))

        kind = OrdersVitalsOutKind(d.pop("kind"))

        def _parse_nrs(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        nrs = _parse_nrs(d.pop("nrs"))

        on_room_air = d.pop("on_room_air")

        order_id = UUID(d.pop("order_id"))

        def _parse_poss(data: object) -> None | OrdersVitalsOutPossType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                poss_type_0 = OrdersVitalsOutPossType0(data)

                return poss_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersVitalsOutPossType0, data)

        poss = _parse_poss(d.pop("poss"))

        def _parse_rass(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rass = _parse_rass(d.pop("rass"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        def _parse_recorded_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recorded_by = _parse_recorded_by(d.pop("recorded_by"))

        def _parse_respiratory_rate(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        respiratory_rate = _parse_respiratory_rate(d.pop("respiratory_rate"))

        def _parse_spo2(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        spo2 = _parse_spo2(d.pop("spo2"))

        taken_at = datetime.datetime.fromisoformat(d.pop("taken_at"))

        def _parse_temperature_c(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        temperature_c = _parse_temperature_c(d.pop("temperature_c"))

        def _parse_weight_kg(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        weight_kg = _parse_weight_kg(d.pop("weight_kg"))

        orders_vitals_out = cls(
            bp_diastolic=bp_diastolic,
            bp_systolic=bp_systolic,
            findings=findings,
            heart_rate=heart_rate,
            id=id,
            kind=kind,
            nrs=nrs,
            on_room_air=on_room_air,
            order_id=order_id,
            poss=poss,
            rass=rass,
            recorded_at=recorded_at,
            recorded_by=recorded_by,
            respiratory_rate=respiratory_rate,
            spo2=spo2,
            taken_at=taken_at,
            temperature_c=temperature_c,
            weight_kg=weight_kg,
        )

        orders_vitals_out.additional_properties = d
        return orders_vitals_out

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
