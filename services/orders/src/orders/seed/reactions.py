"""The seed reaction rules (``reaction_rules.json``): versioned data with sources."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from orders.domain.reaction_rules import ReactionRules


@lru_cache(maxsize=1)
def seed_reaction_rules() -> ReactionRules:
    """Immutable; cached because every check and every recorded reaction reads it."""
    text = resources.files(__package__).joinpath("reaction_rules.json").read_text(
        encoding="utf-8")
    return ReactionRules.model_validate(json.loads(text))
