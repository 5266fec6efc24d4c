"""A claim's balance from its payment history: reversals netted, whatever the order.

payer-exchange.md §4.5: a reversal (CLP02 22) carries the negated amounts of a payment posted
before (earlier, or in the same 835); the corrected claim follows as a new payment. A claim's
paid amount and patient responsibility are the sums of every payment applied to it, so
original + reversal + correction net to ``corrected`` in any order. Its status comes from the
payments no reversal cancelled: none left means the balance is reopened (``reversed``).

A reversal is paired with an original of the same charge and paid amount (negated). Pairing
is by value, never by arrival order, so the settlement is the same for any order of posts.
A reversal that pairs with nothing is refused: it would credit money never posted.

Provider-level recoupments (§4.4/4.5, PLB WO/FB/72 referencing a claim): a negative amount
defers a recoupment (the payer pays it now, takes it later), a positive one recovers it; what
is still open on a claim is minus their sum.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from reimbursement.domain.money import ZERO
from reimbursement.domain.remittance import REVERSAL, PostedStatus

# The best outcome among the payments still standing wins: money the payer paid later
# supersedes an earlier $0 decision on the same claim.
_RANK: dict[str, int] = {"paid": 4, "partially_paid": 3, "paid_zero": 2, "denied": 1}
RECOUPMENT_CODES = frozenset({"WO", "FB", "72"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One payment as settlement sees it; ``line`` is its CLP line when it is in the file
    being posted (0: posted before)."""

    status_code: str
    outcome: str | None
    charge: Decimal
    paid: Decimal
    patient_responsibility: Decimal
    crossover: bool = False
    denial_reasons: tuple[str, ...] = ()
    line: int = 0

    @property
    def reversal(self) -> bool:
        return self.status_code == REVERSAL

    def sort_key(self) -> tuple[str, ...]:
        return (self.status_code, str(self.outcome), str(self.charge), str(self.paid),
                str(self.patient_responsibility), str(self.crossover),
                "|".join(self.denial_reasons))


@dataclass(frozen=True, slots=True)
class Settlement:
    status: PostedStatus | None  # None: nothing applied yet
    paid: Decimal
    patient_responsibility: Decimal
    denial_reasons: tuple[str, ...]
    awaiting_crossover: bool
    standing: int  # payments no reversal cancelled


def _pairs(entries: Sequence[Entry]) -> tuple[set[int], list[int]]:
    """Indexes of cancelled originals, and of reversals that cancel nothing.

    Reversals already posted pair first, so a new reversal of an already reversed payment is
    the one left unpaired. Among originals of equal amounts the pick is by content, so any
    order of the same entries pairs the same way."""
    originals: dict[tuple[Decimal, Decimal], list[int]] = {}
    for i in sorted((i for i, e in enumerate(entries) if not e.reversal),
                    key=lambda i: entries[i].sort_key()):
        originals.setdefault((entries[i].charge, entries[i].paid), []).append(i)
    cancelled: set[int] = set()
    unpaired: list[int] = []
    reversals = sorted((i for i, e in enumerate(entries) if e.reversal),
                       key=lambda i: (entries[i].line != 0, entries[i].line, i))
    for i in reversals:
        e = entries[i]
        free = originals.get((-e.charge, -e.paid), [])
        if free:
            cancelled.add(free.pop(0))
        else:
            unpaired.append(i)
    return cancelled, unpaired


def unpaired_reversals(entries: Sequence[Entry]) -> list[Entry]:
    """Reversals whose amounts match no payment among ``entries`` (the claim's history plus
    the file being posted)."""
    return [entries[i] for i in _pairs(entries)[1]]


def settle(entries: Sequence[Entry]) -> Settlement:
    """The claim's balance and status from every payment applied to it."""
    cancelled, _ = _pairs(entries)
    standing = sorted((e for i, e in enumerate(entries) if not e.reversal and i not in cancelled),
                      key=Entry.sort_key)
    paid = sum((e.paid for e in entries), ZERO)
    patient = sum((e.patient_responsibility for e in entries), ZERO)
    ranked = [e for e in standing if e.outcome in _RANK]
    status: PostedStatus | None
    if ranked:
        best = max(ranked, key=lambda e: _RANK[e.outcome or ""])
        status = best.outcome  # type: ignore[assignment]  # a key of _RANK
        reasons = tuple(dict.fromkeys(r for e in ranked if e.outcome == status
                                      for r in e.denial_reasons))
    else:
        status = "reversed" if entries else None
        reasons = ()
    if status not in {"denied", "partially_paid"}:
        reasons = ()
    return Settlement(status, paid, patient, reasons, any(e.crossover for e in standing),
                      len(standing))


def open_recoupment(amounts: Iterable[tuple[str, Decimal]]) -> Decimal:
    """What the payer still means to take back on a claim, from its PLB (code, amount)s."""
    return -sum((amount for code, amount in amounts if code in RECOUPMENT_CODES), ZERO)
