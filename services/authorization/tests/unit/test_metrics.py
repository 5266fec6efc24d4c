from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from authorization.domain.metrics import CaseFacts, nearest_rank, pa_metrics, turnaround

T0 = datetime(2026, 3, 2, 15, tzinfo=UTC)


def fact(payer="summit-health", status="approved", hours=None, hcpcs=("J3032",), due=None,
         expedited=False):
    return CaseFacts(payer_id=payer, hcpcs=hcpcs, status=status, expedited=expedited,
                     submitted_at=T0 if status != "draft" else None,
                     decided_at=T0 + timedelta(hours=hours) if hours is not None else None,
                     due_at=due)


def test_turnaround_median_and_p90():
    cases = [fact(hours=h) for h in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)]
    t = turnaround(cases)
    assert (t.count, t.median_hours, t.p90_hours) == (10, Decimal("5.50"), Decimal("9.00"))
    t = turnaround([fact(hours=h) for h in (1, 2, 100)] + [fact(status="pended")])
    assert (t.count, t.median_hours, t.p90_hours) == (3, Decimal("2.00"), Decimal("100.00"))
    assert turnaround([]).median_hours is None


def test_rates_by_payer_and_drug_and_overdue():
    now = T0 + timedelta(days=5)
    cases = [
        fact(hours=10), fact(hours=20), fact(status="denied", hours=30),
        fact(status="expired", hours=5),  # an approval that has since expired
        fact(status="pended", due=now - timedelta(hours=1)),  # overdue
        fact(status="submitted", due=now + timedelta(hours=1)),  # not yet
        fact(payer="river-medicaid", status="denied", hours=2, hcpcs=("J3032", "J1885")),
        fact(payer="river-medicaid", status="draft"),
    ]
    m = pa_metrics(cases, now)
    summit = next(r for r in m.by_payer if r.key == "summit-health")
    assert (summit.submitted, summit.decided, summit.approved, summit.denied) == (6, 4, 3, 1)
    assert (summit.approval_rate, summit.denial_rate) == (Decimal("0.7500"), Decimal("0.2500"))
    river = next(r for r in m.by_payer if r.key == "river-medicaid")
    assert (river.approval_rate, river.denial_rate) == (Decimal("0.0000"), Decimal("1.0000"))
    j1885 = next(r for r in m.by_drug if r.key == "J1885")
    assert (j1885.decided, j1885.denied) == (1, 1)
    j3032 = next(r for r in m.by_drug if r.key == "J3032")
    assert j3032.decided == 5
    assert m.overdue == 1 and m.open == 3


def test_standard_and_expedited_split():
    m = pa_metrics([fact(hours=50), fact(hours=10, expedited=True)], T0)
    assert m.turnaround_standard.median_hours == Decimal("50.00")
    assert m.turnaround_expedited.median_hours == Decimal("10.00")


@given(st.lists(st.decimals(min_value=0, max_value=10_000, places=2), min_size=1, max_size=60),
       st.integers(1, 100))
def test_nearest_rank_is_a_member_with_enough_below(values, pct):
    ordered = sorted(values)
    v = nearest_rank(ordered, pct)
    assert v in ordered
    assert sum(1 for x in ordered if x <= v) * 100 >= pct * len(ordered)
