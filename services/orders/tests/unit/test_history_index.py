"""The checks' history indexes (by drug, by tag, by molecule) hold exactly the doses a plain
filter of the history finds, whatever the mix of drugs and times: they are built per drug for
speed (the safety-check throughput figure), and must not lose, add or misfile a dose."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from orders.domain.checks.context import build_context
from orders.domain.lines import LineSpec
from orders.domain.patient import PastDose
from orders.seed import seed_catalog
from orders.testing import AS_OF, patient

CATALOG = seed_catalog()
CODES = sorted(CATALOG.drugs)
TAGS = sorted({t for d in CATALOG.drugs.values() for t in d.tags})
LINE = LineSpec(sequence=1, drug_code="ketorolac", dose=Decimal("15"), dose_unit="mg",
                mode="push", minutes=1)

doses = st.lists(st.tuples(st.sampled_from([*CODES, "not_in_catalog"]),
                           st.integers(min_value=-48, max_value=24 * 400)), max_size=60)


def _ids(items) -> Counter:
    return Counter(id(d) for d in items)


@settings(max_examples=60, deadline=None)
@given(doses)
def test_indexes_match_a_plain_filter(given_doses) -> None:
    history = [PastDose(drug_code=code, dose=Decimal("1"), given_at=AS_OF - timedelta(hours=h))
               for code, h in given_doses]
    ctx = build_context(patient=patient(), lines=[LINE], catalog=CATALOG, history=history,
                        as_of=AS_OF)
    past = [d for d in history if d.given_at <= AS_OF]  # later doses are not history yet
    for code in CODES:
        assert _ids(ctx.history_for(drug_code=code)) == _ids(
            d for d in past if d.drug_code == code)
    for tag in TAGS:
        assert _ids(ctx.history_for(tag=tag)) == _ids(
            d for d in past if (drug := CATALOG.drug(d.drug_code)) and tag in drug.tags)
    for drug in CATALOG.drugs.values():
        assert _ids(ctx.molecule_history(drug)) == _ids(
            d for d in past if (other := CATALOG.drug(d.drug_code))
            and other.molecule_key == drug.molecule_key)
