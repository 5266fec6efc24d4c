from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from .common import Amount, Rates, Review, Sequestration


class AspQuarterResponse(ContractModel):
    model_config = ConfigDict(
        extra='allow',
        populate_by_name=True,
    )


class Rates1(RootModel[str]):
    root: Annotated[str, Field(pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$')]


class ChargeMasterIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    rates: Annotated[
        dict[Annotated[str, StringConstraints(max_length=16)], Rates | Rates1],
        Field(title='Rates'),
    ]
    version: Annotated[str, Field(max_length=40, min_length=1, title='Version')]


class AdminRates(RootModel[Decimal]):
    root: Annotated[Decimal, Field(ge=0, le=10000000, multiple_of=1e-06)]


class AdminRates1(RootModel[str]):
    root: Annotated[str, Field(pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$')]


class Coinsurance(RootModel[float]):
    root: Annotated[float, Field(ge=0.0, le=1.0, title='Coinsurance')]


class Coinsurance1(RootModel[str]):
    root: Annotated[str, Field(pattern='^(0(\\.[0-9]{1,6})?|1)$', title='Coinsurance')]


class DrugPercent(RootModel[float]):
    root: Annotated[float, Field(gt=0.0, le=5.0, title='Drug Percent')]


class DrugPercent1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^([1-4](\\.[0-9]{1,6})?|0?\\.(0{0}[1-9][0-9]{0,5}|0{1}[1-9][0-9]{0,4}|0{2}[1-9][0-9]{0,3}|0{3}[1-9][0-9]{0,2}|0{4}[1-9][0-9]{0,1}|0{5}[1-9][0-9]{0,0}))$',
            title='Drug Percent',
        ),
    ]


class DrugRates(RootModel[Decimal]):
    root: Annotated[Decimal, Field(ge=0, le=10000000, multiple_of=1e-06)]


class DrugRates1(RootModel[str]):
    root: Annotated[str, Field(pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$')]


class Sequestration1(RootModel[str]):
    root: Annotated[str, Field(pattern='^0(\\.[0-9]{1,6})?$', title='Sequestration')]


class Amount1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern='^([1-9][0-9]{0,5}(\\.[0-9]{1,6})?|0?\\.(0{0}[1-9][0-9]{0,5}|0{1}[1-9][0-9]{0,4}|0{2}[1-9][0-9]{0,3}|0{3}[1-9][0-9]{0,2}|0{4}[1-9][0-9]{0,1}|0{5}[1-9][0-9]{0,0}))$',
            title='Amount',
        ),
    ]


class DescriptorIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    amount: Annotated[Amount | Amount1, Field(title='Amount')]
    description: Annotated[
        str, Field(max_length=200, min_length=1, title='Description')
    ]
    source: Annotated[str, Field(max_length=300, min_length=1, title='Source')]
    unclassified: Annotated[bool, Field(title='Unclassified')] = False
    unit: Annotated[Literal['mg', 'g', 'mcg', 'ml', 'iu'], Field(title='Unit')]
    up_to: Annotated[bool, Field(title='Up To')] = False


class AdminModifier(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="on the drug's administration lines (default Q1)",
            pattern='^[A-Z0-9]{2}$',
            title='Admin Modifier',
        ),
    ]


class DrugModifier(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='on the drug lines (default Q0)',
            pattern='^[A-Z0-9]{2}$',
            title='Drug Modifier',
        ),
    ]


class RegistryNumber(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="the clinic's dedicated NCT number (8 digits) instead of 99999999, sent in 2300 REF*P4",
            pattern='^[0-9]{8}$',
            title='Registry Number',
        ),
    ]


class EvidenceIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    admin_modifier: Annotated[
        AdminModifier | None,
        Field(
            description="on the drug's administration lines (default Q1)",
            title='Admin Modifier',
        ),
    ] = None
    applies: Annotated[
        bool | None,
        Field(
            description="null: the rule's payer kinds decide (Medicare fee-for-service); true: this payer wants the registry coding too (e.g. a Medicare Advantage plan); false: never",
            title='Applies',
        ),
    ] = None
    drug_modifier: Annotated[
        DrugModifier | None,
        Field(description='on the drug lines (default Q0)', title='Drug Modifier'),
    ] = None
    registry_number: Annotated[
        RegistryNumber | None,
        Field(
            description="the clinic's dedicated NCT number (8 digits) instead of 99999999, sent in 2300 REF*P4",
            title='Registry Number',
        ),
    ] = None


