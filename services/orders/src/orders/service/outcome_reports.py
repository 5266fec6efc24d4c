"""Outcome reports over completed visits in a date range (clinic time zone days)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from orders.domain.errors import FieldError, ValidationFailed
from orders.domain.outcome_report import EdAvoided, ProtocolRow, by_protocol, ed_avoided
from orders.seed import outcome_rules
from orders.service.handlers import Scope
from orders.service.responses import visit_results
from orders.service.uow import OrdersUnitOfWork


@dataclass(frozen=True)
class OutcomesReport:
    rows: list[ProtocolRow]
    names: dict[str, str]
    rules_version: int


def check_span(start: date | None, end: date | None) -> None:
    """Before anything is read: a 'to' before 'from' is refused naming 'to'."""
    if start and end and end < start:
        raise ValidationFailed([FieldError("to", "must not be before from")])


def _span(start: date | None, end: date | None,
          tz: ZoneInfo) -> tuple[datetime | None, datetime | None]:
    since = datetime.combine(start, time(), tzinfo=tz) if start else None
    until = datetime.combine(end + timedelta(days=1), time(), tzinfo=tz) if end else None
    return since, until


async def outcomes_report(*, uow: OrdersUnitOfWork, start: date | None, end: date | None,
                          scope: Scope) -> OutcomesReport:
    rules = outcome_rules()
    check_span(start, end)
    async with uow:
        tz = ZoneInfo((await uow.catalog.current()).rules.clinic_timezone)
        since, until = _span(start, end, tz)
        visits = visit_results(await uow.outcomes.visits(
            practice_id=scope.practice_id, since=since, until=until), rules)
        rows = by_protocol(visits)
        names = await uow.outcomes.protocol_names(
            {v.protocol_id for v in visits if v.protocol_id})
        return OutcomesReport(rows, names, rules.version)


async def ed_avoided_report(*, uow: OrdersUnitOfWork, start: date | None, end: date | None,
                            scope: Scope, cost_usd: int | None) -> tuple[EdAvoided, str]:
    rules = outcome_rules()
    cost, source = ((cost_usd, "setting") if cost_usd is not None
                    else (rules.reports.ed_visit_cost_usd, "default (unverified)"))
    check_span(start, end)
    async with uow:
        tz = ZoneInfo((await uow.catalog.current()).rules.clinic_timezone)
        since, until = _span(start, end, tz)
        visits = visit_results(await uow.outcomes.visits(
            practice_id=scope.practice_id, since=since, until=until), rules)
        return ed_avoided(visits, cost), source
