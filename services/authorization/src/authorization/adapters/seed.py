"""Demo payer data shipped with the package (seed_data/payers.json), validated on load."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from ..domain.policy import CoveragePolicy, Payer, PolicyBook, PolicySet


def load_seed_document() -> dict[str, Any]:
    text = resources.files("authorization").joinpath("seed_data/payers.json").read_text("utf-8")
    doc = json.loads(text)
    if not isinstance(doc, dict):
        raise ValueError("seed_data/payers.json is not a JSON object")
    return doc


def parse_seed(doc: dict[str, Any]) -> tuple[list[Payer], list[PolicySet]]:
    payers = [Payer.model_validate(p) for p in doc["payers"]]
    known = {p.id for p in payers}
    sets: list[PolicySet] = []
    for payer_id, items in doc.get("policies", {}).items():
        if payer_id not in known:
            raise ValueError(f"policies for unknown payer {payer_id}")
        sets.append(PolicySet(payer_id=payer_id, version=1,
                              policies=tuple(CoveragePolicy.model_validate(i) for i in items)))
    for s in sets:
        payer = next(p for p in payers if p.id == s.payer_id)
        unknown = s.check_plans(payer)
        if unknown:
            raise ValueError(f"policies of {s.payer_id} name unknown plans {unknown}")
    return payers, sets


def seed_book() -> PolicyBook:
    payers, sets = parse_seed(load_seed_document())
    return PolicyBook(payers, sets)
