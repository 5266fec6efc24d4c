"""Payers, plans and coverage policies: data, validated, versioned.

A payer's policies are replaced as a whole set (``PUT /v1/payers/{id}/policies``) and every
replacement gets the next version number; a PA case keeps the version it was opened under, so a
policy change never rewrites an open case's questions or criteria.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .codes import PREVENTIVE_CLASSES, SPECIALTIES, Covered, PaNeeded, PayerType
from .deadlines import DecisionTimeFrames

HCPCS_RE = re.compile(r"^[A-V][0-9]{4}$|^[0-9]{4}[0-9A-Z]$")
ICD10_PREFIX_RE = re.compile(r"^[A-TV-Z][0-9][0-9A-Z]?(\.?[0-9A-Z]{0,4})?$")
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


def normalize_icd10(code: str) -> str:
    """ICD-10 codes compare without the dot and in upper case (G43.709 == G43709)."""
    return code.replace(".", "").strip().upper()


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


RequirementType = Literal["boolean", "integer", "choice"]
# Question keys the built-in criteria ask; a data requirement must not reuse them.
RESERVED_KEYS = frozenset({
    "diagnosis", "age", "baseline-migraine-days", "current-migraine-days", "acute-use-reduced",
    "failed-preventive-classes", "failed-self-injected-cgrp", "prescriber-specialty",
    "concurrent-cgrp-antibody", "requested-units", "midas-change", "hit6-change",
    "preferred-product-exception"})
AppliesTo = Literal["initial", "renewal", "both"]


class Requirement(_Frozen):
    """One criterion stated wholly as data (a new drug's policy needs no code): the DTR
    question it asks and the answer that meets it. ``boolean``: the answer must equal
    ``expect``; ``integer``: within ``min_value``..``max_value``; ``choice``: at least
    ``min_selected`` of ``options`` (a step-therapy list). ``applies``: on the first request,
    on renewals (monitoring, response), or both."""

    key: str
    text: str
    type: RequirementType = "boolean"
    expect: bool | None = None
    min_value: int | None = Field(default=None, ge=-100_000, le=100_000)
    max_value: int | None = Field(default=None, ge=-100_000, le=100_000)
    options: tuple[str, ...] = ()
    min_selected: int | None = Field(default=None, ge=1, le=50)
    applies: AppliesTo = "initial"
    source: str | None = None

    @field_validator("key")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not SLUG_RE.match(v):
            raise ValueError("requirement keys are lower-case slugs (a-z, 0-9, . _ -)")
        if v in RESERVED_KEYS:
            raise ValueError(f"{v!r} is a built-in criterion's key; name the requirement "
                             "otherwise")
        return v

    @model_validator(mode="after")
    def _shape(self) -> Requirement:
        if self.type == "boolean" and self.expect is None:
            raise ValueError("a boolean requirement states the answer that meets it (expect)")
        if self.type == "integer":
            if self.min_value is None and self.max_value is None:
                raise ValueError("an integer requirement states min_value and/or max_value")
            if (self.min_value is not None and self.max_value is not None
                    and self.min_value > self.max_value):
                raise ValueError("min_value is above max_value")
        if self.type == "choice":
            if not self.options or self.min_selected is None:
                raise ValueError("a choice requirement lists options and min_selected")
            if self.min_selected > len(self.options):
                raise ValueError("min_selected is more than the options offered")
            if len(set(self.options)) != len(self.options):
                raise ValueError("options repeat")
        if self.type != "boolean" and self.expect is not None:
            raise ValueError("expect only applies to boolean requirements")
        return self

    def asked(self, *, renewal: bool) -> bool:
        return self.applies == "both" or self.applies == ("renewal" if renewal else "initial")


class Criteria(_Frozen):
    """Medical-necessity criteria (domain doc A4). Every set field becomes a DTR question."""

    icd10_prefixes: tuple[str, ...] = ()
    min_age: int | None = Field(default=None, ge=0, le=120)
    min_monthly_migraine_days: int | None = Field(default=None, ge=0, le=31)
    min_failed_preventive_classes: int | None = Field(
        default=None, ge=0, le=len(PREVENTIVE_CLASSES)
    )
    requires_failed_self_injected_cgrp: bool = False
    prescriber_specialties: tuple[str, ...] = ()
    no_concurrent_cgrp_antibody: bool = False
    # Drug-specific criteria as data (diagnosis confirmation, step therapy, monitoring).
    requirements: tuple[Requirement, ...] = ()

    @field_validator("requirements")
    @classmethod
    def _unique_keys(cls, v: tuple[Requirement, ...]) -> tuple[Requirement, ...]:
        keys = [r.key for r in v]
        if len(keys) != len(set(keys)):
            raise ValueError("requirement keys repeat")
        return v

    @field_validator("icd10_prefixes")
    @classmethod
    def _icd(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for code in v:
            if not ICD10_PREFIX_RE.match(code.upper()):
                raise ValueError(f"not an ICD-10 code prefix: {code!r}")
        return tuple(normalize_icd10(c) for c in v)

    @field_validator("prescriber_specialties")
    @classmethod
    def _specialties(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        unknown = sorted(set(v) - set(SPECIALTIES))
        if unknown:
            raise ValueError(f"unknown specialties {unknown}; allowed: {list(SPECIALTIES)}")
        return v


class QuantityLimit(_Frozen):
    units: int = Field(gt=0, le=100_000)
    period_days: int = Field(gt=0, le=3660)


class ReauthRule(_Frozen):
    """Renewal: a proven response keeps the drug approved (domain doc A4: >=50% fewer days).
    ``migraine_response`` False: the response is not counted in migraine days (an MS or
    anti-amyloid renewal asks its own ``applies: renewal`` requirements instead)."""

    approval_months: int = Field(gt=0, le=24)
    min_reduction_pct: int = Field(default=50, ge=0, le=100)
    requires_reduced_acute_use: bool = True
    migraine_response: bool = True


class PreferredProduct(_Frozen):
    hcpcs: str
    name: str

    @field_validator("hcpcs")
    @classmethod
    def _hcpcs(cls, v: str) -> str:
        v = v.strip().upper()
        if not HCPCS_RE.match(v):
            raise ValueError(f"not a HCPCS code: {v!r}")
        return v


class ProductPreference(_Frozen):
    """A payer's biosimilar-first rule on a product of ``molecule`` (the order line's
    molecule, shared by a reference product and its biosimilars): an order for this product
    is steered to the preferred ones. ``step``: PA with a documented reason the preferred
    product cannot be used (trial and failure, intolerance, exception); ``not-covered``:
    the product is not covered, the order must change."""

    molecule: str
    preferred: tuple[PreferredProduct, ...] = Field(min_length=1)
    mode: Literal["step", "not-covered"] = "step"
    source: str | None = None

    @field_validator("molecule")
    @classmethod
    def _molecule(cls, v: str) -> str:
        v = v.strip().lower()
        if not v:
            raise ValueError("molecule is required")
        return v

    def names(self) -> str:
        return ", ".join(f"{p.hcpcs} ({p.name})" for p in self.preferred)


class CoveragePolicy(_Frozen):
    hcpcs: str
    plan_id: str | None = None  # None: every plan of the payer
    pa: PaNeeded | None = None  # CRD: left out when coverage is not-covered
    coverage: Covered
    # conditional PA: PA is needed when the order asks for more units than this.
    pa_units_threshold: int | None = Field(default=None, ge=0, le=100_000)
    criteria: Criteria | None = None
    initial_approval_months: int | None = Field(default=None, gt=0, le=24)
    reauth: ReauthRule | None = None
    quantity_limit: QuantityLimit | None = None
    billing_unit: str | None = None  # HCPCS descriptor, e.g. "1 mg"
    not_covered_reason: str | None = None
    preference: ProductPreference | None = None  # biosimilar-first on this product
    source: str | None = None

    @field_validator("hcpcs")
    @classmethod
    def _hcpcs(cls, v: str) -> str:
        v = v.strip().upper()
        if not HCPCS_RE.match(v):
            raise ValueError(f"not a HCPCS/CPT code: {v!r}")
        return v

    @model_validator(mode="after")
    def _crd_invariants(self) -> CoveragePolicy:
        if self.coverage == "not-covered":
            if self.pa is not None:
                raise ValueError("pa must be left out when coverage is not-covered (CRD)")
        elif self.pa is None:
            raise ValueError("pa is required unless coverage is not-covered (CRD)")
        if self.pa_units_threshold is not None and self.pa != "conditional":
            raise ValueError("pa_units_threshold only applies to pa=conditional")
        if self.pa == "auth-needed" and self.initial_approval_months is None:
            raise ValueError("auth-needed policies state initial_approval_months")
        if self.preference and self.hcpcs in {p.hcpcs for p in self.preference.preferred}:
            raise ValueError("a product cannot be steered to itself (preference.preferred)")
        if self.preference and self.preference.mode == "step" and self.pa != "auth-needed":
            raise ValueError("a step preference needs pa=auth-needed (the exception is asked "
                             "in the PA)")
        return self


class Plan(_Frozen):
    id: str
    name: str
    payer_type: PayerType | None = None  # None: the payer's type
    # The plan used when an order names none (Payer.resolve_plan); a payer's only plan is
    # used that way too without being marked.
    default: bool = False
    # Rule for HCPCS codes the plan lists no policy for (cocktail drugs, usually no PA).
    default_pa: PaNeeded | None = None
    default_coverage: Covered | None = None
    time_frames: DecisionTimeFrames | None = None

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not SLUG_RE.match(v):
            raise ValueError("ids are lower-case slugs (a-z, 0-9, . _ -)")
        return v

    @model_validator(mode="after")
    def _defaults_pair(self) -> Plan:
        if (self.default_pa is None) != (self.default_coverage is None):
            raise ValueError("default_pa and default_coverage are set together")
        return self


class Payer(_Frozen):
    id: str
    name: str
    payer_type: PayerType
    plans: tuple[Plan, ...] = ()
    time_frames: DecisionTimeFrames | None = None
    extra_holidays: tuple[str, ...] = ()  # ISO dates the payer is closed besides federal ones

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not SLUG_RE.match(v):
            raise ValueError("ids are lower-case slugs (a-z, 0-9, . _ -)")
        return v

    @model_validator(mode="after")
    def _unique_plans(self) -> Payer:
        ids = [p.id for p in self.plans]
        if len(ids) != len(set(ids)):
            raise ValueError("plan ids repeat")
        if sum(p.default for p in self.plans) > 1:
            raise ValueError("at most one plan is the default")
        return self

    def plan(self, plan_id: str | None) -> Plan | None:
        return next((p for p in self.plans if p.id == plan_id), None)

    def resolve_plan(self, plan_id: str | None) -> Plan | None:
        """The plan an order means: the one it names; when it names none, the plan marked
        default, else the payer's only plan (Traditional Medicare has one: Part B)."""
        if plan_id:
            return self.plan(plan_id)
        marked = next((p for p in self.plans if p.default), None)
        if marked is not None:
            return marked
        return self.plans[0] if len(self.plans) == 1 else None

    def is_traditional_medicare(self, plan: Plan | None) -> bool:
        return self.type_for(plan) == "medicare_ffs"

    def type_for(self, plan: Plan | None) -> str:
        return (plan.payer_type if plan and plan.payer_type else None) or self.payer_type

    def frames_override(self, plan: Plan | None) -> DecisionTimeFrames | None:
        return (plan.time_frames if plan else None) or self.time_frames


