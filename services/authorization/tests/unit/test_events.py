"""Every domain event leaves as exactly one outbox message: its contract's event type and payload,
keyed by the order id (one visit's events stay in order), with the case id as the subject when
there is a case."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import uuid4

import pytest

from authorization.domain import events as ev
from authorization.service.events import to_messages
from chairside_shared import contracts as c
from chairside_shared.contracts import contract_for

AT = datetime(2026, 3, 2, 15, tzinfo=UTC)
CASE, ORDER = uuid4(), uuid4()
LINES = (ev.CoverageLine(hcpcs="J1885", pa="no-auth", coverage="covered", reasons=("ok",)),)

CASES = [
    (ev.AuthorizationNotRequired(order_id=ORDER, payer_id="summit-health", plan_id=None,
                                 lines=LINES, decided_at=AT),
     "authorization.not_required", None,
     c.AuthorizationNotRequired(order_id=ORDER, payer_id="summit-health", plan_id=None,
                                lines=[c.CoverageDecisionLine(hcpcs="J1885", pa="no-auth",
                                                              coverage="covered",
                                                              reasons=["ok"])],
                                decided_at=AT)),
    (ev.OrderNotCovered(order_id=ORDER, payer_id="harbor-health", plan_id="harbor-hmo",
                        lines=LINES, reason="J3490: not covered", decided_at=AT),
     "authorization.not_covered", None,
     c.AuthorizationNotCovered(order_id=ORDER, payer_id="harbor-health", plan_id="harbor-hmo",
                               lines=[c.CoverageDecisionLine(hcpcs="J1885", pa="no-auth",
                                                             coverage="covered",
                                                             reasons=["ok"])],
                               reason="J3490: not covered", decided_at=AT)),
    (ev.CaseOpened(case_id=CASE, order_id=ORDER, payer_id="summit-health", plan_id="summit-ppo",
                   status="draft", due_at=None,
                   lines=(ev.RequestedLine(hcpcs="J3032", requested_units=100),),
                   requested_at=AT),
     "authorization.requested", CASE,
     c.AuthorizationRequested(case_id=CASE, order_id=ORDER, payer_id="summit-health",
                              plan_id="summit-ppo", status="draft", due_at=None,
                              lines=[c.RequestedUnits(hcpcs="J3032", requested_units=100)],
                              requested_at=AT)),
    (ev.CaseApproved(case_id=CASE, order_id=ORDER, payer_id="summit-health",
                     auth_number="AUTH-77",
                     lines=(ev.ApprovedLine(hcpcs="J3032", approved_units=100),),
                     valid_from=date(2026, 3, 2), valid_to=date(2026, 9, 1), decided_at=AT),
     "authorization.approved", CASE,
     c.AuthorizationApproved(case_id=CASE, order_id=ORDER, payer_id="summit-health",
                             auth_number="AUTH-77",
                             lines=[c.ApprovedUnits(hcpcs="J3032", approved_units=100)],
                             valid_from=date(2026, 3, 2), valid_to=date(2026, 9, 1),
                             decided_at=AT)),
    (ev.CaseDenied(case_id=CASE, order_id=ORDER, payer_id="summit-health", reason="MN",
                   reason_code="MN", decided_at=AT),
     "authorization.denied", CASE,
     c.AuthorizationDenied(case_id=CASE, order_id=ORDER, payer_id="summit-health",
                           reason="MN", reason_code="MN", decided_at=AT)),
    (ev.CaseWithdrawn(case_id=CASE, order_id=ORDER, payer_id="summit-health",
                      reason="patient declined", occurred_at=AT),
     "authorization.withdrawn", CASE,
     c.AuthorizationClosed(case_id=CASE, order_id=ORDER, payer_id="summit-health",
                           reason="patient declined", occurred_at=AT)),
    (ev.CaseExpired(case_id=CASE, order_id=ORDER, payer_id="summit-health",
                    reason="approval ended 2026-09-01", occurred_at=AT),
     "authorization.expired", CASE,
     c.AuthorizationClosed(case_id=CASE, order_id=ORDER, payer_id="summit-health",
                           reason="approval ended 2026-09-01", occurred_at=AT)),
    (ev.UsageFlagged(case_id=CASE, order_id=ORDER, code="units_exceeded", hcpcs="J3032",
                     detail="400 units used of 300 approved", occurred_at=AT),
     "authorization.usage_flagged", CASE,
     c.AuthorizationUsageFlagged(case_id=CASE, order_id=ORDER, code="units_exceeded",
                                 hcpcs="J3032", detail="400 units used of 300 approved",
                                 occurred_at=AT)),
    (ev.UsageFlagged(case_id=None, order_id=ORDER, code="no_authorization", hcpcs="J3032",
                     detail="J3032 given without approval", occurred_at=AT),
     "authorization.usage_flagged", None,
     c.AuthorizationUsageFlagged(case_id=None, order_id=ORDER, code="no_authorization",
                                 hcpcs="J3032", detail="J3032 given without approval",
                                 occurred_at=AT)),
]


@pytest.mark.parametrize("event, event_type, subject, payload", CASES,
                         ids=[f"{t}-{i}" for i, (_, t, _, _) in enumerate(CASES)])
def test_each_domain_event_maps_to_its_contract(event, event_type, subject, payload):
    [m] = to_messages(event)
    assert (m.event_type, m.key) == (event_type, str(ORDER))
    assert m.subject == (str(subject) if subject else None)
    assert type(m.payload) is contract_for(event_type).model
    assert m.payload == payload


def test_an_unknown_event_is_refused():
    with pytest.raises(AssertionError):
        to_messages(object())
