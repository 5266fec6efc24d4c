"""Two rules of coverage discovery for the drugs practices add beyond headache (issue 18):
units counted by the order's billing unit against a policy's quantity limit, and a payer's
biosimilar-first preference, decided on the order line's molecule. Pure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .orders import OrderLine
from .policy import CoveragePolicy, PolicySet
from .units import UnitConversionError, descriptor_ratio

if TYPE_CHECKING:
    from .coverage import ApprovalSummary


def unit_notes(lines: list[OrderLine], policy: CoveragePolicy | None,
                units: int | None, reasons: list[str]) -> int | None:
    """Units are counted by the order's billing unit; a policy stating another descriptor
    has its quantity limit rescaled to the order's, and the difference is said. Returns the
    limit in the order's units (None: no limit or not comparable)."""
    q = policy.quantity_limit if policy else None
    ordered = next((ln.hcpcs_unit for ln in lines if ln.hcpcs_unit), None)
    stated = policy.billing_unit if policy else None
    if q is None:
        limit = None
    elif not ordered or not stated:
        limit = q.units
    else:
        try:
            ratio = descriptor_ratio(stated, ordered)
        except UnitConversionError as exc:
            reasons.append(f"quantity limit not comparable: {exc}")
            return None
        limit = int(q.units * ratio)
    if ordered and stated and limit is not None and limit != (q.units if q else None):
        reasons.append(f"the order bills per {ordered!r}, the policy per {stated!r}: units "
                       f"counted by the order's ({limit} of them make the policy's limit)")
    if q and units is not None and limit is not None and units > limit:
        reasons.append(f"{units} units exceed the limit of {limit} per {q.period_days} days")
    return limit


def steered(hcpcs: str, policy: CoveragePolicy, lines: list[OrderLine],
            approvals: list[ApprovalSummary], reasons: list[str]) -> bool:
    """Biosimilar-first: is this order for a product the payer steers away from, in favour
    of another product of the same molecule (the order line's ``molecule``)? A patient
    already approved for the product continues on it (preferences govern new starts)."""
    pref = policy.preference
    if pref is None or hcpcs in {p.hcpcs for p in pref.preferred}:
        return False
    molecules = {ln.molecule.strip().lower() for ln in lines if ln.molecule}
    if molecules and pref.molecule not in molecules:
        reasons.append(f"the policy's {pref.molecule} preference does not apply to molecule "
                       f"{sorted(molecules)} on the order; verify the policy")
        return False
    if any(a.hcpcs == hcpcs and a.status in ("approved", "expired") for a in approvals):
        reasons.append(f"continuing {pref.molecule} on {hcpcs}: the payer's preference "
                       f"for {pref.names()} applies to new starts")
        return False
    if pref.mode == "not-covered":
        reasons.append(f"biosimilar-first: the payer covers {pref.molecule} as {pref.names()}; "
                       f"{hcpcs} is not covered, order the preferred product")
    else:
        reasons.append(f"biosimilar-first: the payer prefers {pref.names()} for {pref.molecule}; "
                       f"{hcpcs} needs a documented reason the preferred product cannot "
                       "be used (tried and failed, not tolerated, or a medical exception)")
    return True


def molecule_policy(policies: PolicySet, plan_id: str | None, hcpcs: str,
                    lines: list[OrderLine], reasons: list[str]) -> CoveragePolicy | None:
    """A product the payer lists no policy for (another biosimilar, say) is reviewed under
    the payer's policy that states a preference for the order line's molecule, so a
    biosimilar-first rule covers every product of the molecule, not only the one named."""
    molecules = {ln.molecule.strip().lower() for ln in lines if ln.molecule}
    if len(molecules) != 1:
        return None
    [molecule] = molecules
    found = policies.preference_for(plan_id, molecule)
    if found is None or found.preference is None:
        return None
    if hcpcs in {p.hcpcs for p in found.preference.preferred}:
        return None  # a preferred product without its own policy: the plan's default rule
    reasons.append(f"no {hcpcs} policy; reviewed under the payer's {molecule} policy "
                   f"({found.hcpcs})")
    return found
