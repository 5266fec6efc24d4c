"""authorization.approved carries the payer policy's quantity limit of each approved code
(what scheduling's recalls count against: summit-health J3032, 300 units / 84 days)."""

from __future__ import annotations

from chairside_shared import contracts

from ..conftest import NOW, take_events
from .test_case import APPROVE, submitted


def test_the_approval_event_carries_the_policy_quantity_limit(book):
    case = submitted(book)
    take_events(case)
    assert case.record_decision(APPROVE, "{}", "payer:summit-health", NOW)
    [(etype, ev)] = take_events(case)
    assert etype == "authorization.approved"
    assert ev.quantity_limits == [contracts.QuantityLimitFacts(hcpcs="J3032", units=300,
                                                               period_days=84)]


def test_a_code_without_a_limit_carries_none(book):
    case = submitted(book)
    take_events(case)
    policy = case.policies["J3032"]
    assert policy is not None
    case.policies["J3032"] = policy.model_copy(update={"quantity_limit": None})
    case.record_decision(APPROVE, "{}", "payer:summit-health", NOW)
    [(_, ev)] = take_events(case)
    assert ev.quantity_limits == []
