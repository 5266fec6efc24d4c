"""The seed catalog: the 16 drugs of clinical.md, rule thresholds and the starter protocols.

``catalog.json`` is data, not code: every drug attribute names its source in ``sources``
(keys of ``references``; ``GK`` = general knowledge to verify, ``POLICY`` = clinic default).
The migration/seed command loads it as catalog version 1; admins edit from there.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from orders.domain.catalog import Catalog, Drug, RulesConfig
from orders.domain.observations import ObservationKind
from orders.domain.outcome_rules import OutcomeRules
from orders.domain.protocols import Protocol, protocol_from_data
from orders.domain.vitals import DischargeThresholds


@lru_cache(maxsize=1)
def raw_seed() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("catalog.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)  # the catalog document: checked by seed_catalog
    return data


@lru_cache(maxsize=1)
def seed_catalog() -> Catalog:
    """Immutable (frozen models); cached because every check in tests and seeding reads it."""
    data = raw_seed()
    drugs = {d["code"]: Drug.model_validate(d) for d in data["drugs"]}
    return Catalog(
        version=int(data["version"]),
        drugs=drugs,
        rules=RulesConfig.model_validate(data["rules"]),
        home_med_classes={k: tuple(v) for k, v in data["home_med_classes"].items()},
        references=data["references"],
        observation_kinds={k: ObservationKind.model_validate(v)
                           for k, v in data.get("observation_kinds", {}).items()},
    )


def seed_protocols() -> list[Protocol]:
    """Center-wide templates (practice_id None): visible to every practice."""
    return [protocol_from_data(p, practice_id=None) for p in raw_seed()["protocols"]]


@lru_cache(maxsize=1)
def outcome_rules() -> OutcomeRules:
    """``outcomes.json``: the outcome thresholds and mappings, each with its source."""
    text = resources.files(__package__).joinpath("outcomes.json").read_text(encoding="utf-8")
    return OutcomeRules.model_validate(json.loads(text))


def discharge_thresholds() -> DischargeThresholds:
    """The discharge and vital-sign thresholds (``discharge.json``), versioned with sources."""
    text = resources.files(__package__).joinpath("discharge.json").read_text(encoding="utf-8")
    return DischargeThresholds.model_validate(json.loads(text))
