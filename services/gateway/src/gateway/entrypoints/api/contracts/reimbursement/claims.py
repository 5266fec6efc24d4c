from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from .common import Amount, Reference, Review, Sequestration, Status


class BatchX12Response(RootModel[str]):
    root: str


class ClaimActionIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    reason: Annotated[
        str,
        Field(
            description="why (kept in the claim's history)",
            max_length=500,
            min_length=1,
            pattern='\\S',
            title='Reason',
        ),
    ]


class ClaimLineOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    allowed: Annotated[str | None, Field(title='Allowed')]
    charge: Annotated[str, Field(title='Charge')]
    code: Annotated[str, Field(title='Code')]
    denial_reasons: Annotated[list[str], Field(title='Denial Reasons')]
    denied: Annotated[bool, Field(title='Denied')]
    description: Annotated[str | None, Field(title='Description')] = None
    dx_pointers: Annotated[list[int], Field(title='Dx Pointers')]
    kind: Annotated[Literal['admin', 'drug'], Field(title='Kind')]
    modifiers: Annotated[list[str], Field(title='Modifiers')]
    ndc: Annotated[str | None, Field(title='Ndc')]
    ndc_qty: Annotated[str | None, Field(title='Ndc Qty')]
    ndc_unit: Annotated[str | None, Field(title='Ndc Unit')]
    number: Annotated[int, Field(title='Number')]
    paid: Annotated[str, Field(title='Paid')]
    units: Annotated[int, Field(title='Units')]


class CobOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    crossover: Annotated[
        Literal['medigap', 'medicaid', 'forwarded'] | None, Field(title='Crossover')
    ] = None
    detail: Annotated[str | None, Field(title='Detail')] = None
    primary_claim_id: Annotated[UUID, Field(title='Primary Claim Id')]
    release_reason: Annotated[str | None, Field(title='Release Reason')] = None
    released_by: Annotated[str | None, Field(title='Released By')] = None
    role: Annotated[
        Literal['primary', 'secondary'],
        Field(
            description="this claim's place: the primary claim, or the secondary built after it",
            title='Role',
        ),
    ]
    secondary_claim_id: Annotated[UUID | None, Field(title='Secondary Claim Id')] = None
    state: Annotated[
        Literal['secondary_built', 'secondary_refused', 'awaiting_crossover', 'crossover_received', 'released', 'last_payer'],
        Field(
            description="secondary_built: a secondary claim was built; secondary_refused: it could not be (detail says why); awaiting_crossover: the primary forwarded the claim (CLP02 19/20/21, MA18/MA07), the patient statement waits for the crossover payer's 835; crossover_received; released: a biller released the hold; last_payer: no other coverage",
            title='State',
        ),
    ]
    updated_at: Annotated[AwareDatetime, Field(title='Updated At')]


class CreditBalanceOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    claim_id: Annotated[UUID, Field(title='Claim Id')]
    credit: Annotated[str, Field(description='to refund', title='Credit')]
    due: Annotated[
        str, Field(description="what the payers' standing decisions say", title='Due')
    ]
    paid: Annotated[
        str, Field(description='net of every applied posting', title='Paid')
    ]
    payer_id: Annotated[str | None, Field(title='Payer Id')]
    reason: Annotated[str, Field(title='Reason')]


class CreditBalancesCsvResponse(RootModel[str]):
    root: str


class CreditBalancesResponse(RootModel[list[CreditBalanceOut]]):
    root: Annotated[
        list[CreditBalanceOut],
        Field(title='Response Credit Balances V1 Claims Credit Balances Get'),
    ]


class DenialOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    act_by: Annotated[
        date_aliased | None,
        Field(
            description='deadline to act on the suggested action (None: none, or contract-specific)',
            title='Act By',
        ),
    ] = None
    action_label: Annotated[str | None, Field(title='Action Label')] = None
    age_days: Annotated[int, Field(title='Age Days')]
    carcs: Annotated[
        list[str] | None,
        Field(description='denying CARCs, primary first', title='Carcs'),
    ] = None
    claim_id: Annotated[UUID, Field(title='Claim Id')]
    denial_reasons: Annotated[list[str], Field(title='Denial Reasons')]
    denied_lines: Annotated[list[ClaimLineOut], Field(title='Denied Lines')]
    determined_on: Annotated[
        date_aliased | None,
        Field(description='the remittance that denied it', title='Determined On'),
    ] = None
    open_amount: Annotated[
        str | None,
        Field(
            description="charged, neither paid nor the patient's", title='Open Amount'
        ),
    ] = None
    order_id: Annotated[UUID, Field(title='Order Id')]
    paid_amount: Annotated[str, Field(title='Paid Amount')]
    payer_id: Annotated[str | None, Field(title='Payer Id')]
    payer_type: Annotated[str | None, Field(title='Payer Type')] = None
    practice_id: Annotated[str, Field(title='Practice Id')]
    service_date: Annotated[date_aliased, Field(title='Service Date')]
    status: Annotated[str, Field(title='Status')]
    suggested_action: Annotated[str | None, Field(title='Suggested Action')] = None
    total_charge: Annotated[str, Field(title='Total Charge')]


class DenialsResponse(RootModel[list[DenialOut]]):
    root: Annotated[
        list[DenialOut], Field(title='Response Denials V1 Claims Denials Get')
    ]


class HoldOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    detail: Annotated[str, Field(title='Detail')]
    item: Annotated[
        str,
        Field(
            description='what is missing, by name (e.g. patient.demographics, ndc)',
            title='Item',
        ),
    ]
    line: Annotated[int | None, Field(title='Line')] = None


class PaymentOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    adjustments: Annotated[list[dict[str, Any]], Field(title='Adjustments')]
    contractual: Annotated[str, Field(title='Contractual')]
    crossover: Annotated[
        bool,
        Field(
            description='CLP02 19/20/21 with RARC MA18/MA07: the payer forwarded the claim to the next payer',
            title='Crossover',
        ),
    ] = False
    denial_reasons: Annotated[list[str], Field(title='Denial Reasons')]
    outcome: Annotated[str | None, Field(title='Outcome')]
    paid: Annotated[str, Field(title='Paid')]
    patient_responsibility: Annotated[str, Field(title='Patient Responsibility')]
    payer_claim_number: Annotated[str | None, Field(title='Payer Claim Number')] = None
    posted_at: Annotated[AwareDatetime, Field(title='Posted At')]
    remarks: Annotated[
        list[str],
        Field(
            description='RARCs of the claim (MOA) and its lines (LQ*HE)',
            title='Remarks',
        ),
    ] = []
    remittance_id: Annotated[UUID, Field(title='Remittance Id')]
    status_code: Annotated[str, Field(title='Status Code')]


class ProviderAdjustmentOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    amount: Annotated[
        str,
        Field(
            description='negative: paid now, to be recouped later (deferred); positive: taken back',
            title='Amount',
        ),
    ]
    posted_at: Annotated[AwareDatetime, Field(title='Posted At')]
    reason: Annotated[
        str,
        Field(
            description='PLB code: WO overpayment recovery, FB forwarding balance, 72 authorized return, L6 interest...',
            title='Reason',
        ),
    ]
    reference: Annotated[str | None, Field(title='Reference')]
    remittance_id: Annotated[UUID, Field(title='Remittance Id')]


class SubmissionOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    acknowledged_at: Annotated[AwareDatetime | None, Field(title='Acknowledged At')]
    clm01: Annotated[
        str,
        Field(
            description='CLM01 of this version: the account number, then <account>-<n> for later versions',
            title='Clm01',
        ),
    ]
    control_number: Annotated[int | None, Field(title='Control Number')]
    frequency: Annotated[
        Literal['1', '7', '8'],
        Field(
            description='CLM05-3: 1 original, 7 replacement, 8 void', title='Frequency'
        ),
    ]
    icn: Annotated[
        str | None,
        Field(description='payer claim control number (277CA REF*1K)', title='Icn'),
    ]
    number: Annotated[int, Field(title='Number')]
    original_icn: Annotated[
        str | None,
        Field(description='2300 REF*F8 (frequency 7/8)', title='Original Icn'),
    ]
    outcome: Annotated[
        Literal['pending', 'accepted', 'rejected'], Field(title='Outcome')
    ]
    reasons: Annotated[list[str], Field(title='Reasons')]
    submitted_at: Annotated[AwareDatetime, Field(title='Submitted At')]


class TimelyFilingOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    account_number: Annotated[str, Field(title='Account Number')]
    claim_id: Annotated[UUID, Field(title='Claim Id')]
    days_left: Annotated[int, Field(title='Days Left')]
    deadline: Annotated[date_aliased, Field(title='Deadline')]
    payer_id: Annotated[str | None, Field(title='Payer Id')]
    service_date: Annotated[date_aliased, Field(title='Service Date')]
    status: Annotated[str, Field(title='Status')]


class TimelyFilingResponse(RootModel[list[TimelyFilingOut]]):
    root: Annotated[
        list[TimelyFilingOut],
        Field(title='Response Timely Filing V1 Claims Timely Filing Get'),
    ]


class TransitionOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    action: Annotated[str, Field(title='Action')]
    actor: Annotated[
        str,
        Field(
            description='user:<id>, client:<id> or system:<component> (ids only)',
            title='Actor',
        ),
    ]
    at: Annotated[AwareDatetime, Field(title='At')]
    from_status: Annotated[
        str | None,
        Field(description='null for the first transition (built)', title='From Status'),
    ]
    reason: Annotated[str | None, Field(title='Reason')]
    to_status: Annotated[str, Field(title='To Status')]


class CarcGroupOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    action: Annotated[str, Field(title='Action')]
    action_label: Annotated[str, Field(title='Action Label')]
    amount: Annotated[str, Field(title='Amount')]
    carc: Annotated[str, Field(title='Carc')]
    claims: Annotated[int, Field(title='Claims')]
    earliest_act_by: Annotated[date_aliased | None, Field(title='Earliest Act By')]
    items: Annotated[list[DenialOut], Field(title='Items')]
    meaning: Annotated[str, Field(title='Meaning')]


class ClaimOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    account_number: Annotated[str, Field(title='Account Number')]
    acquisition_cost: Annotated[str, Field(title='Acquisition Cost')]
    adjudicated_at: Annotated[AwareDatetime | None, Field(title='Adjudicated At')]
    allowed: Annotated[str | None, Field(title='Allowed')]
    auth_number: Annotated[str | None, Field(title='Auth Number')]
    awaiting_crossover: Annotated[
        bool,
        Field(
            description='the primary forwarded the claim to the secondary itself (crossover): send no secondary',
            title='Awaiting Crossover',
        ),
    ] = False
    clm01: Annotated[
        str | None, Field(description='CLM01 of the version sent last', title='Clm01')
    ] = None
    cob: Annotated[
        CobOut | None,
        Field(
            description="coordination of benefits: the secondary claim built after this one, or the primary this one follows, and what the primary's final decision led to"
        ),
    ] = None
    coverage_id: Annotated[UUID | None, Field(title='Coverage Id')] = None
    created_at: Annotated[AwareDatetime, Field(title='Created At')]
    denial_reasons: Annotated[list[str], Field(title='Denial Reasons')]
    diagnoses: Annotated[list[str], Field(title='Diagnoses')]
    expected_margin: Annotated[str | None, Field(title='Expected Margin')]
    expected_payment: Annotated[str | None, Field(title='Expected Payment')]
    filing_deadline: Annotated[
        date_aliased | None,
        Field(
            description='timely filing: the last day to submit', title='Filing Deadline'
        ),
    ] = None
    frequency: Annotated[
        str | None,
        Field(description='CLM05-3 of the version sent last', title='Frequency'),
    ] = None
    history: Annotated[
        list[TransitionOut],
        Field(
            description='every change of status, oldest first (append-only)',
            title='History',
            validate_default=True,
        ),
    ] = []
    holds: Annotated[
        list[HoldOut],
        Field(
            description='items the 837P needs and the claim lacks (status held): from the build and the last identity check',
            title='Holds',
        ),
    ]
    id: Annotated[UUID, Field(title='Id')]
    identity_checked_at: Annotated[
        AwareDatetime | None, Field(title='Identity Checked At')
    ] = None
    lines: Annotated[list[ClaimLineOut], Field(title='Lines')]
    member_id: Annotated[str | None, Field(title='Member Id')]
    notes: Annotated[list[str], Field(title='Notes')]
    open_recoupment: Annotated[
        str,
        Field(
            description='deferred recoupments (PLB WO/FB/72) the payer has not taken back yet',
            title='Open Recoupment',
        ),
    ] = '0.00'
    order_id: Annotated[UUID, Field(title='Order Id')]
    ordering_practitioner_id: Annotated[
        UUID | None, Field(title='Ordering Practitioner Id')
    ] = None
    paid_amount: Annotated[str, Field(title='Paid Amount')]
    patient_id: Annotated[UUID, Field(title='Patient Id')]
    patient_responsibility: Annotated[str, Field(title='Patient Responsibility')]
    patient_share: Annotated[str | None, Field(title='Patient Share')]
    payer_claim_number: Annotated[
        str | None,
        Field(description="the payer's ICN (277CA REF*1K)", title='Payer Claim Number'),
    ] = None
    payer_id: Annotated[str | None, Field(title='Payer Id')]
    payments: Annotated[
        list[PaymentOut], Field(title='Payments', validate_default=True)
    ] = []
    place_of_service: Annotated[str, Field(title='Place Of Service')]
    practice_id: Annotated[str, Field(title='Practice Id')]
    provider_adjustments: Annotated[
        list[ProviderAdjustmentOut],
        Field(
            description='PLB amounts whose reference names this claim',
            title='Provider Adjustments',
            validate_default=True,
        ),
    ] = []
    registry_number: Annotated[
        str | None,
        Field(
            description="the coverage-with-evidence-development study's registry number (837P 2300 REF*P4), e.g. NCD 200.3's 99999999",
            title='Registry Number',
        ),
    ] = None
    rejection_reasons: Annotated[
        list[str],
        Field(
            description='why the version sent last was rejected (999 IK3/IK4, 277CA STC)',
            title='Rejection Reasons',
        ),
    ] = []
    rendering_npi: Annotated[str | None, Field(title='Rendering Npi')]
    reviews: Annotated[list[Review], Field(title='Reviews')]
    sequestration: Annotated[str | None, Field(title='Sequestration')]
    service_date: Annotated[date_aliased, Field(title='Service Date')]
    status: Annotated[str, Field(title='Status')]
    submissions: Annotated[
        list[SubmissionOut],
        Field(
            description='each version as sent',
            title='Submissions',
            validate_default=True,
        ),
    ] = []
    submitted_at: Annotated[AwareDatetime | None, Field(title='Submitted At')]
    supervising_practitioner_id: Annotated[
        UUID | None, Field(title='Supervising Practitioner Id')
    ] = None
    total_charge: Annotated[str, Field(title='Total Charge')]
    updated_at: Annotated[AwareDatetime, Field(title='Updated At')]
    warnings: Annotated[list[str], Field(title='Warnings')]
    waste_cost: Annotated[str, Field(title='Waste Cost')]


class DenialsByCarcOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    amount: Annotated[str, Field(title='Amount')]
    claims: Annotated[int, Field(title='Claims')]
    groups: Annotated[list[CarcGroupOut], Field(title='Groups')]
    source: Annotated[str, Field(title='Source')]
    version: Annotated[str, Field(title='Version')]


class PageClaimOut(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[ClaimOut], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None
