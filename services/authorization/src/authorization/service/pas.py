"""What a PAS request needs beyond the case, gathered when it is built and kept nowhere: who
it is about (orders' payer identity, an audited read with purpose payment), the practice as
requestor (settings), the payer's name and each requested drug's RxNorm code."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..adapters.orders_client import IdentitySource
from ..domain.case import PACase
from ..domain.coverage import UNCLASSIFIED_DRUG
from ..domain.identity import DrugCode, Medication, PasParties, Requestor, pas_parties
from ..domain.orders import OrderFacts
from .uow import UowFactory


@dataclass(frozen=True)
class PasSources:
    """Built once by bootstrap."""

    identity: IdentitySource
    requestor: Requestor
    drug_codes: Mapping[str, DrugCode]


def medications(case: PACase, facts: OrderFacts | None,
                codes: Mapping[str, DrugCode]) -> tuple[Medication, ...]:
    """The ordered drug behind each requested HCPCS line (the first line with that code)."""
    if facts is None:
        return ()
    out = []
    for ln in case.lines:
        line = next((o for o in facts.lines
                     if (o.hcpcs or UNCLASSIFIED_DRUG).strip().upper() == ln.hcpcs), None)
        if line is not None:
            out.append(Medication(hcpcs=ln.hcpcs, drug_code=line.drug_code, dose=line.dose,
                                  dose_unit=line.dose_unit, code=codes.get(line.drug_code)))
    return tuple(out)


async def parties_for(*, uows: UowFactory, pas: PasSources,
                      case: PACase) -> PasParties | list[str]:
    """The request's parties, or each missing item. Raises IdentityUnavailable when orders
    cannot be asked (nothing is known then, not even what is missing)."""
    async with uows() as uow:
        facts = await uow.orders.get(case.order_id)
        found = await uow.payers.get(case.payer_id)
    identity = await pas.identity.for_order(case.order_id)
    return pas_parties(
        identity, payer_id=case.payer_id, requestor=pas.requestor,
        insurer_name=found[0].name if found else None,
        medications=medications(case, facts, pas.drug_codes),
        hcpcs=tuple(ln.hcpcs for ln in case.lines), diagnoses=tuple(case.diagnoses))