class PolicySet(_Frozen):
    """All coverage policies of one payer at one version."""

    payer_id: str
    version: int = Field(ge=1)
    policies: tuple[CoveragePolicy, ...] = ()

    @model_validator(mode="after")
    def _unique(self) -> PolicySet:
        keys = [(p.plan_id, p.hcpcs) for p in self.policies]
        dupes = sorted({f"{k[0] or '*'}/{k[1]}" for k in keys if keys.count(k) > 1})
        if dupes:
            raise ValueError(f"more than one policy for {dupes}")
        return self

    def lookup(self, plan_id: str | None, hcpcs: str) -> CoveragePolicy | None:
        """Plan-specific policy first, then the payer-wide one."""
        hcpcs = hcpcs.upper()
        exact = next(
            (p for p in self.policies if p.hcpcs == hcpcs and p.plan_id == plan_id), None
        )
        if exact is not None or plan_id is None:
            return exact
        return next((p for p in self.policies if p.hcpcs == hcpcs and p.plan_id is None), None)

    def preference_for(self, plan_id: str | None, molecule: str) -> CoveragePolicy | None:
        """The policy stating a biosimilar-first preference for ``molecule``: the plan's own
        first, then a payer-wide one."""
        mine = [p for p in self.policies
                if p.preference is not None and p.preference.molecule == molecule]
        return (next((p for p in mine if plan_id is not None and p.plan_id == plan_id), None)
                or next((p for p in mine if p.plan_id is None), None))

    def check_plans(self, payer: Payer) -> list[str]:
        known = {p.id for p in payer.plans}
        return sorted({p.plan_id for p in self.policies if p.plan_id and p.plan_id not in known})


@dataclass(frozen=True)
class PolicyVersionEntry:
    """When and by whom one version of a payer's policies was saved."""

    version: int
    created_at: datetime | None
    created_by: str


class PolicyBook:
    """Read-only view over payers and their current policy sets, handed to pure rules."""

    def __init__(self, payers: Iterable[Payer], policy_sets: Iterable[PolicySet]) -> None:
        self.payers = {p.id: p for p in payers}
        self.policy_sets = {s.payer_id: s for s in policy_sets}

    def payer(self, payer_id: str) -> Payer | None:
        return self.payers.get(payer_id)

    def policies(self, payer_id: str) -> PolicySet:
        return self.policy_sets.get(payer_id) or PolicySet(payer_id=payer_id, version=1)
