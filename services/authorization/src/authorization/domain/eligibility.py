"""Eligibility (X12 270/271, 005010X279A1) as the authorization domain reads it.

- Who is asked about: the payer identity orders discloses for payment (``PayerIdentity`` of
  ``identity``, the one model PAS requests use too), turned into one ``Inquiry`` (2100A payer,
  2100B provider, 2100C subscriber, 2100D the patient when a dependent); nothing of it is ever
  stored.
- What came back: the 271's benefits (EB) and rejections (AAA) as an ``Answer``, its
  ``outcome`` (active, inactive, rejected, retry later) and the figures a visit's estimate needs
  (``BenefitFigures``), then the patient's estimated responsibility (``estimate``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from .errors import AuthorizationError
from .identity import PayerIdentity, Person, Practitioner

Outcome = Literal["active", "inactive", "rejected", "retry_later", "unknown"]
CENT = Decimal("0.01")

# AAA03 reject reasons [X12 901] and AAA04 follow-ups [X12 889], paraphrased.
AAA_REASONS = {
    "15": "required application data missing",
    "41": "authorization/access restrictions",
    "42": "unable to respond at current time (retry later)",
    "43": "invalid/missing provider identification",
    "58": "invalid/missing date of birth",
    "71": "date of birth does not match the member's",
    "72": "invalid/missing member id",
    "73": "invalid/missing subscriber name",
    "75": "subscriber/insured not found",
    "76": "duplicate member id",
    "79": "invalid participant identification",
}
AAA_FOLLOW_UPS = {"C": "correct and resubmit", "N": "resubmission not allowed",
                  "P": "resubmit original", "R": "resubmission allowed",
                  "S": "do not resubmit; sent to a third party", "W": "wait 30 days",
                  "X": "wait 10 days", "Y": "do not resubmit; the payer will respond"}
RETRY_LATER = "42"
ACTIVE_CODES = frozenset({"1", "2", "3", "4", "5"})
INACTIVE_CODES = frozenset({"6", "7", "8"})
PLAN_SERVICE_TYPES = ("30", "1")  # plan coverage, medical care (medical-benefit drug)


class MissingIdentity(AuthorizationError):
    """The 270 cannot be built: an identity item is missing (``item`` names it, no values)."""

    status, title, code = 409, "Conflict", "eligibility-identity-missing"

    def __init__(self, item: str, message: str) -> None:
        super().__init__(message, item=item)
        self.item = item


# --------------------------------------------------------------------------- who is asked about
@dataclass(frozen=True)
class Provider:
    """The information receiver (2100B): an organization or a person, by NPI."""

    npi: str
    name: str  # organization name, or the person's family name
    given_name: str | None = None  # set for a person

    @property
    def is_person(self) -> bool:
        return self.given_name is not None

    @classmethod
    def of(cls, p: Practitioner | None) -> Provider | None:
        """The ordering practitioner as receiver: only an active one with an NPI."""
        if p is None or not p.npi or not p.active:
            return None
        return cls(npi=p.npi, name=p.family_name, given_name=p.given_name)


@dataclass(frozen=True)
class Inquiry:
    reference: str  # our trace (BHT03, TRN02): ids only
    payer_id: str
    payer_name: str
    provider: Provider
    member_id: str
    subscriber: Person
    dependent: Person | None  # the patient, when not the subscriber (2100D)
    service_date: date
    service_types: tuple[str, ...]


def build_inquiry(*, identity: PayerIdentity, payer_id: str, payer_name: str,
                  practice: Provider | None, service_date: date,
                  service_types: tuple[str, ...], reference: str) -> Inquiry:
    """The 270's content, or MissingIdentity naming the first item that is not on file."""
    if identity.patient is None:
        raise MissingIdentity("patient", "the patient's demographics are not on file")
    cov = identity.coverage
    if cov is None or not cov.member_id:
        raise MissingIdentity("coverage", f"no coverage on file for payer {payer_id}")
    if cov.payer_id != payer_id:
        raise MissingIdentity("coverage", f"the coverage on file is not for payer {payer_id}")
    provider = practice or Provider.of(identity.ordering)
    if provider is None:
        raise MissingIdentity("provider", "no provider NPI for the inquiry (practice NPI or "
                                          "ordering practitioner)")
    if cov.relationship == "self":
        subscriber, dependent = identity.patient, None
    elif cov.subscriber is None:
        raise MissingIdentity("subscriber", "the subscriber's demographics are not on file")
    else:
        subscriber, dependent = cov.subscriber, identity.patient
    for item, who in (("subscriber" if dependent else "patient", subscriber),
                      ("patient", dependent)):
        if who is not None and not (who.family_name.strip() and who.given_name.strip()
                                    and who.birth_date):
            raise MissingIdentity(item, f"the {item}'s name or birth date is not on file")
    return Inquiry(reference=reference, payer_id=payer_id, payer_name=payer_name,
                   provider=provider, member_id=cov.member_id, subscriber=subscriber,
                   dependent=dependent, service_date=service_date,
                   service_types=service_types or ("30",))


