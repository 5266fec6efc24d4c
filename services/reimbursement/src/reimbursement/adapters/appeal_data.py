"""The appeal and denial-action tables shipped as data (data/appeal_rules.json,
data/denial_actions.json; each names its sources), read once and typed."""

from __future__ import annotations

import json
from functools import cache

from reimbursement.adapters.data_files import read_text
from reimbursement.domain.appeal_rules import AppealRules, rules_from_doc
from reimbursement.domain.denial_actions import DenialActions, actions_from_doc


@cache
def appeal_rules() -> AppealRules:
    return rules_from_doc(json.loads(read_text("appeal_rules.json")))


@cache
def denial_actions() -> DenialActions:
    return actions_from_doc(json.loads(read_text("denial_actions.json")))
