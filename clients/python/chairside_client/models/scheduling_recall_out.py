from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.scheduling_recall_out_status import SchedulingRecallOutStatus

T = TypeVar("T", bound="SchedulingRecallOut")


@_attrs_define
class SchedulingRecallOut:
    """
    Attributes:
        auth_valid_to (datetime.date | None): the approval's last day (auth expiry)
        drug_code (str):
        earliest (datetime.date): no visit of the next dose before this clinic day
        hcpcs (None | str):
        id (UUID):
        last_dose_on (datetime.date):
        latest (datetime.date): overdue after this day
        next_order_id (None | UUID): the next dose's order, once signed
        offered_at (datetime.datetime | None):
        overdue_at (datetime.datetime | None):
        patient_id (UUID):
        practice_id (str): the referring practice of the dose
        pre_dose_checks (list[str]):
        quantity_limit_period_days (int | None):
        quantity_limit_units (int | None): the payer's cap applied, if any
        source_order_id (UUID): the order of the dose this recall follows
        status (SchedulingRecallOutStatus):
        target_from (datetime.date):
        target_to (datetime.date):
        units_given (int):
    """

    auth_valid_to: datetime.date | None
    drug_code: str
    earliest: datetime.date
    hcpcs: None | str
    id: UUID
    last_dose_on: datetime.date
    latest: datetime.date
    next_order_id: None | UUID
    offered_at: datetime.datetime | None
    overdue_at: datetime.datetime | None
    patient_id: UUID
    practice_id: str
    pre_dose_checks: list[str]
    quantity_limit_period_days: int | None
    quantity_limit_units: int | None
    source_order_id: UUID
    status: SchedulingRecallOutStatus
    target_from: datetime.date
    target_to: datetime.date
    units_given: int

    def to_dict(self) -> dict[str, Any]:
        auth_valid_to: None | str
        if isinstance(self.auth_valid_to, datetime.date):
            auth_valid_to = self.auth_valid_to.isoformat()
        else:
            auth_valid_to = self.auth_valid_to

        drug_code = self.drug_code

        earliest = self.earliest.isoformat()

        hcpcs: None | str
        hcpcs = self.hcpcs

        id = str(self.id)

        last_dose_on = self.last_dose_on.isoformat()

        latest = self.latest.isoformat()

        next_order_id: None | str
        if isinstance(self.next_order_id, UUID):
            next_order_id = str(self.next_order_id)
        else:
            next_order_id = self.next_order_id

        offered_at: None | str
        if isinstance(self.offered_at, datetime.datetime):
            offered_at = self.offered_at.isoformat()
        else:
            offered_at = self.offered_at

        overdue_at: None | str
        if isinstance(self.overdue_at, datetime.datetime):
            overdue_at = self.overdue_at.isoformat()
        else:
            overdue_at = self.overdue_at

        patient_id = str(self.patient_id)

        practice_id = self.practice_id

        pre_dose_checks = self.pre_dose_checks

        quantity_limit_period_days: int | None
        quantity_limit_period_days = self.quantity_limit_period_days

        quantity_limit_units: int | None
        quantity_limit_units = self.quantity_limit_units

        source_order_id = str(self.source_order_id)

        status = self.status.value

        target_from = self.target_from.isoformat()

        target_to = self.target_to.isoformat()

        units_given = self.units_given

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "auth_valid_to": auth_valid_to,
                "drug_code": drug_code,
                "earliest": earliest,
                "hcpcs": hcpcs,
                "id": id,
                "last_dose_on": last_dose_on,
                "latest": latest,
                "next_order_id": next_order_id,
                "offered_at": offered_at,
                "overdue_at": overdue_at,
                "patient_id": patient_id,
                "practice_id": practice_id,
                "pre_dose_checks": pre_dose_checks,
                "quantity_limit_period_days": quantity_limit_period_days,
                "quantity_limit_units": quantity_limit_units,
                "source_order_id": source_order_id,
                "status": status,
                "target_from": target_from,
                "target_to": target_to,
                "units_given": units_given,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_auth_valid_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                auth_valid_to_type_0 = datetime.date.fromisoformat(data)

                return auth_valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        auth_valid_to = _parse_auth_valid_to(d.pop("auth_valid_to"))

        drug_code = d.pop("drug_code")

        earliest = datetime.date.fromisoformat(d.pop("earliest"))

        def _parse_hcpcs(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hcpcs = _parse_hcpcs(d.pop("hcpcs"))

        id = UUID(d.pop("id"))

        last_dose_on = datetime.date.fromisoformat(d.pop("last_dose_on"))

        latest = datetime.date.fromisoformat(d.pop("latest"))

        def _parse_next_order_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_order_id_type_0 = UUID(data)

                return next_order_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        next_order_id = _parse_next_order_id(d.pop("next_order_id"))

        def _parse_offered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                offered_at_type_0 = datetime.datetime.fromisoformat(data)

                return offered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        offered_at = _parse_offered_at(d.pop("offered_at"))

        def _parse_overdue_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                overdue_at_type_0 = datetime.datetime.fromisoformat(data)

                return overdue_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        overdue_at = _parse_overdue_at(d.pop("overdue_at"))

        patient_id = UUID(d.pop("patient_id"))

        practice_id = d.pop("practice_id")

        pre_dose_checks = cast(list[str], d.pop("pre_dose_checks"))

        def _parse_quantity_limit_period_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quantity_limit_period_days = _parse_quantity_limit_period_days(
            d.pop("quantity_limit_period_days")
        )

        def _parse_quantity_limit_units(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quantity_limit_units = _parse_quantity_limit_units(d.pop("quantity_limit_units"))

        source_order_id = UUID(d.pop("source_order_id"))

        status = SchedulingRecallOutStatus(d.pop("status"))

        target_from = datetime.date.fromisoformat(d.pop("target_from"))

        target_to = datetime.date.fromisoformat(d.pop("target_to"))

        units_given = d.pop("units_given")

        scheduling_recall_out = cls(
            auth_valid_to=auth_valid_to,
            drug_code=drug_code,
            earliest=earliest,
            hcpcs=hcpcs,
            id=id,
            last_dose_on=last_dose_on,
            latest=latest,
            next_order_id=next_order_id,
            offered_at=offered_at,
            overdue_at=overdue_at,
            patient_id=patient_id,
            practice_id=practice_id,
            pre_dose_checks=pre_dose_checks,
            quantity_limit_period_days=quantity_limit_period_days,
            quantity_limit_units=quantity_limit_units,
            source_order_id=source_order_id,
            status=status,
            target_from=target_from,
            target_to=target_to,
            units_given=units_given,
        )

        return scheduling_recall_out
