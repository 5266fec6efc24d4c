"""Coverage discovery (CRD-like): for each HCPCS code of a signed order, is it covered and is a
prior authorization needed, and why. Pure: the caller hands in the policy book and the
patient's existing authorizations.

Order-level outcome, in priority order:
- ``not_covered``: a line is not covered; no case is opened, the clinician must change the order
  (a PA cannot make a non-covered drug payable).
- ``pa_required``: a line needs PA and no active approval covers it; a case is opened for those
  lines.
- ``satisfied``: every line that needs PA is covered by an active approval with units left.
- ``not_required``: nothing needs PA.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from .codes import Covered, Outcome, PaNeeded
from .coverage_rules import molecule_policy, steered, unit_notes
from .events import CoverageLine
from .orders import LineOutcome, OrderLine, SignedOrder
from .policy import CoveragePolicy, Payer, Plan, PolicyBook, normalize_icd10
from .units import UnitConversionError, billing_units

__all__ = ["ApprovalSummary", "CoverageDecision", "LineDecision", "Outcome", "discover_coverage"]

UNCLASSIFIED_DRUG = "J3490"  # HCPCS "unclassified drugs"; what payers instruct for no-code drugs


class ApprovalSummary(BaseModel):
    """One of the patient's existing approvals with this payer (active or past)."""

    model_config = ConfigDict(frozen=True)

    case_id: UUID
    hcpcs: str
    auth_number: str | None
    status: str
    valid_from: date | None
    valid_to: date | None
    approved_units: int
    used_units: int
    baseline_migraine_days: int | None = None

    @property
    def remaining(self) -> int:
        return max(self.approved_units - self.used_units, 0)


class LineDecision(BaseModel):
    model_config = ConfigDict(frozen=True)

    hcpcs: str
    sequences: tuple[int, ...]
    requested_units: int | None
    pa: PaNeeded
    coverage: Covered
    reasons: tuple[str, ...]
    policy: CoveragePolicy | None = None
    satisfied_by: ApprovalSummary | None = None
    renewal_of: ApprovalSummary | None = None
    # biosimilar-first: the payer steers this product to ``policy.preference.preferred``
    steered: bool = False

    @property
    def preferred_hcpcs(self) -> tuple[str, ...]:
        pref = self.policy.preference if self.policy and self.steered else None
        return tuple(p.hcpcs for p in pref.preferred) if pref else ()

    @property
    def needs_case(self) -> bool:
        return self.pa != "no-auth" and self.coverage != "not-covered" and not self.satisfied_by

    def coverage_line(self) -> CoverageLine:
        return CoverageLine(hcpcs=self.hcpcs, pa=self.pa, coverage=self.coverage,
                            reasons=self.reasons)

    def to_outcome(self) -> LineOutcome:
        return LineOutcome(
            hcpcs=self.hcpcs, pa=self.pa, coverage=self.coverage, reasons=self.reasons,
            requested_units=self.requested_units, sequences=self.sequences,
            satisfied_by=self.satisfied_by.case_id if self.satisfied_by else None)


class CoverageDecision(BaseModel):
    model_config = ConfigDict(frozen=True)

    order_id: UUID
    payer_id: str | None
    plan_id: str | None
    payer_known: bool
    policy_version: int | None
    outcome: Outcome
    lines: tuple[LineDecision, ...]
    decided_at: datetime

    @property
    def case_lines(self) -> list[LineDecision]:
        return [ln for ln in self.lines if ln.needs_case]

    @property
    def not_covered_reason(self) -> str:
        return "; ".join(
            f"{ln.hcpcs}: {' '.join(ln.reasons)}"
            for ln in self.lines
            if ln.coverage == "not-covered"
        )


def _units(lines: list[OrderLine], policy: CoveragePolicy | None) -> tuple[int | None, str | None]:
    total = 0
    for ln in lines:
        descriptor = ln.hcpcs_unit or (policy.billing_unit if policy else None)
        if descriptor is None:
            return None, "no HCPCS unit descriptor on the order or the policy"
        try:
            total += billing_units(ln.dose, ln.dose_unit, descriptor)
        except UnitConversionError as exc:
            return None, str(exc)
    return total, None


def _prefilled_checks(policy: CoveragePolicy, order: SignedOrder) -> list[str]:
    """What the order alone proves or disproves (DTR pre-population), as reasons."""
    c = policy.criteria
    if c is None:
        return []
    notes: list[str] = []
    if c.icd10_prefixes:
        dx = [normalize_icd10(d) for d in order.diagnoses]
        if not any(d.startswith(p) for d in dx for p in c.icd10_prefixes):
            notes.append(f"criterion not met: no diagnosis in {list(c.icd10_prefixes)}")
    if c.min_age is not None and order.patient_age_years < c.min_age:
        notes.append(f"criterion not met: age {order.patient_age_years} < {c.min_age}")
    return notes


