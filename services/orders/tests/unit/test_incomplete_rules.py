"""A rule the catalog data cannot complete blocks; it never passes silently nor crashes. The
catalog models refuse such data (FrequencyLimit, Drug and protocol validation), so these
states are built past the validators on purpose: the engine still guards against them."""

from __future__ import annotations

from decimal import Decimal
from uuid import uuid4

import pytest

from orders.domain.catalog import Catalog, Drug, FrequencyLimit
from orders.domain.checks import run_checks
from orders.domain.errors import ValidationFailed
from orders.domain.protocols import DoseRule, Protocol, ProtocolLine, instantiate
from orders.seed import seed_catalog
from orders.testing import AS_OF, lines, patient

CAT = seed_catalog()


def with_drug(drug: Drug) -> Catalog:
    return CAT.model_copy(update={"drugs": {**CAT.drugs, drug.code: drug}})


def findings(catalog: Catalog, pt, specs) -> set[tuple[str, str, int | None]]:
    result = run_checks(patient=pt, lines=lines(*specs), catalog=catalog, history=[],
                        as_of=AS_OF)
    return {(f.code, f.severity, f.line) for f in result.findings}


@pytest.mark.parametrize("kind", ["min_interval", "course_days", "amount_per_window",
                                  "count_per_window"])
def test_a_frequency_limit_missing_its_values_blocks_the_line(kind):
    incomplete = FrequencyLimit.model_construct(kind=kind, severity="info", source="test")
    drug = CAT.drugs["ondansetron"].model_copy(update={"frequency_limits": (incomplete,)})
    assert ("line_unreadable", "block", 1) in findings(with_drug(drug), patient(),
                                                       (("ondansetron", 4),))
    assert not any(code == "line_unreadable" for code, _, _ in
                   findings(CAT, patient(), (("ondansetron", 4),)))


@pytest.mark.parametrize("code,missing", [("ondansetron", "peds_mg_per_kg"),
                                          ("dhe", "peds_max")])
def test_a_pediatric_policy_without_its_cap_blocks_the_line(code, missing):
    drug = CAT.drugs[code].model_copy(update={missing: None})
    kid = patient(age=12, weight_kg=40)
    dose = "0.1" if code == "dhe" else "2"
    assert ("line_unreadable", "block", 1) in findings(with_drug(drug), kid, ((code, dose),))
    assert not any(c == "line_unreadable" for c, _, _ in findings(CAT, kid, ((code, dose),)))


@pytest.mark.parametrize("rule,field", [
    (DoseRule(kind="fixed"), "protocol.lines.0.dose_rule.dose"),
    (DoseRule(kind="per_kg", max_dose=Decimal(10)), "protocol.lines.0.dose_rule.mg_per_kg"),
    (DoseRule(kind="per_kg", mg_per_kg=Decimal(1)), "protocol.lines.0.dose_rule.max_dose"),
])
def test_a_dose_rule_missing_its_values_is_refused_naming_the_field(rule, field):
    protocol = Protocol(id=uuid4(), practice_id=None, name="broken", population="any",
                        lines=(ProtocolLine(sequence=1, drug_code="ondansetron", dose_rule=rule,
                                            mode="push", minutes=2),))
    with pytest.raises(ValidationFailed) as err:
        instantiate(protocol, patient(weight_kg=70), CAT)
    assert [e.field for e in err.value.errors] == [field]
