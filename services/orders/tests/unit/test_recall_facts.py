"""The recall facts a completed visit hands on (order.administered): one per recurring drug
given, its billing units and the catalog's days; none for other drugs. Data, not code: any
drug with ``recall`` in the catalog gets one."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from chairside_shared import contracts
from orders.domain.events import OrderAdministered
from orders.domain.recall_data import RecallData, recalls_given
from orders.seed import seed_catalog
from orders.service.events import order_administered


def _visit(*given: tuple[str, str, str]) -> SimpleNamespace:
    lines = [SimpleNamespace(sequence=i + 1, drug_code=code) for i, (code, _, _) in
             enumerate(given)]
    recs = [SimpleNamespace(line_sequence=i + 1, dose_given=Decimal(dose), dose_unit=unit)
            for i, (_, dose, unit) in enumerate(given)]
    return SimpleNamespace(lines=lines, administrations=recs)


@pytest.mark.parametrize(("given", "expected"), [
    ([("eptinezumab", "300", "mg")], [("eptinezumab", "J3032", 300)]),
    ([("eptinezumab", "100", "mg")], [("eptinezumab", "J3032", 100)]),
    ([("eptinezumab", "0.1", "g")], [("eptinezumab", "J3032", 100)]),
    ([("ketorolac", "30", "mg"), ("magnesium", "2000", "mg")], []),
])
def test_recurring_drugs_given_and_their_units(given, expected):
    out = recalls_given(_visit(*given), seed_catalog())  # type: ignore[arg-type]
    assert [(r.drug_code, r.hcpcs, r.units_given) for r in out] == expected
    for r in out:
        assert (r.recall.earliest_days, r.recall.target_from_days, r.recall.target_to_days,
                r.recall.latest_days) == (84, 84, 98, 98)
        assert r.recall.source and "latest_days" in r.recall.unverified


def test_the_event_carries_codes_days_and_units_only():
    catalog = seed_catalog()
    [given] = recalls_given(_visit(("eptinezumab", "300", "mg")), catalog)  # type: ignore[arg-type]
    msg = order_administered(OrderAdministered(
        order_id=uuid.uuid4(), practice_id="p1", patient_id=uuid.uuid4(),
        diagnoses=("G43.709",), payer=None, rendering_provider_npi=None, patient_age_years=40,
        administrations=(), completed_at=datetime.now(UTC), recalls=(given,)))
    assert msg.recalls == [contracts.RecallFacts(
        drug_code="eptinezumab", hcpcs="J3032", units_given=300, earliest_days=84,
        target_from_days=84, target_to_days=98, latest_days=98,
        pre_dose_checks=["outcome_assessment"])]
    # a message from before recalls still parses
    old = msg.model_dump(mode="json", exclude={"recalls"})
    assert contracts.OrderAdministered.model_validate(old).recalls == []


def test_recall_days_must_be_in_order():
    with pytest.raises(ValidationError, match="earliest"):
        RecallData(earliest_days=90, target_from_days=84, target_to_days=98, latest_days=98,
                   source="x")
