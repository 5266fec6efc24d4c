"""The same-day triage rule as shipped (``seed/triage.json``: versioned data with sources)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from scheduling.domain.triage import TriageRule


def triage_document() -> dict[str, Any]:
    text = resources.files("scheduling").joinpath("seed", "triage.json").read_text(
        encoding="utf-8")
    doc: dict[str, Any] = json.loads(text)
    return doc


@lru_cache(maxsize=1)
def triage_rule() -> TriageRule:
    """Checked once (TriageRule.from_document refuses a rule that could starve a request)."""
    return TriageRule.from_document(triage_document())
