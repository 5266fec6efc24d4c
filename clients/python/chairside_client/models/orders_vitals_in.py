from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.orders_vitals_in_kind import OrdersVitalsInKind
from ..models.orders_vitals_in_poss_type_0 import OrdersVitalsInPossType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersVitalsIn")


@_attrs_define
class OrdersVitalsIn:
    """
    Attributes:
        kind (OrdersVitalsInKind):
        taken_at (datetime.datetime): RFC 3339 time with offset, between 1900-01-01 and 2199-12-31 (UTC)
        bp_diastolic (int | None | Unset):
        bp_systolic (int | None | Unset):
        heart_rate (int | None | Unset):
        nrs (int | None | Unset): pain 0-10 (optional)
        on_room_air (bool | Unset):  Default: True.
        poss (None | OrdersVitalsInPossType0 | Unset): Pasero Opioid-Induced Sedation Scale
        rass (int | None | Unset): Richmond Agitation-Sedation Scale
        respiratory_rate (int | None | Unset):
        spo2 (int | None | Unset): %
        temperature_c (float | None | str | Unset):
        weight_kg (float | None | str | Unset):
    """

    kind: OrdersVitalsInKind
    taken_at: datetime.datetime
    bp_diastolic: int | None | Unset = UNSET
    bp_systolic: int | None | Unset = UNSET
    heart_rate: int | None | Unset = UNSET
    nrs: int | None | Unset = UNSET
    on_room_air: bool | Unset = True
    poss: None | OrdersVitalsInPossType0 | Unset = UNSET
    rass: int | None | Unset = UNSET
    respiratory_rate: int | None | Unset = UNSET
    spo2: int | None | Unset = UNSET
    temperature_c: float | None | str | Unset = UNSET
    weight_kg: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        taken_at = self.taken_at.isoformat()

        bp_diastolic: int | None | Unset
        if isinstance(self.bp_diastolic, Unset):
            bp_diastolic = UNSET
        else:
            bp_diastolic = self.bp_diastolic

        bp_systolic: int | None | Unset
        if isinstance(self.bp_systolic, Unset):
            bp_systolic = UNSET
        else:
            bp_systolic = self.bp_systolic

        heart_rate: int | None | Unset
        if isinstance(self.heart_rate, Unset):
            heart_rate = UNSET
        else:
            heart_rate = self.heart_rate

        nrs: int | None | Unset
        if isinstance(self.nrs, Unset):
            nrs = UNSET
        else:
            nrs = self.nrs

        on_room_air = self.on_room_air

        poss: None | str | Unset
        if isinstance(self.poss, Unset):
            poss = UNSET
        elif isinstance(self.poss, OrdersVitalsInPossType0):
            poss = self.poss.value
        else:
            poss = self.poss

        rass: int | None | Unset
        if isinstance(self.rass, Unset):
            rass = UNSET
        else:
            rass = self.rass

        respiratory_rate: int | None | Unset
        if isinstance(self.respiratory_rate, Unset):
            respiratory_rate = UNSET
        else:
            respiratory_rate = self.respiratory_rate

        spo2: int | None | Unset
        if isinstance(self.spo2, Unset):
            spo2 = UNSET
        else:
            spo2 = self.spo2

        temperature_c: float | None | str | Unset
        if isinstance(self.temperature_c, Unset):
            temperature_c = UNSET
        else:
            temperature_c = self.temperature_c

        weight_kg: float | None | str | Unset
        if isinstance(self.weight_kg, Unset):
            weight_kg = UNSET
        else:
            weight_kg = self.weight_kg

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "taken_at": taken_at,
            }
        )
        if bp_diastolic is not UNSET:
            field_dict["bp_diastolic"] = bp_diastolic
        if bp_systolic is not UNSET:
            field_dict["bp_systolic"] = bp_systolic
        if heart_rate is not UNSET:
            field_dict["heart_rate"] = heart_rate
        if nrs is not UNSET:
            field_dict["nrs"] = nrs
        if on_room_air is not UNSET:
            field_dict["on_room_air"] = on_room_air
        if poss is not UNSET:
            field_dict["poss"] = poss
        if rass is not UNSET:
            field_dict["rass"] = rass
        if respiratory_rate is not UNSET:
            field_dict["respiratory_rate"] = respiratory_rate
        if spo2 is not UNSET:
            field_dict["spo2"] = spo2
        if temperature_c is not UNSET:
            field_dict["temperature_c"] = temperature_c
        if weight_kg is not UNSET:
            field_dict["weight_kg"] = weight_kg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = OrdersVitalsInKind(d.pop("kind"))

        taken_at = datetime.datetime.fromisoformat(d.pop("taken_at"))

        def _parse_bp_diastolic(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bp_diastolic = _parse_bp_diastolic(d.pop("bp_diastolic", UNSET))

        def _parse_bp_systolic(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bp_systolic = _parse_bp_systolic(d.pop("bp_systolic", UNSET))

        def _parse_heart_rate(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        heart_rate = _parse_heart_rate(d.pop("heart_rate", UNSET))

        def _parse_nrs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        nrs = _parse_nrs(d.pop("nrs", UNSET))

        on_room_air = d.pop("on_room_air", UNSET)

        def _parse_poss(data: object) -> None | OrdersVitalsInPossType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                poss_type_0 = OrdersVitalsInPossType0(data)

                return poss_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrdersVitalsInPossType0 | Unset, data)

        poss = _parse_poss(d.pop("poss", UNSET))

        def _parse_rass(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rass = _parse_rass(d.pop("rass", UNSET))

        def _parse_respiratory_rate(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        respiratory_rate = _parse_respiratory_rate(d.pop("respiratory_rate", UNSET))

        def _parse_spo2(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        spo2 = _parse_spo2(d.pop("spo2", UNSET))

        def _parse_temperature_c(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        temperature_c = _parse_temperature_c(d.pop("temperature_c", UNSET))

        def _parse_weight_kg(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        weight_kg = _parse_weight_kg(d.pop("weight_kg", UNSET))

        orders_vitals_in = cls(
            kind=kind,
            taken_at=taken_at,
            bp_diastolic=bp_diastolic,
            bp_systolic=bp_systolic,
            heart_rate=heart_rate,
            nrs=nrs,
            on_room_air=on_room_air,
            poss=poss,
            rass=rass,
            respiratory_rate=respiratory_rate,
            spo2=spo2,
            temperature_c=temperature_c,
            weight_kg=weight_kg,
        )

        return orders_vitals_in
