from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authorization_requirement import AuthorizationRequirement


T = TypeVar("T", bound="AuthorizationCriteria")


@_attrs_define
class AuthorizationCriteria:
    """Medical-necessity criteria (domain doc A4). Every set field becomes a DTR question.

    Attributes:
        icd10_prefixes (list[str] | Unset):
        min_age (int | None | Unset):
        min_failed_preventive_classes (int | None | Unset):
        min_monthly_migraine_days (int | None | Unset):
        no_concurrent_cgrp_antibody (bool | Unset):  Default: False.
        prescriber_specialties (list[str] | Unset):
        requirements (list[AuthorizationRequirement] | Unset):
        requires_failed_self_injected_cgrp (bool | Unset):  Default: False.
    """

    icd10_prefixes: list[str] | Unset = UNSET
    min_age: int | None | Unset = UNSET
    min_failed_preventive_classes: int | None | Unset = UNSET
    min_monthly_migraine_days: int | None | Unset = UNSET
    no_concurrent_cgrp_antibody: bool | Unset = False
    prescriber_specialties: list[str] | Unset = UNSET
    requirements: list[AuthorizationRequirement] | Unset = UNSET
    requires_failed_self_injected_cgrp: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        icd10_prefixes: list[str] | Unset = UNSET
        if not isinstance(self.icd10_prefixes, Unset):
            icd10_prefixes = self.icd10_prefixes

        min_age: int | None | Unset
        if isinstance(self.min_age, Unset):
            min_age = UNSET
        else:
            min_age = self.min_age

        min_failed_preventive_classes: int | None | Unset
        if isinstance(self.min_failed_preventive_classes, Unset):
            min_failed_preventive_classes = UNSET
        else:
            min_failed_preventive_classes = self.min_failed_preventive_classes

        min_monthly_migraine_days: int | None | Unset
        if isinstance(self.min_monthly_migraine_days, Unset):
            min_monthly_migraine_days = UNSET
        else:
            min_monthly_migraine_days = self.min_monthly_migraine_days

        no_concurrent_cgrp_antibody = self.no_concurrent_cgrp_antibody

        prescriber_specialties: list[str] | Unset = UNSET
        if not isinstance(self.prescriber_specialties, Unset):
            prescriber_specialties = self.prescriber_specialties

        requirements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.requirements, Unset):
            requirements = []
            for requirements_item_data in self.requirements:
                requirements_item = requirements_item_data.to_dict()
                requirements.append(requirements_item)

        requires_failed_self_injected_cgrp = self.requires_failed_self_injected_cgrp

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if icd10_prefixes is not UNSET:
            field_dict["icd10_prefixes"] = icd10_prefixes
        if min_age is not UNSET:
            field_dict["min_age"] = min_age
        if min_failed_preventive_classes is not UNSET:
            field_dict["min_failed_preventive_classes"] = min_failed_preventive_classes
        if min_monthly_migraine_days is not UNSET:
            field_dict["min_monthly_migraine_days"] = min_monthly_migraine_days
        if no_concurrent_cgrp_antibody is not UNSET:
            field_dict["no_concurrent_cgrp_antibody"] = no_concurrent_cgrp_antibody
        if prescriber_specialties is not UNSET:
            field_dict["prescriber_specialties"] = prescriber_specialties
        if requirements is not UNSET:
            field_dict["requirements"] = requirements
        if requires_failed_self_injected_cgrp is not UNSET:
            field_dict["requires_failed_self_injected_cgrp"] = requires_failed_self_injected_cgrp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_requirement import AuthorizationRequirement  # noqa: PLC0415

        d = dict(src_dict)
        icd10_prefixes = cast(list[str], d.pop("icd10_prefixes", UNSET))

        def _parse_min_age(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_age = _parse_min_age(d.pop("min_age", UNSET))

        def _parse_min_failed_preventive_classes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_failed_preventive_classes = _parse_min_failed_preventive_classes(
            d.pop("min_failed_preventive_classes", UNSET)
        )

        def _parse_min_monthly_migraine_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_monthly_migraine_days = _parse_min_monthly_migraine_days(
            d.pop("min_monthly_migraine_days", UNSET)
        )

        no_concurrent_cgrp_antibody = d.pop("no_concurrent_cgrp_antibody", UNSET)

        prescriber_specialties = cast(list[str], d.pop("prescriber_specialties", UNSET))

        _requirements = d.pop("requirements", UNSET)
        requirements: list[AuthorizationRequirement] | Unset = UNSET
        if _requirements is not UNSET:
            requirements = []
            for requirements_item_data in _requirements:
                requirements_item = AuthorizationRequirement.from_dict(requirements_item_data)

                requirements.append(requirements_item)

        requires_failed_self_injected_cgrp = d.pop("requires_failed_self_injected_cgrp", UNSET)

        authorization_criteria = cls(
            icd10_prefixes=icd10_prefixes,
            min_age=min_age,
            min_failed_preventive_classes=min_failed_preventive_classes,
            min_monthly_migraine_days=min_monthly_migraine_days,
            no_concurrent_cgrp_antibody=no_concurrent_cgrp_antibody,
            prescriber_specialties=prescriber_specialties,
            requirements=requirements,
            requires_failed_self_injected_cgrp=requires_failed_self_injected_cgrp,
        )

        return authorization_criteria
