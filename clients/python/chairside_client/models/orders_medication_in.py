from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrdersMedicationIn")


@_attrs_define
class OrdersMedicationIn:
    """
    Attributes:
        name (str):
        class_ (None | str | Unset):
        last_dose_at (datetime.datetime | None | Unset):
        rxnorm (None | str | Unset):
    """

    name: str
    class_: None | str | Unset = UNSET
    last_dose_at: datetime.datetime | None | Unset = UNSET
    rxnorm: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        class_: None | str | Unset
        if isinstance(self.class_, Unset):
            class_ = UNSET
        else:
            class_ = self.class_

        last_dose_at: None | str | Unset
        if isinstance(self.last_dose_at, Unset):
            last_dose_at = UNSET
        elif isinstance(self.last_dose_at, datetime.datetime):
            last_dose_at = self.last_dose_at.isoformat()
        else:
            last_dose_at = self.last_dose_at

        rxnorm: None | str | Unset
        if isinstance(self.rxnorm, Unset):
            rxnorm = UNSET
        else:
            rxnorm = self.rxnorm

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if class_ is not UNSET:
            field_dict["class"] = class_
        if last_dose_at is not UNSET:
            field_dict["last_dose_at"] = last_dose_at
        if rxnorm is not UNSET:
            field_dict["rxnorm"] = rxnorm

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_class_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        class_ = _parse_class_(d.pop("class", UNSET))

        def _parse_last_dose_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_dose_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_dose_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_dose_at = _parse_last_dose_at(d.pop("last_dose_at", UNSET))

        def _parse_rxnorm(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rxnorm = _parse_rxnorm(d.pop("rxnorm", UNSET))

        orders_medication_in = cls(
            name=name,
            class_=class_,
            last_dose_at=last_dose_at,
            rxnorm=rxnorm,
        )

        return orders_medication_in