def _service_day(order: SignedOrder, tz: ZoneInfo) -> date:
    return order.starts_at.astimezone(tz).date()


def _policy_rule(policy: CoveragePolicy, order: SignedOrder, units: int | None,
                 reasons: list[str]) -> tuple[PaNeeded, Covered]:
    """PA and coverage under the line's policy; says why in ``reasons``."""
    pa: PaNeeded = policy.pa or "conditional"
    coverage: Covered = policy.coverage
    failed = _prefilled_checks(policy, order)
    reasons.extend(failed)
    threshold = policy.pa_units_threshold
    if pa == "conditional" and threshold is not None and units is not None:
        if units > threshold:
            pa = "auth-needed"
            reasons.append(f"{units} units above the PA threshold of {threshold}")
        else:
            pa = "no-auth"
            reasons.append(f"{units} units within the no-PA threshold of {threshold}")
    if pa == "no-auth" and failed:
        # Nobody reviews a no-PA line before the claim: an unmet coverage criterion means the
        # claim will be denied, so say so now.
        coverage = "not-covered"
    if pa == "auth-needed":
        reasons.append("prior authorization required by plan policy")
    return pa, coverage


def _existing_approval(
    hcpcs: str, units: int | None, order: SignedOrder, approvals: list[ApprovalSummary],
    tz: ZoneInfo, reasons: list[str],
) -> tuple[ApprovalSummary | None, ApprovalSummary | None]:
    """(an active approval that already covers the line, else an earlier one it renews)."""
    day = _service_day(order, tz)
    mine = [a for a in approvals if a.hcpcs == hcpcs]
    satisfied = next((a for a in mine if a.status == "approved" and a.valid_from
                      and a.valid_to and a.valid_from <= day <= a.valid_to
                      and units is not None and a.remaining >= units), None)
    if satisfied:
        reasons.append(f"covered by existing authorization {satisfied.auth_number} "
                       f"({satisfied.remaining} units left)")
        return satisfied, None
    renewal = next((a for a in mine if a.status in ("approved", "expired")), None)
    if renewal:
        reasons.append("renewal of an earlier authorization")
    return None, renewal


def _without_policy(hcpcs: str, seqs: tuple[int, ...], units: int | None, payer: Payer,
                    plan: Plan | None, reasons: list[str]) -> LineDecision:
    """A code the policies do not list: the plan's default rule; for Traditional Medicare
    without one, no PA (Part B drugs need none: FFS is outside CMS-0057-F and has no drug PA,
    prior-auth-billing.md A2; payment still depends on medical necessity); otherwise ask."""
    if plan and plan.default_pa and plan.default_coverage:
        pa, cov = plan.default_pa, plan.default_coverage
        reasons.append(f"no {hcpcs} policy; plan default {pa}/{cov}")
        return LineDecision(hcpcs=hcpcs, sequences=seqs, requested_units=units, pa=pa,
                            coverage=cov, reasons=tuple(reasons))
    if payer.is_traditional_medicare(plan):
        reasons.append(f"no {hcpcs} policy; Traditional Medicare Part B drugs need no prior "
                       "authorization")
        return LineDecision(hcpcs=hcpcs, sequences=seqs, requested_units=units, pa="no-auth",
                            coverage="conditional", reasons=tuple(reasons))
    return LineDecision(hcpcs=hcpcs, sequences=seqs, requested_units=units,
                        pa="conditional", coverage="conditional",
                        reasons=(*reasons, f"no coverage policy for {hcpcs}; "
                                 "verify with the payer"))


def _no_payer_rules(hcpcs: str, seqs: tuple[int, ...], lines: list[OrderLine],
                    order: SignedOrder, pre_reasons: list[str]) -> LineDecision:
    """Self-pay needs no PA; a payer we have no rules for might."""
    units, _ = _units(lines, None)
    if order.payer is None:
        return LineDecision(hcpcs=hcpcs, sequences=seqs, requested_units=units, pa="no-auth",
                            coverage="conditional",
                            reasons=(*pre_reasons, "no payer on the order (self-pay)"))
    return LineDecision(hcpcs=hcpcs, sequences=seqs, requested_units=units,
                        pa="conditional", coverage="conditional",
                        reasons=(*pre_reasons, f"payer {order.payer.payer_id} is not "
                                 "configured; add it before submitting"))


