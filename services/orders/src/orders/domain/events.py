"""Builds the public event payloads (chairside_shared.contracts) from the order aggregate.

Payloads carry ids, codes and the clinical facts receivers need (age band, weight) and never
a name, MRN or birth date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chairside_shared import contracts as c
from orders.domain.catalog import Catalog
from orders.domain.patient import PatientFacts, age_band

if TYPE_CHECKING:
    from orders.domain.order import Order


def _payer(order: Order) -> c.PayerRef | None:
    return c.PayerRef(**order.payer) if order.payer else None


def _lines(order: Order, catalog: Catalog) -> list[c.OrderLine]:
    out = []
    for line in sorted(order.lines, key=lambda ln: ln.sequence):
        drug = catalog.drug(line.drug_code)
        first = drug.first_dose_acuity_class if drug else None
        acuity = drug.acuity_class if drug else "standard"
        if first and order.acuity_class == first:
            acuity = first  # the order was checked as this drug's first dose
        out.append(c.OrderLine(
            sequence=line.sequence, drug_code=line.drug_code,
            hcpcs=drug.hcpcs if drug else None, hcpcs_unit=drug.hcpcs_unit if drug else None,
            dose=line.dose, dose_unit=line.dose_unit, mode=line.mode, minutes=line.minutes,
            acuity_class=acuity, sedating=bool(drug and drug.requires_driver)))
    return out


def order_signed(order: Order, patient: PatientFacts, catalog: Catalog) -> c.OrderSigned:
    at = order.signed_at
    age = patient.age_on(catalog.rules.local_date(at))
    window = None
    if order.requested_window:
        window = c.Window(**{"from": order.requested_window[0], "to": order.requested_window[1]})
    return c.OrderSigned(
        order_id=order.id, practice_id=order.practice_id, patient_id=order.patient_id,
        urgency=order.urgency, requested_window=window, lines=_lines(order, catalog),
        estimated_chair_minutes=order.estimated_chair_minutes, acuity_class=order.acuity_class,
        requires_driver=order.requires_driver, diagnoses=list(order.diagnoses),
        payer=_payer(order), patient_age_band=age_band(age), patient_age_years=age,
        patient_weight_kg=patient.weight_kg,
        pediatric=age < catalog.rules.pediatric_below_age, prescriber_id=order.prescriber_id,
        catalog_version=order.catalog_version, signed_at=at)


def order_cancelled(order: Order, previous_status: str) -> c.OrderCancelled:
    return c.OrderCancelled(order_id=order.id, practice_id=order.practice_id,
                            reason=order.cancel_reason or "", previous_status=str(previous_status),
                            cancelled_at=order.cancelled_at)


def order_administered(order: Order, catalog: Catalog, patient_age_years: int | None,
                       rendering_provider_npi: str | None = None) -> c.OrderAdministered:
    by_seq = {ln.sequence: ln for ln in order.lines}
    given = []
    for rec in sorted(order.administrations, key=lambda a: a.line_sequence):
        line = by_seq[rec.line_sequence]
        drug = catalog.drug(line.drug_code)
        given.append(c.Administration(
            line_sequence=rec.line_sequence, drug_code=line.drug_code,
            hcpcs=drug.hcpcs if drug else None, mode=line.mode, started_at=rec.started_at,
            stopped_at=rec.stopped_at, dose_given=rec.dose_given, dose_unit=rec.dose_unit,
            ndc=rec.ndc, lot=rec.lot, wasted_amount=rec.wasted_amount, reaction=rec.reaction))
    return c.OrderAdministered(
        order_id=order.id, practice_id=order.practice_id, patient_id=order.patient_id,
        diagnoses=list(order.diagnoses), payer=_payer(order),
        rendering_provider_npi=rendering_provider_npi, patient_age_years=patient_age_years,
        administrations=given, completed_at=order.completed_at)