# --------------------------------------------------------------------------- what came back
@dataclass(frozen=True)
class Benefit:
    """One EB segment."""

    code: str  # EB01
    coverage_level: str | None = None  # EB02 IND/FAM...
    service_types: tuple[str, ...] = ()  # EB03
    plan: str | None = None  # EB05
    period: str | None = None  # EB06: 23 calendar year, 29 remaining...
    amount: Decimal | None = None  # EB07
    percent: Decimal | None = None  # EB08
    in_network: str | None = None  # EB12 Y/N/W/U


@dataclass(frozen=True)
class Rejection:
    """One AAA segment: where (loop), why (AAA03) and what to do (AAA04)."""

    loop: str
    code: str
    follow_up: str | None

    @property
    def text(self) -> str:
        reason = AAA_REASONS.get(self.code, "rejected")
        action = AAA_FOLLOW_UPS.get(self.follow_up or "", "")
        return f"AAA {self.code} ({self.loop}): {reason}" + (f"; {action}" if action else "")


@dataclass(frozen=True)
class BenefitFigures:
    plan: str | None = None
    deductible: Decimal | None = None
    deductible_remaining: Decimal | None = None
    coinsurance: Decimal | None = None  # a fraction: 0.20 = 20 %
    copay: Decimal | None = None
    out_of_pocket: Decimal | None = None
    out_of_pocket_remaining: Decimal | None = None


@dataclass(frozen=True)
class Answer:
    benefits: tuple[Benefit, ...]
    rejections: tuple[Rejection, ...]

    @property
    def outcome(self) -> Outcome:
        if any(r.code == RETRY_LATER for r in self.rejections):
            return "retry_later"
        if self.rejections:
            return "rejected"
        codes = {b.code for b in self.benefits}
        if codes & ACTIVE_CODES:
            return "active"
        if codes & INACTIVE_CODES:
            return "inactive"
        return "unknown"

    def figures(self) -> BenefitFigures:
        plan = next((b.plan for b in self.benefits if b.code in ACTIVE_CODES and b.plan), None)
        return BenefitFigures(
            plan=plan,
            deductible=_pick(self.benefits, "C", "23", "amount"),
            deductible_remaining=_pick(self.benefits, "C", "29", "amount"),
            coinsurance=_pick(self.benefits, "A", None, "percent"),
            copay=_pick(self.benefits, "B", None, "amount"),
            out_of_pocket=_pick(self.benefits, "G", "23", "amount"),
            out_of_pocket_remaining=_pick(self.benefits, "G", "29", "amount"))


def _score(b: Benefit) -> tuple[int, int, int]:
    """Lower is better: individual over family, plan/medical service types over others,
    in network over out of network."""
    level = 0 if b.coverage_level in (None, "IND") else 1
    types = 0 if not b.service_types or set(b.service_types) & set(PLAN_SERVICE_TYPES) else 1
    network = 0 if b.in_network in (None, "Y", "W") else 1
    return level, types, network


def _pick(benefits: tuple[Benefit, ...], code: str, period: str | None,
          attr: Literal["amount", "percent"]) -> Decimal | None:
    """The figure of the best-matching EB: code, time period (when given) and a value."""
    found = [b for b in benefits if b.code == code and getattr(b, attr) is not None
             and (period is None or b.period == period)]
    if not found:
        return None
    value: Decimal | None = getattr(min(found, key=_score), attr)
    return value


# --------------------------------------------------------------------------- the estimate
@dataclass(frozen=True)
class Estimate:
    """The patient's estimated responsibility for the visit. With the visit's expected allowed
    amount: deductible still to meet, then coinsurance on the rest, plus the copay, capped at
    the allowed amount and at the out-of-pocket remaining. Without it, ``amount`` is None and
    the benefit figures stand on their own."""

    basis: Literal["allowed_amount", "benefit_figures"]
    allowed: Decimal | None
    deductible_part: Decimal | None
    coinsurance_part: Decimal | None
    copay_part: Decimal | None
    amount: Decimal | None


def estimate(figures: BenefitFigures, allowed: Decimal | None) -> Estimate:
    if allowed is None:
        return Estimate("benefit_figures", None, None, None, None, None)
    # Unknown remaining deductible: assume the whole annual deductible is still due (an
    # estimate errs toward what the patient might owe).
    remaining = (figures.deductible_remaining if figures.deductible_remaining is not None
                 else figures.deductible or Decimal(0))
    ded = min(allowed, remaining)
    coins = ((allowed - ded) * (figures.coinsurance or Decimal(0))).quantize(CENT, ROUND_HALF_UP)
    copay = figures.copay or Decimal(0)
    total = min(allowed, ded + coins + copay)
    if figures.out_of_pocket_remaining is not None:
        total = min(total, figures.out_of_pocket_remaining)
    return Estimate("allowed_amount", allowed, ded.quantize(CENT), coins, copay.quantize(CENT),
                    total.quantize(CENT))
