"""Sandbox rules: which outcome a request gets, how slowly, and with what (possibly bad) data.

Rules are checked in order; the first whose filters all match decides. Filters left empty match
everything. ``answer_equals`` looks at the DTR QuestionnaireResponse answers by link-id suffix
(``concurrent-cgrp-antibody`` matches ``J3032.concurrent-cgrp-antibody``).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Outcome = Literal["approve", "deny", "pend", "error"]


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = "default"
    # --- filters
    payer_id: str | None = None
    hcpcs: str | None = None
    member_prefix: str | None = None
    priority: Literal["stat", "normal"] | None = None
    answer_equals: dict[str, Any] = Field(default_factory=dict)
    # --- outcome
    outcome: Outcome = "approve"
    pend_then: Literal["approve", "deny"] = "approve"
    pend_inquiries: int = Field(default=1, ge=1)  # decide on this inquiry...
    pend_seconds: float | None = Field(default=None, ge=0)  # ...or once this long has passed
    deny_reason_code: str = "MN"
    deny_reason: str = "Medical necessity criteria not met"
    approved_units: int | None = None  # None: as requested (may be set negative on purpose)
    auth_days: int | None = None  # None: the requested service period, else 180 days
    reverse_period: bool = False  # send valid_to before valid_from (bad-data drill)
    review_code: str | None = None  # override the X12 306 code (e.g. "A6", or "NA")
    error_status: int = Field(default=500, ge=400, le=599)
    error_text: str = "payer system unavailable"
    latency_ms: int = Field(default=0, ge=0, le=60_000)


class SandboxConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: list[Rule] = Field(default_factory=list)
    default: Rule = Field(default_factory=Rule)
    auth_number_prefix: str = "SBX"
    latency_ms: int = Field(default=0, ge=0, le=60_000)
    # When set, FHIR calls must carry "Authorization: Bearer <token>" (401 otherwise).
    required_token: str | None = None
    # Refuse $submit Bundles missing a PAS 2.2.1 required element (400, OperationOutcome).
    enforce_pas_profiles: bool = True

    def match(self, facts: dict[str, Any]) -> Rule:
        for rule in self.rules:
            if _matches(rule, facts):
                return rule
        return self.default


def _matches(rule: Rule, facts: dict[str, Any]) -> bool:
    if rule.payer_id and rule.payer_id != facts.get("payer_id"):
        return False
    if rule.hcpcs and rule.hcpcs not in facts.get("hcpcs", []):
        return False
    if rule.member_prefix and not str(facts.get("member_id") or "").startswith(rule.member_prefix):
        return False
    if rule.priority and rule.priority != facts.get("priority"):
        return False
    answers: dict[str, Any] = facts.get("answers", {})
    for suffix, expected in rule.answer_equals.items():
        values = [v for k, v in answers.items() if k == suffix or k.endswith("." + suffix)]
        if not values or any(v != expected for v in values):
            return False
    return True


def demo_config() -> SandboxConfig:
    """What ``make run`` starts with: member ids steer the outcome, so a demo can show all."""
    return SandboxConfig(rules=[
        Rule(name="concurrent-cgrp", answer_equals={"concurrent-cgrp-antibody": True},
             outcome="deny", deny_reason_code="MN",
             deny_reason="Concurrent CGRP monoclonal antibody therapy is not covered"),
        Rule(name="deny-members", member_prefix="DENY", outcome="deny"),
        Rule(name="pend-members", member_prefix="PEND", outcome="pend", pend_inquiries=2),
        Rule(name="slow-members", member_prefix="SLOW", outcome="pend", pend_seconds=60),
        Rule(name="error-members", member_prefix="ERR", outcome="error"),
    ])
