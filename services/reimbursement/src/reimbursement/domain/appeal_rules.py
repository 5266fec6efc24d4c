"""Who may appeal a denied claim, to whom, and by when: the rules per payer type, read from
data (data/appeal_rules.json, each entry with its source) and applied here.

* Medicare FFS: redetermination (MAC) 120 days from receipt of the initial determination (the
  remittance), reconsideration (QIC) 180 days, ALJ hearing 60 days above an amount in
  controversy ($200 in 2026), Appeals Council 60 days, federal court 60 days (AIC $1,960 in
  2026); each later level counts from the previous level's decision. A clerical error goes to
  a *reopening* (1 year), not a redetermination.
* Medicare Advantage: plan reconsideration within 60 days; an adverse reconsideration goes to
  the IRE by the plan itself (auto-forwarded: nothing for the practice to file).
* Commercial: internal appeal within 180 days (at least), external review within 4 months.
* Never appealable: CARC 29 (timely filing: write off) and RARC MA130 (unprocessable: correct and
  resubmit as a new claim).

A deadline is the clock's start date plus the window (days or calendar months): never before
the start.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal, get_args

from chairside_shared.dates import Window
from chairside_shared.errors import Conflict, InvalidInput

PayerType = Literal["medicare", "medicare_advantage", "commercial"]
PAYER_TYPES: tuple[str, ...] = get_args(PayerType)
AppealKind = Literal["appeal", "reopening"]


class NotAppealable(Conflict):
    """The denial has no appeal rights (409, type ``not-appealable``); ``suggested_action``
    says what to do instead."""

    title, code = "Not appealable", "not-appealable"


@dataclass(frozen=True, slots=True)
class Level:
    code: str
    name: str
    who: str
    number: int  # 1 = first level; a reopening is 0
    window: Window
    source: str
    amount_in_controversy: Mapping[int, Decimal]  # year -> minimum
    auto_forwarded: bool = False  # the payer sends it on itself (MA -> IRE)
    good_cause_window: Window | None = None

    def threshold(self, year: int) -> Decimal | None:
        """The amount in controversy required when filing in ``year`` (the latest known)."""
        known = [y for y in self.amount_in_controversy if y <= year]
        return self.amount_in_controversy[max(known)] if known else None


@dataclass(frozen=True, slots=True)
class Barred:
    """A code that takes away appeal rights."""

    code: str
    reason: str
    action: str
    source: str


@dataclass(frozen=True, slots=True)
class PayerRules:
    payer_type: str
    label: str
    levels: tuple[Level, ...]
    reopening: Level | None
    timely_filing: Window | None

    def level(self, code: str) -> Level | None:
        if self.reopening is not None and code == self.reopening.code:
            return self.reopening
        return next((lv for lv in self.levels if lv.code == code), None)

    def after(self, code: str) -> Level | None:
        """The level offered after a loss at ``code`` (none after the last, or a reopening)."""
        for lv, nxt in zip(self.levels, self.levels[1:], strict=False):
            if lv.code == code:
                return nxt
        return None


@dataclass(frozen=True, slots=True)
class FirstStep:
    kind: AppealKind
    level: Level
    deadline: date


@dataclass(frozen=True, slots=True)
class AppealRules:
    version: str
    source: str
    payers: Mapping[str, PayerRules]
    barred_carcs: Mapping[str, Barred]
    barred_rarcs: Mapping[str, Barred]

    def for_payer(self, payer_type: str | None) -> PayerRules:
        rules = self.payers.get(payer_type or "")
        if rules is None:
            raise InvalidInput("payer_type", f"no appeal rules for payer type {payer_type!r} "
                               f"(known: {', '.join(sorted(self.payers))})")
        return rules

    def barred(self, carcs: Iterable[str], rarcs: Iterable[str]) -> Barred | None:
        """The first code that takes appeal rights away: remark codes first (MA130 means the
        claim was never processed), then reason codes."""
        for code in rarcs:
            if code in self.barred_rarcs:
                return self.barred_rarcs[code]
        for code in carcs:
            if code in self.barred_carcs:
                return self.barred_carcs[code]
        return None

    def first_step(self, payer_type: str | None, *, determined_on: date, carcs: Iterable[str],
                   rarcs: Iterable[str], clerical: bool) -> FirstStep:
        """Where a denial goes first and by when; NotAppealable when it cannot go anywhere."""
        barred = self.barred(list(carcs), list(rarcs))
        if barred is not None:
            raise NotAppealable(f"{barred.code}: {barred.reason}", code_found=barred.code,
                                suggested_action=barred.action)
        rules = self.for_payer(payer_type)
        if clerical:
            if rules.reopening is None:
                raise NotAppealable(f"a clerical error on a {rules.label} claim is corrected "
                                    "and resubmitted, not appealed",
                                    suggested_action="correct_and_resubmit")
            level = rules.reopening
            kind: AppealKind = "reopening"
        else:
            level, kind = rules.levels[0], "appeal"
        deadline = level.window.end(determined_on)
        assert deadline is not None  # a first level always has a window (checked on load)
        return FirstStep(kind, level, deadline)


# --------------------------------------------------------------------------- loading
def _level(doc: Mapping[str, Any], number: int) -> Level:
    good = doc.get("good_cause_days")
    return Level(
        code=doc["code"], name=doc["name"], who=doc["who"], number=number,
        window=Window.of(doc), source=doc["source"],
        amount_in_controversy={int(y): Decimal(a)
                               for y, a in (doc.get("amount_in_controversy") or {}).items()},
        auto_forwarded=bool(doc.get("auto_forwarded", False)),
        good_cause_window=Window(days=good) if good is not None else None)


def _barred(doc: Mapping[str, Any]) -> dict[str, Barred]:
    return {code: Barred(code, v["reason"], v["action"], v["source"]) for code, v in doc.items()}


def rules_from_doc(doc: Mapping[str, Any]) -> AppealRules:
    """The rules file as typed rules; a first level without a window is refused."""
    payers: dict[str, PayerRules] = {}
    for payer_type, p in doc["payer_types"].items():
        levels = tuple(_level(lv, i) for i, lv in enumerate(p["levels"], start=1))
        if not levels or levels[0].window.end(date(2000, 1, 1)) is None:
            raise ValueError(f"{payer_type}: the first appeal level needs a window")
        tf = p.get("timely_filing")
        payers[payer_type] = PayerRules(
            payer_type=payer_type, label=p["label"], levels=levels,
            reopening=_level(p["reopening"], 0) if p.get("reopening") else None,
            timely_filing=Window.of(tf) if tf else None)
    bars = doc.get("not_appealable", {})
    return AppealRules(version=doc["version"], source=doc["source"], payers=payers,
                       barred_carcs=_barred(bars.get("carcs", {})),
                       barred_rarcs=_barred(bars.get("rarcs", {})))