class FeeScheduleItem(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    detail: Annotated[dict[str, Any], Field(title='Detail')]
    id: Annotated[str, Field(title='Id')]
    kind: Annotated[
        Literal['contract', 'asp_quarter', 'charge_master'], Field(title='Kind')
    ]


class LoadAspRequest(RootModel[str]):
    root: Annotated[str, Field(pattern='\\S')]


class LoadAspResponse(ContractModel):
    model_config = ConfigDict(
        extra='allow',
        populate_by_name=True,
    )


class PageFeeScheduleItem(ContractModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: Annotated[list[FeeScheduleItem], Field(title='Items')]
    next_cursor: Annotated[str | None, Field(title='Next Cursor')] = None


class ComplexAdminItem(RootModel[str]):
    root: Annotated[str, Field(pattern='^[a-z0-9_]{1,64}$|^[A-Z][0-9]{4}$')]


class HydrationIndication(RootModel[str]):
    root: Annotated[str, Field(pattern='^[A-TV-Z][0-9][0-9A-Z.]{0,6}$')]


class HydrationIndications(RootModel[list[HydrationIndication]]):
    root: Annotated[
        list[HydrationIndication],
        Field(
            description='ICD-10-CM prefixes that document a need for hydration (dehydration, fluid loss, unable to drink); left out, the default list',
            max_length=100,
            title='Hydration Indications',
        ),
    ]


class PolicyIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    complex_admin: Annotated[
        list[ComplexAdminItem] | None,
        Field(
            description='Drug codes or HCPCS codes this payer wants coded as complex biologic administration (96413 / +96415 / +96417) instead of 96365 / +96366 / +96367',
            max_length=200,
            title='Complex Admin',
        ),
    ] = None
    evidence_development: EvidenceIn | None = None
    hydration_codes: Annotated[list[str] | None, Field(title='Hydration Codes')] = None
    hydration_indications: Annotated[
        HydrationIndications | None,
        Field(
            description='ICD-10-CM prefixes that document a need for hydration (dehydration, fluid loss, unable to drink); left out, the default list',
            title='Hydration Indications',
        ),
    ] = None
    jw_jz: Annotated[bool, Field(title='Jw Jz')] = True
    rounding: Annotated[Literal['up', 'nearest'], Field(title='Rounding')] = 'up'
    unclassified_needs_review: Annotated[
        bool, Field(title='Unclassified Needs Review')
    ] = True


class PutChargesResponse(ContractModel):
    model_config = ConfigDict(
        extra='allow',
        populate_by_name=True,
    )


class PutContractResponse(ContractModel):
    model_config = ConfigDict(
        extra='allow',
        populate_by_name=True,
    )


class PutDescriptorResponse(ContractModel):
    model_config = ConfigDict(
        extra='allow',
        populate_by_name=True,
    )


class ContractIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    admin_rates: Annotated[
        dict[Annotated[str, StringConstraints(max_length=16)], AdminRates | AdminRates1],
        Field(title='Admin Rates', validate_default=True),
    ] = {}
    claim_filing: Annotated[
        str, Field(max_length=2, min_length=2, title='Claim Filing')
    ]
    coinsurance: Annotated[
        Coinsurance | Coinsurance1, Field(title='Coinsurance', validate_default=True)
    ] = '0.20'
    drug_basis: Annotated[
        Literal['medicare_asp', 'asp_percent', 'awp_percent', 'fixed'],
        Field(title='Drug Basis'),
    ]
    drug_percent: Annotated[
        DrugPercent | DrugPercent1, Field(title='Drug Percent', validate_default=True)
    ] = '1'
    drug_rates: Annotated[
        dict[Annotated[str, StringConstraints(pattern=r'^[A-Z0-9]\d{3}[A-Z0-9]$')], DrugRates | DrugRates1],
        Field(title='Drug Rates', validate_default=True),
    ] = {}
    kind: Annotated[
        Literal['medicare', 'medicare_advantage', 'medicaid', 'commercial'],
        Field(title='Kind'),
    ]
    name: Annotated[str, Field(max_length=200, min_length=1, title='Name')]
    policy: Annotated[PolicyIn, Field(validate_default=True)] = {
        'complex_admin': [],
        'evidence_development': {},
        'jw_jz': True,
        'rounding': 'up',
        'unclassified_needs_review': True,
    }
    sequestration: Annotated[
        Sequestration | Sequestration1,
        Field(title='Sequestration', validate_default=True),
    ] = '0'
    source: Annotated[str, Field(max_length=300, min_length=1, title='Source')]
    x12_payer_id: Annotated[
        str, Field(max_length=80, min_length=2, title='X12 Payer Id')
    ]
