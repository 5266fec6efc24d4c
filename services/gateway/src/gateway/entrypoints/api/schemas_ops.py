"""Public schemas for scheduling, prior authorization and billing (see schemas.py)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from gateway.entrypoints.api.schemas_common import (
    Code,
    Id,
    Money,
    Open,
    Page,
    PageQuery,
    PracticeId,
    Strict,
    Uuid,
)

Day = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$"),
                Field(examples=["2026-03-02"])]
AppointmentStatus = Literal["held", "booked", "checked_in", "in_chair", "completed",
                            "cancelled", "no_show"]

# --- scheduling


class SlotQuery(Strict):
    minutes: int = Field(ge=5, le=1440, examples=[90])
    acuity_class: Code | None = None
    from_: AwareDatetime | None = Field(None, alias="from")
    to: AwareDatetime | None = None
    pediatric: bool | None = None
    limit: int = Field(20, ge=1, le=200)


class Slot(Open):
    chair_id: str
    start: str
    end: str


class SlotPage(Page):
    items: list[Slot]


class SlotList(RootModel[list[Slot] | SlotPage]):
    """api.md shows a bare list, earliest first; a paginated page is accepted too."""


class AppointmentQuery(PageQuery):
    practice_id: PracticeId | None = None
    date: Day | None = None
    order_id: Uuid | None = None


class AppointmentCreate(Strict):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "order_id": "3f1c8a4e-6a0b-4c55-9a51-0f2f1f7f7a01", "chair_id": "chair-3",
        "start": "2026-03-02T14:00:00+00:00"}]})
    order_id: Uuid
    chair_id: Code | None = None
    start: AwareDatetime


class AppointmentCancel(Strict):
    reason: Annotated[str, StringConstraints(min_length=1, max_length=500)] | None = None


class AppointmentMove(Strict):
    start: AwareDatetime
    chair_id: Code | None = None


class Appointment(Open):
    id: Id
    order_id: str | None = None
    practice_id: str | None = None
    chair_id: str | None = None
    start: str | None = None
    end: str | None = None
    status: AppointmentStatus | None = None


class AppointmentPage(Page):
    items: list[Appointment]


class OptimizeQuery(Strict):
    date: Day
    apply: bool = False


class OptimizeResult(Open):
    moves: list[dict[str, Any]] = []
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


class ChairCreate(Open):
    """A chair (id, kind, pediatric_capable, active); the scheduling service validates it."""


class Chair(Open):
    id: Id | None = None


class ChairPage(RootModel[list[Chair] | Page]):
    """The chairs: a list, or a page of them."""


class ShiftQuery(PageQuery):
    date: Day | None = None


class NurseShiftCreate(Open):
    """A nurse's shift (nurse_id, start, end, breaks); the scheduling service validates it."""


class NurseShift(Open):
    id: Id | None = None


class NurseShiftPage(RootModel[list[NurseShift] | Page]):
    """The shifts: a list, or a page of them."""


class RatioPolicy(Open):
    """Patients per nurse by medication class (state rules)."""


class ClinicHours(Open):
    """Opening hours per weekday, in the clinic's time zone."""


# --- prior authorization

AuthStatus = Literal["draft", "submitted", "pended", "approved", "denied", "expired", "withdrawn"]


class AuthorizationQuery(PageQuery):
    practice_id: PracticeId | None = None
    order_id: Uuid | None = None
    status: AuthStatus | None = None
    due_before: AwareDatetime | None = None


class MetricsQuery(Strict):
    since: AwareDatetime | None = None
    until: AwareDatetime | None = None
    practice_id: PracticeId | None = None


class AuthorizationLine(Open):
    hcpcs: str
    requested_units: int | str | None = None
    approved_units: int | str | None = None


class Authorization(Open):
    id: Id
    order_id: str | None = None
    practice_id: str | None = None
    status: AuthStatus | None = None
    due_at: str | None = None
    payer: Any = None
    lines: list[AuthorizationLine] = []
    auth_number: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    questions: list[Any] = []
    history: list[Any] = []


class AuthorizationPage(Page):
    items: list[Authorization]


class AuthorizationAnswers(Strict):
    answers: dict[str, Any] = Field(
        description="answers by question link_id; null clears an answer",
        examples=[{"J3032.baseline-migraine-days": 12}])


class WithdrawRequest(Strict):
    reason: Annotated[str, StringConstraints(min_length=1, max_length=500)] | None = None


class PayerCreate(Open):
    """A payer with its plans and decision clocks; the authorization service validates it."""


class Payer(Open):
    """One payer (the authorization service's shape)."""


class PayerPage(Page):
    items: list[dict[str, Any]]


class PolicyList(Open):
    """Coverage rules per HCPCS (`policies: [...]`)."""


# --- billing


class ClaimLine(Open):
    code: str
    modifiers: list[str] = []
    units: int | str | None = None
    charge: Money | None = None
    ndc: str | None = None


class Claim(Open):
    id: Id
    order_id: str | None = None
    practice_id: str | None = None
    status: str | None = None
    lines: list[ClaimLine] = []
    expected_payment: Money | None = None
    acquisition_cost: Money | None = None
    expected_margin: Money | None = None


class ClaimQuery(PageQuery):
    practice_id: PracticeId | None = None
    order_id: Uuid | None = None
    status: Code | None = None


class ClaimPage(Page):
    items: list[Claim]


class FhirResource(Open):
    resourceType: str = Field(examples=["Claim"])


class X12Text(Open):
    """An X12 835 remittance as text/plain."""


class CsvText(Open):
    """The quarterly ASP pricing file as text/csv."""


class Remittance(Open):
    id: Id | None = None


class InventoryReceipt(Open):
    """A receipt (ndc, lot_number, expires_on, packages...) or, on PUT, a product; the
    reimbursement service validates it."""


class InventoryItem(Open):
    ndc: str | None = None


class InventoryPage(Page):
    items: list[InventoryItem]


class FeeSchedulePage(Page):
    items: list[dict[str, Any]]


class FeeScheduleLoad(Open):
    loaded: int | None = None


class MarginQuery(Strict):
    from_: Day = Field(alias="from")
    to: Day
    by: Literal["visit", "drug", "payer"] = "visit"


class MarginReport(Open):
    rows: list[dict[str, Any]] = []


class ArReport(Open):
    buckets: list[dict[str, Any]] = []
