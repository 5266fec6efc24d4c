from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from .common import Amount


class AgingRowOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    bucket: Annotated[
        str,
        Field(
            description='days since first sent: 0-30, 31-60, 61-90, 91-120, 120+',
            title='Bucket',
        ),
    ]
    claims: Annotated[int, Field(title='Claims')]
    outstanding: Annotated[str, Field(title='Outstanding')]
    payer_id: Annotated[str, Field(title='Payer Id')]


class ArAgingCsvResponse(RootModel[str]):
    root: str


class ArAgingOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date_aliased, Field(alias='from', title='From')]
    rows: Annotated[list[AgingRowOut], Field(title='Rows')]
    to: Annotated[date_aliased, Field(description='A/R as of this day', title='To')]
    total_claims: Annotated[int, Field(title='Total Claims')]
    total_outstanding: Annotated[str, Field(title='Total Outstanding')]


class ArReportOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    aging: Annotated[list[dict[str, Any]], Field(title='Aging')]
    any_denial_rate: Annotated[str | None, Field(title='Any Denial Rate')]
    average_daily_revenue: Annotated[str, Field(title='Average Daily Revenue')]
    days_in_ar: Annotated[str | None, Field(title='Days In Ar')]
    denial_rate: Annotated[str | None, Field(title='Denial Rate')]
    denied_charge_rate: Annotated[str | None, Field(title='Denied Charge Rate')]
    from_: Annotated[date_aliased, Field(alias='from', title='From')]
    open_claims: Annotated[int, Field(title='Open Claims')]
    outstanding: Annotated[str, Field(title='Outstanding')]
    to: Annotated[date_aliased, Field(title='To')]
    waste_cost: Annotated[str, Field(title='Waste Cost')]


class CarcRowOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    carc: Annotated[
        str,
        Field(
            description='the CARC that denied the claims (empty: none named)',
            title='Carc',
        ),
    ]
    claims: Annotated[int, Field(title='Claims')]
    denied_amount: Annotated[str, Field(title='Denied Amount')]
    rate: Annotated[
        str | None, Field(description='claims / adjudicated claims', title='Rate')
    ]


class CycleAsCsvResponse(RootModel[str]):
    root: str


class CycleReportOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    adjudicated: Annotated[int, Field(title='Adjudicated')]
    charges: Annotated[str, Field(title='Charges')]
    claims_sent: Annotated[int, Field(title='Claims Sent')]
    clean_claim_rate: Annotated[str | None, Field(title='Clean Claim Rate')]
    clean_claims: Annotated[
        int,
        Field(
            description='sent without review, hold, rejection or correction',
            title='Clean Claims',
        ),
    ]
    contractual: Annotated[str, Field(title='Contractual')]
    days_in_ar: Annotated[str | None, Field(title='Days In Ar')]
    denial_rate: Annotated[str | None, Field(title='Denial Rate')]
    denials_by_carc: Annotated[list[CarcRowOut], Field(title='Denials By Carc')]
    denied: Annotated[
        int,
        Field(
            description='adjudicated claims ever denied (appealed ones included)',
            title='Denied',
        ),
    ]
    denied_amount: Annotated[str, Field(title='Denied Amount')]
    first_pass_accepted: Annotated[
        int,
        Field(
            description='first version accepted (277CA) unrejected',
            title='First Pass Accepted',
        ),
    ]
    first_pass_rate: Annotated[str | None, Field(title='First Pass Rate')]
    from_: Annotated[date_aliased, Field(alias='from', title='From')]
    net_collection_rate: Annotated[
        str | None,
        Field(
            description='payer payments / (charges - contractual adjustments), adjudicated claims',
            title='Net Collection Rate',
        ),
    ]
    outstanding: Annotated[str, Field(title='Outstanding')]
    payments: Annotated[str, Field(title='Payments')]
    to: Annotated[date_aliased, Field(title='To')]
    underpaid_lines: Annotated[int, Field(title='Underpaid Lines')]
    underpayment_total: Annotated[
        str,
        Field(
            description="the underpayment worklist's shortfall",
            title='Underpayment Total',
        ),
    ]


class GpoSavingsCsvResponse(RootModel[str]):
    root: str


class MarginCsvResponse(RootModel[str]):
    root: str


class MarginRowOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    acquisition_cost: Annotated[str, Field(title='Acquisition Cost')]
    charges: Annotated[str, Field(title='Charges')]
    claims: Annotated[int, Field(title='Claims')]
    gpo_savings: Annotated[
        str | None,
        Field(
            description='by drug: that WAC cost minus what those vials cost (GPO contract)',
            title='Gpo Savings',
        ),
    ] = None
    key: Annotated[str, Field(title='Key')]
    margin: Annotated[str, Field(title='Margin')]
    revenue: Annotated[str, Field(title='Revenue')]
    wac_cost: Annotated[
        str | None,
        Field(
            description='by drug: the vials drawn, at WAC (draws from lots with a WAC on file)',
            title='Wac Cost',
        ),
    ] = None
    waste_cost: Annotated[str, Field(title='Waste Cost')]


class ReferralReportCsvResponse(RootModel[str]):
    root: str


class ReferralRowOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    appointments_ended: Annotated[
        int,
        Field(
            description='appointments kept or missed (no-show)',
            title='Appointments Ended',
        ),
    ]
    conversion_rate: Annotated[
        str | None, Field(description='converted / received', title='Conversion Rate')
    ]
    converted_to_visits: Annotated[
        int,
        Field(
            description='of those, orders given (administered)',
            title='Converted To Visits',
        ),
    ]
    median_days_to_chair: Annotated[
        str | None,
        Field(
            description='days from signing to the first chair (appointment started or first drug started), median over the orders that reached a chair',
            title='Median Days To Chair',
        ),
    ]
    no_show_rate: Annotated[
        str | None,
        Field(description='no-shows / appointments ended', title='No Show Rate'),
    ]
    no_shows: Annotated[int, Field(title='No Shows')]
    orders_received: Annotated[
        int,
        Field(
            description='orders the practice signed in the period',
            title='Orders Received',
        ),
    ]
    p90_days_to_chair: Annotated[str | None, Field(title='P90 Days To Chair')]
    pa_approval_rate: Annotated[
        str | None,
        Field(
            description='approved / decided (latest decision)', title='Pa Approval Rate'
        ),
    ]
    pa_approved: Annotated[int, Field(title='Pa Approved')]
    pa_decided: Annotated[
        int,
        Field(
            description='orders with a payer decision on prior authorization',
            title='Pa Decided',
        ),
    ]
    period_end: Annotated[
        date_aliased,
        Field(description='last day of the period, inclusive', title='Period End'),
    ]
    period_start: Annotated[date_aliased, Field(title='Period Start')]
    practice_id: Annotated[str, Field(title='Practice Id')]
    reached_chair: Annotated[
        int,
        Field(description='orders whose patient sat in a chair', title='Reached Chair'),
    ]


class SavingsRowOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    contract_packages: Annotated[int, Field(title='Contract Packages')]
    drug: Annotated[
        str,
        Field(description='HCPCS, or the NDC when the product has none', title='Drug'),
    ]
    lines_without_wac: Annotated[int, Field(title='Lines Without Wac')]
    packages: Annotated[int, Field(title='Packages')]
    rebates_expected: Annotated[str, Field(title='Rebates Expected')]
    savings: Annotated[
        str,
        Field(
            description='WAC − invoiced, over lines whose drug has a WAC',
            title='Savings',
        ),
    ]
    spend: Annotated[str, Field(title='Spend')]
    wac_spend: Annotated[str, Field(title='Wac Spend')]


class GpoSavingsOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[date_aliased, Field(alias='from', title='From')]
    rows: Annotated[list[SavingsRowOut], Field(title='Rows')]
    to: Annotated[date_aliased, Field(title='To')]
    total_rebates_expected: Annotated[str, Field(title='Total Rebates Expected')]
    total_savings: Annotated[str, Field(title='Total Savings')]
    total_spend: Annotated[str, Field(title='Total Spend')]


class MarginReport(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    by: Annotated[str, Field(title='By')]
    from_: Annotated[date_aliased, Field(alias='from', title='From')]
    rows: Annotated[list[MarginRowOut], Field(title='Rows')]
    to: Annotated[date_aliased, Field(title='To')]
    total_margin: Annotated[str, Field(title='Total Margin')]


class ReferralReportOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    from_: Annotated[
        date_aliased,
        Field(alias='from', description='first day of the first period', title='From'),
    ]
    period: Annotated[str, Field(title='Period')]
    practice_id: Annotated[
        str | None,
        Field(description='the practice reported on (None: all)', title='Practice Id'),
    ]
    rows: Annotated[list[ReferralRowOut], Field(title='Rows')]
    to: Annotated[
        date_aliased, Field(description='last day of the last period', title='To')
    ]