def _decide_line(
    hcpcs: str,
    lines: list[OrderLine],
    order: SignedOrder,
    book: PolicyBook,
    approvals: list[ApprovalSummary],
    tz: ZoneInfo,
    pre_reasons: list[str],
) -> LineDecision:
    seqs = tuple(sorted(ln.sequence for ln in lines))
    payer = book.payer(order.payer.payer_id) if order.payer else None
    if order.payer is None or payer is None:
        return _no_payer_rules(hcpcs, seqs, lines, order, pre_reasons)
    plan = payer.resolve_plan(order.payer.plan_id)
    reasons = list(pre_reasons)
    if order.payer.plan_id and plan is None:
        reasons.append(f"plan {order.payer.plan_id} unknown; payer-wide policy used")
    elif not order.payer.plan_id and plan is not None:
        reasons.append(f"no plan on the order; the payer's {'default' if plan.default else 'only'}"
                       f" plan {plan.id} used")
    policies = book.policies(payer.id)
    policy = (policies.lookup(plan.id if plan else None, hcpcs)
              or molecule_policy(policies, plan.id if plan else None, hcpcs, lines, reasons))
    units, unit_problem = _units(lines, policy)
    if unit_problem:
        reasons.append(f"requested units unknown: {unit_problem}")
    if policy is None:
        return _without_policy(hcpcs, seqs, units, payer, plan, reasons)
    unit_notes(lines, policy, units, reasons)
    is_steered = steered(hcpcs, policy, lines, approvals, reasons)
    if is_steered and policy.preference and policy.preference.mode == "not-covered":
        return LineDecision(hcpcs=hcpcs, sequences=seqs, requested_units=units, pa="no-auth",
                            coverage="not-covered", reasons=tuple(reasons), policy=policy,
                            steered=True)
    if policy.coverage == "not-covered":
        why = policy.not_covered_reason or f"{hcpcs} is not covered by this plan"
        # Contract field ``pa`` is mandatory; CRD would leave it out (see report).
        return LineDecision(hcpcs=hcpcs, sequences=seqs, requested_units=units, pa="no-auth",
                            coverage="not-covered", reasons=(*reasons, why), policy=policy)
    pa, coverage = _policy_rule(policy, order, units, reasons)
    satisfied = renewal = None
    if pa != "no-auth" and coverage != "not-covered":
        satisfied, renewal = _existing_approval(hcpcs, units, order, approvals, tz, reasons)
    return LineDecision(hcpcs=hcpcs, sequences=seqs, requested_units=units, pa=pa,
                        coverage=coverage, reasons=tuple(reasons), policy=policy,
                        satisfied_by=satisfied, renewal_of=renewal, steered=is_steered)


def _outcome(lines: tuple[LineDecision, ...]) -> Outcome:
    if any(ln.coverage == "not-covered" for ln in lines):
        return "not_covered"
    if any(ln.needs_case for ln in lines):
        return "pa_required"
    if any(ln.satisfied_by for ln in lines):
        return "satisfied"
    return "not_required"


def _plan_id(order: SignedOrder, payer: Payer | None) -> str | None:
    """The plan the decision was made under: the order's, else the payer's resolved one."""
    if order.payer is None:
        return None
    if order.payer.plan_id or payer is None:
        return order.payer.plan_id
    plan = payer.resolve_plan(None)
    return plan.id if plan else None


def discover_coverage(
    order: SignedOrder,
    book: PolicyBook,
    approvals: list[ApprovalSummary],
    *,
    tz: ZoneInfo,
    now: datetime,
) -> CoverageDecision:
    groups: dict[str, list[OrderLine]] = defaultdict(list)
    pre: dict[str, list[str]] = defaultdict(list)
    for ln in order.lines:
        code = (ln.hcpcs or "").strip().upper()
        if not code:
            code = UNCLASSIFIED_DRUG
            pre[code].append(f"line {ln.sequence} ({ln.drug_code}) has no HCPCS code; "
                             f"billed as unclassified {UNCLASSIFIED_DRUG}")
        groups[code].append(ln)
    lines = tuple(
        _decide_line(code, lns, order, book, approvals, tz, pre[code])
        for code, lns in sorted(groups.items())
    )
    payer = book.payer(order.payer.payer_id) if order.payer else None
    return CoverageDecision(
        order_id=order.order_id,
        payer_id=order.payer.payer_id if order.payer else None,
        plan_id=_plan_id(order, payer),
        payer_known=payer is not None,
        policy_version=book.policies(payer.id).version if payer else None,
        outcome=_outcome(lines),
        lines=lines,
        decided_at=now,
    )
