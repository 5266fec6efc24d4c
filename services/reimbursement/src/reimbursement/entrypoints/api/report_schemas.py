"""Response bodies of the revenue-cycle reports (/v1/reports/ar-aging, /v1/reports/cycle)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from reimbursement.entrypoints.api.schemas import Amount, Money, Out


class AgingRowOut(Out):
    payer_id: str
    bucket: str = Field(description="days since first sent: 0-30, 31-60, 61-90, 91-120, 120+")
    claims: int
    outstanding: Money


class ArAgingOut(Out):
    from_: date = Field(serialization_alias="from")
    to: date = Field(description="A/R as of this day")
    rows: list[AgingRowOut]
    total_claims: int
    total_outstanding: Money


class CarcRowOut(Out):
    carc: str = Field(description="the CARC that denied the claims (empty: none named)")
    claims: int
    denied_amount: Money
    rate: Amount | None = Field(description="claims / adjudicated claims")


class CycleReportOut(Out):
    from_: date = Field(serialization_alias="from")
    to: date
    claims_sent: int
    clean_claims: int = Field(description="sent without review, hold, rejection or correction")
    clean_claim_rate: Amount | None
    first_pass_accepted: int = Field(description="first version accepted (277CA) unrejected")
    first_pass_rate: Amount | None
    adjudicated: int
    denied: int = Field(description="adjudicated claims ever denied (appealed ones included)")
    denial_rate: Amount | None
    denied_amount: Money
    denials_by_carc: list[CarcRowOut]
    charges: Money
    contractual: Money
    payments: Money
    net_collection_rate: Amount | None = Field(
        description="payer payments / (charges - contractual adjustments), adjudicated claims")
    outstanding: Money
    days_in_ar: Amount | None
    underpaid_lines: int
    underpayment_total: Money = Field(description="the underpayment worklist's shortfall")


class ReferralRowOut(Out):
    practice_id: str
    period_start: date
    period_end: date = Field(description="last day of the period, inclusive")
    orders_received: int = Field(description="orders the practice signed in the period")
    converted_to_visits: int = Field(description="of those, orders given (administered)")
    conversion_rate: Amount | None = Field(description="converted / received")
    reached_chair: int = Field(description="orders whose patient sat in a chair")
    median_days_to_chair: Amount | None = Field(
        description="days from signing to the first chair (appointment started or first "
                    "drug started), median over the orders that reached a chair")
    p90_days_to_chair: Amount | None
    appointments_ended: int = Field(description="appointments kept or missed (no-show)")
    no_shows: int
    no_show_rate: Amount | None = Field(description="no-shows / appointments ended")
    pa_decided: int = Field(description="orders with a payer decision on prior authorization")
    pa_approved: int
    pa_approval_rate: Amount | None = Field(description="approved / decided (latest decision)")


class ReferralReportOut(Out):
    from_: date = Field(serialization_alias="from", description="first day of the first period")
    to: date = Field(description="last day of the last period")
    period: str
    practice_id: str | None = Field(description="the practice reported on (None: all)")
    rows: list[ReferralRowOut]
