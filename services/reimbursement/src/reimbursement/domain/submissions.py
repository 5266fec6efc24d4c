"""A claim's versions as sent to the payer, and timely filing.

Each submission (claim version) has its own CLM01: the first is the claim's account number,
later ones add ``-<n>`` (``123456789ABC4DEF-2``), so every 999 CTX, 277CA TRN02 and 835 CLP01
names exactly one version and the payer never sees a duplicate patient control number. A claim
rejected at the 999 or 277CA never got an ICN: it is fixed and sent again as a new version
with the same frequency (an original stays ``1``). A processed claim is replaced (``7``) or
voided (``8``) as a new version carrying 2300 REF*F8 = the payer's claim control number (ICN)
of the version it replaces; without an ICN there is nothing to replace (MissingIcn).

Timely filing (payer-exchange.md §3): Medicare FFS 12 months (one calendar year) from the date
of service; every other payer a number of days from the date of service, per payer (data),
else a configured default. A rejected claim does not stop the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from chairside_shared.errors import Conflict

Frequency = Literal["1", "7", "8"]
AckOutcome = Literal["pending", "accepted", "rejected"]
FREQUENCY_NAMES: dict[Frequency, str] = {"1": "original", "7": "replacement", "8": "void"}


class MissingIcn(Conflict):
    """A replacement or void needs the payer's claim control number (409 naming it)."""

    title, code = "Payer claim control number missing", "missing-icn"


class ReplacementNotAccepted(Conflict):
    """The payer fixes processed claims by reopening, not by a frequency 7/8 claim."""

    title, code = "Replacement claims not accepted", "replacement-not-accepted"


class TimelyFilingExpired(Conflict):
    """Past the payer's filing deadline: nothing is sent (409 naming the deadline date)."""

    title, code = "Timely filing limit passed", "timely-filing-expired"


@dataclass(frozen=True, slots=True)
class Submission:
    """One version of the claim as sent: CLM01, frequency, REF*F8, and what the payer said."""

    number: int
    clm01: str
    frequency: Frequency
    submitted_at: datetime
    original_icn: str | None = None  # 2300 REF*F8 (frequency 7/8)
    outcome: AckOutcome = "pending"
    icn: str | None = None  # 277CA REF*1K (= 835 CLP07)
    reasons: tuple[str, ...] = ()
    acknowledged_at: datetime | None = None
    control_number: int | None = None  # ISA13 of the interchange that carried it


def clm01_for(account_number: str, number: int) -> str:
    return account_number if number == 1 else f"{account_number}-{number}"


@dataclass(frozen=True, slots=True)
class FilingRule:
    """How long a payer allows from the date of service (per payer data, or the default)."""

    payer_kind: str  # medicare | medicare_advantage | commercial | medicaid
    days: int | None = None  # None: the payer kind's rule / the configured default
    accepts_replacement_claims: bool | None = None  # None: all but Medicare FFS


def medicare_ffs(kind: str) -> bool:
    return kind == "medicare"


def filing_deadline(service_date: date, rule: FilingRule, *, default_days: int) -> date:
    """The last day a claim for ``service_date`` may be filed."""
    if rule.days is not None:
        return service_date + timedelta(days=rule.days)
    if medicare_ffs(rule.payer_kind):
        # 12 months (one calendar year) after the date of service [42 CFR 424.44]
        try:
            return service_date.replace(year=service_date.year + 1)
        except ValueError:  # 29 February: the year after has none
            return service_date.replace(year=service_date.year + 1, day=28)
    return service_date + timedelta(days=default_days)


def accepts_replacement(rule: FilingRule) -> bool:
    """Medicare Part B MACs fix processed claims by reopening (payer-exchange.md §3, §9.1)."""
    if rule.accepts_replacement_claims is not None:
        return rule.accepts_replacement_claims
    return not medicare_ffs(rule.payer_kind)


def ensure_timely(service_date: date, today: date, deadline: date) -> None:
    if today > deadline:
        raise TimelyFilingExpired(
            f"the timely filing limit for date of service {service_date.isoformat()} passed "
            f"on {deadline.isoformat()}; the claim cannot be submitted",
            deadline=deadline.isoformat(), service_date=service_date.isoformat())
