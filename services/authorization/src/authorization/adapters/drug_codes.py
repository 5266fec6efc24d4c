"""The shipped RxNorm map (seed_data/rxnorm.json) and the verified codes ops add by setting."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources

from ..domain.identity import DrugCode


def load_drug_codes(overrides: Mapping[str, str] | None = None) -> dict[str, DrugCode]:
    text = resources.files("authorization").joinpath("seed_data/rxnorm.json").read_text("utf-8")
    doc = json.loads(text)
    codes = {
        drug: DrugCode(drug_code=drug, rxcui=entry.get("rxcui"),
                       rxnorm_name=entry.get("rxnorm_name"), ndc=entry.get("ndc"))
        for drug, entry in doc["drugs"].items()
    }
    for drug, rxcui in (overrides or {}).items():
        known = codes.get(drug)
        codes[drug] = DrugCode(drug_code=drug, rxcui=rxcui, rxnorm_name=None,
                               ndc=known.ndc if known else None)
    return codes
