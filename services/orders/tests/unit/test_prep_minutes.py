"""An order's pharmacy preparation (order.signed ``prep_minutes``): its infusion lines
compounded one after another in one hood; pushes are drawn up at the chair."""

from __future__ import annotations

import pytest

from orders.domain.prep import order_prep_minutes
from orders.seed import seed_catalog
from orders.testing import line

CASES = [
    ("one biologic", [line("eptinezumab", 100)], 30),
    ("cocktail: two infusions in sequence, one push", [
        line("prochlorperazine", 10, 1), line("diphenhydramine", 25, 2, mode="push"),
        line("valproate", 500, 3)], 20),
    ("the same drug as a push takes no hood time", [line("dhe", 1, mode="push")], 0),
    ("fluids are premade bags", [line("ns_1000", 1000, unit="mL")], 0),
    ("ketamine and a bag", [line("ketamine", 30), line("ns_500", 500, 2, unit="mL")], 20),
    ("a drug the catalog does not know: unknown", [line("no-such-drug", 1)], None),
]


@pytest.mark.parametrize(("name", "lines", "expected"), CASES, ids=[c[0] for c in CASES])
def test_order_prep_minutes(name, lines, expected):
    assert order_prep_minutes(lines, seed_catalog()) == expected


def test_every_drug_names_the_source_of_its_prep_minutes():
    for drug in seed_catalog().drugs.values():
        assert 0 <= drug.prep_minutes <= 60
        assert drug.sources.get("prep_minutes", "").startswith("GK (unverified"), drug.code
