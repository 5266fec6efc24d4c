"""GPO contracts, WAC prices and wholesaler invoices: validated as a whole, then stored in one
transaction (a refused document changes nothing)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from chairside_shared.errors import Conflict, DomainError, InvalidInput
from reimbursement.domain.gpo import (
    GpoContract,
    Invoice,
    WacPrice,
    contract_problems,
    invoice_problems,
)
from reimbursement.service.uow import ReimbursementUnitOfWork


def _refuse(problems: list[tuple[str, str]]) -> None:
    if problems:
        field, reason = problems[0]
        # InvalidInput's status and type, with every problem listed, the first in the detail
        raise DomainError(f"{field}: {reason}", status=InvalidInput.status,
                          title=InvalidInput.title, code=InvalidInput.code,
                          errors=[{"field": f, "message": m} for f, m in problems])


async def add_contract(*, uow: ReimbursementUnitOfWork, contract: GpoContract,
                       now: datetime) -> GpoContract:
    _refuse(contract_problems(contract))
    async with uow:
        if not await uow.purchasing.add_contract(contract, now):
            raise Conflict(f"GPO contract {contract.id} exists; contracts are not replaced "
                           "(add a new one with its own dates)", field="id")
        await uow.commit()
    return contract


async def contracts(*, uow: ReimbursementUnitOfWork, on: date | None = None,
                    ) -> list[GpoContract]:
    async with uow:
        found = list((await uow.purchasing.contracts()).values())
    return [c for c in found if on is None or c.in_force(on)]


async def save_wac(*, uow: ReimbursementUnitOfWork, prices: Sequence[WacPrice]) -> None:
    for n, p in enumerate(prices):
        if p.package_price < 0:
            raise InvalidInput(f"prices[{n}].package_price", "cannot be negative")
    async with uow:
        await uow.purchasing.save_wac(prices)
        await uow.commit()


async def wac(*, uow: ReimbursementUnitOfWork) -> list[WacPrice]:
    async with uow:
        return await uow.purchasing.wac()


async def add_invoice(*, uow: ReimbursementUnitOfWork, invoice: Invoice,
                      now: datetime) -> Invoice:
    async with uow:
        products = await uow.catalog.products()
        hcpcs_of = {ndc: p.hcpcs for ndc, p in products.items()}
        problems = invoice_problems(invoice, await uow.purchasing.contracts(), hcpcs_of)
        problems += [(f"lines[{n}].ndc", "not a product; add it to the inventory first")
                     for n, line in enumerate(invoice.lines) if line.ndc not in products]
        _refuse(problems)
        if not await uow.purchasing.add_invoice(invoice, now):
            raise Conflict(f"invoice {invoice.id} from {invoice.wholesaler} is on file",
                           field="id")
        await uow.commit()
    return invoice


async def invoices(*, uow: ReimbursementUnitOfWork, start: date | None,
                   end: date | None) -> list[Invoice]:
    if start and end and end < start:
        raise InvalidInput("to", "must not be before from")
    async with uow:
        return await uow.purchasing.invoices(start=start, end=end)
