"""Same-day triage input on an order (orders.domain.triage): what is refused and why."""

from __future__ import annotations

import typing

import pytest

from chairside_shared import contracts
from orders.domain.triage import MAX_HEADACHE_HOURS, TRIAGE_CATEGORIES, triage_errors


def test_orders_and_the_event_contract_know_the_same_categories():
    assert set(TRIAGE_CATEGORIES) == set(typing.get_args(contracts.TriageCategory))


@pytest.mark.parametrize(("urgency", "category", "hours", "fields"), [
    ("same_day", None, None, []),
    ("same_day", "status_migrainosus", 80, []),
    ("same_day", "routine", 0, []),
    ("same_day", None, MAX_HEADACHE_HOURS, []),
    ("planned", None, None, []),
    ("same_day", "bad", None, ["triage_category"]),
    ("same_day", None, -1, ["headache_hours"]),
    ("same_day", None, MAX_HEADACHE_HOURS + 1, ["headache_hours"]),
    ("planned", "prolonged_attack", None, ["triage_category"]),
    ("planned", None, 30, ["headache_hours"]),
    ("planned", "bad", 30, ["triage_category", "triage_category"]),
])
def test_triage_errors(urgency, category, hours, fields):
    assert [e.field for e in triage_errors(urgency, category, hours)] == fields
