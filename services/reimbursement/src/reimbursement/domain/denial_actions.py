"""The denial worklist's suggested action per CARC (data/denial_actions.json, the table of
payer-exchange.md section 5) and each denied claim's deadline to act.

A claim's *primary* CARC is the one carrying most of its denied dollars; the claim is grouped
under it. The deadline to act follows the action's clock: an appeal-type action runs to the
first appeal level's deadline (from the remittance date), a correct-and-resubmit action to the
payer type's timely filing limit (from the date of service; unknown for contract-specific
payers), a write-off has none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from reimbursement.domain.appeal_rules import AppealRules
from reimbursement.domain.money import ZERO

Clock = Literal["appeal", "timely_filing", "none"]


@dataclass(frozen=True, slots=True)
class CarcAction:
    carc: str
    meaning: str
    trigger: str
    action: str
    action_label: str
    clock: Clock


@dataclass(frozen=True, slots=True)
class DenialActions:
    version: str
    source: str
    by_carc: Mapping[str, CarcAction]
    default: CarcAction

    def for_carc(self, carc: str) -> CarcAction:
        found = self.by_carc.get(carc)
        if found is not None:
            return found
        d = self.default
        return CarcAction(carc, d.meaning, d.trigger, d.action, d.action_label, d.clock)


def actions_from_doc(doc: Mapping[str, Any]) -> DenialActions:
    labels: Mapping[str, str] = doc["actions"]

    def one(carc: str, v: Mapping[str, str]) -> CarcAction:
        if v["action"] not in labels:
            raise ValueError(f"CARC {carc}: unknown action {v['action']!r}")
        if v["clock"] not in ("appeal", "timely_filing", "none"):
            raise ValueError(f"CARC {carc}: unknown clock {v['clock']!r}")
        return CarcAction(carc, v["meaning"], v["trigger"], v["action"], labels[v["action"]],
                          v["clock"])  # type: ignore[arg-type]  # checked just above

    return DenialActions(doc["version"], doc["source"],
                         {c: one(c, v) for c, v in doc["carcs"].items()},
                         one("", doc["default"]))


@dataclass(frozen=True, slots=True)
class CarcAmount:
    group: str  # CO, PI, OA (PR cost share never counts as denied)
    carc: str
    amount: Decimal


def primary_carc(amounts: Sequence[CarcAmount], labels: Sequence[str]) -> str | None:
    """The CARC with the most denied dollars; without amounts, the first one the claim's
    denial reasons name (``CO-197 ...``)."""
    totals: dict[str, Decimal] = {}
    for a in amounts:
        totals[a.carc] = totals.get(a.carc, ZERO) + a.amount
    if totals:
        return max(totals.items(), key=lambda kv: (kv[1], -len(kv[0]), kv[0]))[0]
    for label in labels:
        head = label.split(" ", 1)[0]
        if "-" in head:
            return head.split("-", 1)[1]
    return None


def act_by(action: CarcAction, *, rules: AppealRules, payer_type: str | None,
           determined_on: date | None, service_date: date) -> date | None:
    """The deadline to act on a denial, or None when there is none (or it is contract
    specific and unknown here)."""
    payer = rules.payers.get(payer_type or "")
    if payer is None or action.clock == "none":
        return None
    if action.clock == "appeal":
        return None if determined_on is None else payer.levels[0].window.end(determined_on)
    return None if payer.timely_filing is None else payer.timely_filing.end(service_date)


def denial_carcs(amounts: Sequence[CarcAmount], denial_reasons: Sequence[str]) -> tuple[str, ...]:
    """The CARCs that denied the claim, primary first: of a remittance's adjustments, those
    the claim's denial reasons name (``CO-197 ...``; a paid line's CO-45 is not a denial)."""
    labels = {r.split(" ", 1)[0] for r in denial_reasons}
    denied = [a for a in amounts if f"{a.group}-{a.carc}" in labels]
    first = primary_carc(denied, denial_reasons)
    return tuple(dict.fromkeys(([first] if first else []) + [a.carc for a in denied]))
