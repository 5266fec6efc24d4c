from __future__ import annotations
from datetime import date as date_aliased
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID
from gateway.entrypoints.api.contract_base import ContractModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel, StringConstraints

from .common import Amount, AppealOut


class AmountInControversy(RootModel[Decimal]):
    root: Annotated[
        Decimal,
        Field(
            description="Default: charged less paid less the patient's share",
            ge=0,
            le=10000000,
            multiple_of=1e-06,
            title='Amount In Controversy',
        ),
    ]


class AmountInControversy1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="Default: charged less paid less the patient's share",
            pattern='^(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$',
            title='Amount In Controversy',
        ),
    ]


class RemarkCode(RootModel[str]):
    root: Annotated[
        str, Field(description='a RARC, e.g. MA130', pattern='^[A-Z]{1,2}[0-9]{1,3}$')
    ]


class AppealIn(ContractModel):
    model_config = ConfigDict(
        extra='forbid',
        populate_by_name=True,
    )
    amount_in_controversy: Annotated[
        AmountInControversy | AmountInControversy1 | None,
        Field(
            description="Default: charged less paid less the patient's share",
            title='Amount In Controversy',
        ),
    ] = None
    clerical: Annotated[
        bool,
        Field(
            description='A clerical error (math, data entry, duplicate denial): a Medicare reopening, not an appeal',
            title='Clerical',
        ),
    ] = False
    payer_type: Annotated[
        Literal['medicare', 'medicare_advantage', 'commercial'] | None,
        Field(
            description="Decides the levels and deadlines; default: the payer contract's kind",
            title='Payer Type',
        ),
    ] = None
    reason: Annotated[
        str,
        Field(
            description='Why the denial is wrong (kept with the appeal; not logged)',
            max_length=2000,
            min_length=1,
            title='Reason',
        ),
    ]
    remark_codes: Annotated[
        list[RemarkCode] | None,
        Field(
            description="The denial's RARCs (MA130: no appeal rights)",
            max_length=20,
            title='Remark Codes',
        ),
    ] = None


class ClaimAppealsResponse(RootModel[list[AppealOut]]):
    root: Annotated[
        list[AppealOut],
        Field(title='Response Claim Appeals V1 Claims  Claim Id  Appeals Get'),
    ]
