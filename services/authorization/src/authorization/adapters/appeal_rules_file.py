"""The shipped PA appeal windows per payer type (seed_data/pa_appeal_rules.json, each level with
its source), read once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from ..domain.appeals import PaAppealRules, rules_from_doc


@cache
def pa_appeal_rules() -> PaAppealRules:
    text = resources.files("authorization").joinpath(
        "seed_data/pa_appeal_rules.json").read_text("utf-8")
    return rules_from_doc(json.loads(text))
