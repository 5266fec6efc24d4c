"""API shapes of claim appeals and the denials worklist by CARC. Money is a decimal string.

Documents are uploaded as JSON with the file's bytes base64-encoded in ``data`` (up to 10 MB
decoded; 413 beyond) and downloaded as the bytes themselves with their content type."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import Field

from chairside_shared.attachments import DocumentOut
from chairside_shared.inputs import Day
from reimbursement.entrypoints.api.schemas import Cost, DenialOut, In, Money, Out

Text = Annotated[str, Field(min_length=1, max_length=2000)]
Reference = Annotated[str, Field(min_length=1, max_length=50, pattern=r"^[\x21-\x7e ]+$")]
Rarc = Annotated[str, Field(pattern=r"^[A-Z]{1,2}[0-9]{1,3}$", description="a RARC, e.g. MA130")]


class AppealIn(In):
    reason: Text = Field(description="Why the denial is wrong (kept with the appeal; not logged)")
    payer_type: Literal["medicare", "medicare_advantage", "commercial"] | None = Field(
        None, description="Decides the levels and deadlines; default: the payer contract's kind")
    clerical: bool = Field(False, description="A clerical error (math, data entry, duplicate "
                                              "denial): a Medicare reopening, not an appeal")
    remark_codes: list[Rarc] = Field(default_factory=list, max_length=20,
                                     description="The denial's RARCs (MA130: no appeal rights)")
    amount_in_controversy: Cost | None = Field(
        None, description="Default: charged less paid less the patient's share")


class FileIn(In):
    filed_on: Day | None = Field(None, description="Default: today (clinic time zone)")
    payer_reference: Reference | None = None


class DecisionIn(In):
    outcome: Literal["won", "partially_won", "lost"]
    decided_on: Day = Field(description="When the decision was received: the next level's "
                                        "clock starts here")
    amount_awarded: Cost | None = None
    note: Text | None = None


class EscalateIn(In):
    reason: Text
    amount_in_controversy: Cost | None = None


class AppealOut(Out):
    id: UUID
    claim_id: UUID
    order_id: UUID
    practice_id: str
    payer_id: str | None
    payer_type: str
    kind: Literal["appeal", "reopening"]
    level: str
    level_name: str
    level_number: int
    status: Literal["draft", "filed", "decided"]
    clock_from: date
    deadline: date
    amount_in_controversy: Money
    carcs: list[str]
    remark_codes: list[str]
    reason: str
    previous_appeal_id: UUID | None
    payer_reference: str | None
    filed_on: date | None
    outcome: Literal["won", "partially_won", "lost"] | None
    decided_on: date | None
    amount_awarded: Money | None
    decision_note: str | None
    next_level: str | None
    next_deadline: date | None
    next_auto_forwarded: bool
    claim_reopen: str | None
    documents: list[DocumentOut]
    sources: list[str]
    created_at: datetime
    updated_at: datetime


class CarcGroupOut(Out):
    carc: str
    meaning: str
    action: str
    action_label: str
    claims: int
    amount: Money
    earliest_act_by: date | None
    items: list[DenialOut]


class DenialsByCarcOut(Out):
    groups: list[CarcGroupOut]
    claims: int
    amount: Money
    source: str
    version: str
