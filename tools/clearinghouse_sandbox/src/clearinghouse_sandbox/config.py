"""What the sandbox clearinghouse answers, per member id.

``members`` maps an exact member id (the subscriber's, 2100C NM109) to an :class:`Answer`;
``rules`` match by member-id prefix, in order; ``default`` answers everyone else. An answer is
one of: ``active`` (EB*1 plus the benefit figures configured), ``inactive`` (EB*6) or
``rejected`` (an AAA with ``aaa_code`` / ``aaa_follow_up``). ``retry_later_first`` answers
AAA 42 ("unable to respond at current time", follow-up R) to that many inquiries for the member
before the configured answer, the way a payer's system that is down for a while does.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# AAA03 codes the sandbox can send, and the follow-up (AAA04) a payer usually pairs them with.
AAA_FOLLOW_UP = {
    "41": "N",  # authorization/access restrictions
    "42": "R",  # unable to respond at current time: resubmission allowed
    "43": "C",  # invalid/missing provider identification
    "58": "C",  # invalid/missing date of birth
    "71": "C",  # patient birth date does not match that for the patient on the database
    "72": "C",  # invalid/missing subscriber/insured id
    "73": "C",  # invalid/missing subscriber/insured name
    "75": "C",  # subscriber/insured not found
    "76": "C",  # duplicate subscriber/insured id number
}
# Where a payer reports each code: "cannot respond now" from the information source itself
# (2100A, and then nothing below it), provider problems in 2100B, the member's in 2100C.
AAA_LOOP = {"42": "2100A", "43": "2100B"}


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["active", "inactive", "rejected"] = "active"
    aaa_code: Literal["41", "42", "43", "58", "71", "72", "73", "75", "76"] | None = None
    aaa_follow_up: Literal["C", "N", "R", "W", "X", "Y"] | None = None  # None: usual for code
    aaa_loop: Literal["2100A", "2100B", "2100C"] | None = None  # None: usual for the code
    plan_name: str = Field("CHOICE PPO", min_length=1, max_length=50)
    group_number: str | None = Field(None, max_length=30)
    plan_begin: date | None = None
    # Benefit figures (EB segments for service types 30 and 1, individual, in network).
    deductible: Decimal | None = Field(None, ge=0)  # EB*C ... EB06 23 (calendar year)
    deductible_remaining: Decimal | None = Field(None, ge=0)  # EB*C ... EB06 29 (remaining)
    coinsurance: Decimal | None = Field(None, ge=0, le=1)  # EB*A ... EB08 (.20 = 20 %)
    copay: Decimal | None = Field(None, ge=0)  # EB*B ... EB07 per visit
    out_of_pocket: Decimal | None = Field(None, ge=0)  # EB*G ... EB06 23
    out_of_pocket_remaining: Decimal | None = Field(None, ge=0)  # EB*G ... EB06 29
    retry_later_first: int = Field(0, ge=0, le=100)
    latency_ms: int = Field(0, ge=0, le=60_000)

    def follow_up(self) -> str:
        return self.aaa_follow_up or AAA_FOLLOW_UP.get(self.aaa_code or "", "C")

    def loop(self) -> str:
        return self.aaa_loop or AAA_LOOP.get(self.aaa_code or "", "2100C")


class PrefixRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    member_prefix: str = Field(min_length=1, max_length=80)
    answer: Answer


class ClaimScenario(BaseModel):
    """What the clearinghouse (999) and the payer (277CA) answer about one 837P claim.

    ``ack``: the 999 IK5 of the transaction set carrying the claim (``R`` rejects every claim
    in that set; ``E`` accepts it with errors); with ``E`` or ``R`` the IK3/IK4 name
    ``error_segment`` / ``error_element`` and CTX names the claim's CLM01. ``status``: the
    277CA STC01-1 category (A1 received, A2 accepted + REF*1K, A3/A6/A7/A8 rejected) with
    ``status_code`` (STC01-2) and ``entity`` (STC01-3)."""

    model_config = ConfigDict(extra="forbid")

    ack: Literal["A", "E", "R"] = "A"
    error_segment: str = Field("CLM", pattern=r"^[A-Z][A-Z0-9]{1,2}$")
    error_element: int = Field(1, ge=1, le=99)
    error_element_ref: str = Field("1028", pattern=r"^\d{1,4}$")  # data element number
    error_code: str = Field("7", pattern=r"^[0-9A-Z]{1,3}$")  # IK403 (7: invalid code value)
    status: Literal["A1", "A2", "A3", "A6", "A7", "A8"] = "A2"
    status_code: str = Field("20", pattern=r"^\d{1,5}$")  # STC01-2 (20 accepted, 562 NPI..)
    entity: str | None = Field(None, pattern=r"^[0-9A-Z]{2,3}$")  # STC01-3 (85 billing ...)
    send_icn: bool = True  # REF*1K with an A2 (a payer that leaves it out: False)
    # The payer's 835 for an accepted claim (queued after the 277CA): none, paid in full,
    # short-paid (allowed = charge x allowed_ratio, CO-45 + PR-2 20 %), denied (CO-carc +
    # RARC), or a reversal of a full payment with a short-paid correction (CLP02 22 then 1);
    # ``recoup`` adds a PLB WO (recoupment) of that amount against the claim's ICN.
    remit: Literal["none", "paid", "short", "denied", "reverse_correct"] = "none"
    allowed_ratio: Decimal = Field(Decimal("0.8"), gt=0, le=1)
    carc: str = Field("50", pattern=r"^[A-Z0-9]{1,5}$")
    rarc: str | None = Field("N130", pattern=r"^[A-Z0-9]{2,7}$")
    recoup: Decimal | None = Field(None, gt=0)


class ClaimRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    clm01_prefix: str = Field(min_length=1, max_length=38)
    scenario: ClaimScenario


class SandboxConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # 837P claims: by exact CLM01, then by CLM01 prefix (in order), else ``claim_default``.
    claims: dict[str, ClaimScenario] = Field(default_factory=dict)
    claim_rules: list[ClaimRule] = Field(default_factory=list)
    claim_default: ClaimScenario = Field(default_factory=ClaimScenario)
    members: dict[str, Answer] = Field(default_factory=dict)
    rules: list[PrefixRule] = Field(default_factory=list)
    default: Answer = Field(default_factory=Answer)
    # The clearinghouse's own interchange id (ISA06 of what it sends back).
    interchange_id: str = Field("CLEARINGHOUSE", min_length=1, max_length=15)
    latency_ms: int = Field(0, ge=0, le=60_000)
    # When set, POST /x12 must carry "Authorization: Bearer <token>" (401 otherwise).
    required_token: str | None = None

    def scenario_for(self, clm01: str) -> ClaimScenario:
        if clm01 in self.claims:
            return self.claims[clm01]
        for rule in self.claim_rules:
            if clm01.startswith(rule.clm01_prefix):
                return rule.scenario
        return self.claim_default

    def answer_for(self, member_id: str | None) -> Answer:
        member = member_id or ""
        if member in self.members:
            return self.members[member]
        for rule in self.rules:
            if member.startswith(rule.member_prefix):
                return rule.answer
        return self.default


_TYPICAL = Answer(deductible=Decimal("1500"), deductible_remaining=Decimal("400"),
                  coinsurance=Decimal("0.20"), copay=Decimal("25"),
                  out_of_pocket=Decimal("5000"), out_of_pocket_remaining=Decimal("3100"))


def demo_config() -> SandboxConfig:
    """What ``make run`` starts with: everyone active with typical figures; member-id prefixes
    steer the other answers, so a demo can show each of them."""
    return SandboxConfig(
        default=_TYPICAL,
        rules=[
            PrefixRule(member_prefix="INACTIVE", answer=Answer(status="inactive")),
            PrefixRule(member_prefix="BADID", answer=Answer(status="rejected", aaa_code="72")),
            PrefixRule(member_prefix="NOTFOUND", answer=Answer(status="rejected", aaa_code="75")),
            PrefixRule(member_prefix="BADDOB", answer=Answer(status="rejected", aaa_code="58")),
            PrefixRule(member_prefix="BUSY", answer=_TYPICAL.model_copy(
                update={"retry_later_first": 1})),
            PrefixRule(member_prefix="DOWN", answer=Answer(status="rejected", aaa_code="42")),
            PrefixRule(member_prefix="COPAY", answer=Answer(copay=Decimal("40"))),
        ],
    )
