"""Domain events -> public contracts (``chairside_shared.contracts``): the one place the orders
service says which messages its events become. Every visit event is keyed by the order id, so
one order's events stay in order. Decides nothing."""

from __future__ import annotations

import typing
from typing import get_args

from chairside_shared import contracts as c
from chairside_shared.messaging.outbox import Message
from orders.domain import events as e
from orders.domain.lines import FluidOrder
from orders.domain.values import Payer


def to_messages(event: e.DomainEvent) -> list[Message]:
    """The outbox messages one domain event becomes (bound on OrdersUnitOfWork)."""
    match event:
        case e.OrderSigned():
            return [Message("order.signed", order_signed(event), key=str(event.order_id))]
        case e.OrderCancelled():
            return [Message("order.cancelled", order_cancelled(event), key=str(event.order_id))]
        case e.OrderAdministered():
            return [Message("order.administered", order_administered(event),
                            key=str(event.order_id))]
        case e.ReactionRecorded():
            return reaction_messages(event)
        case e.EscortConfirmed():
            return [Message("order.escort_confirmed", c.OrderEscortConfirmed(
                order_id=event.order_id, practice_id=event.practice_id,
                confirmed_at=event.confirmed_at), key=str(event.order_id))]
    raise TypeError(f"no contract for the domain event {type(event).__name__}")


def _payer(payer: Payer | None) -> c.PayerRef | None:
    """Ids only: the member id (PHI) is never sent; a consumer reads it through the payer
    identity of the order (its ``coverage_id``)."""
    if not payer:
        return None
    return c.PayerRef(payer_id=payer["payer_id"], plan_id=payer.get("plan_id"), member_id=None)


def _fluid(fluid: FluidOrder | None) -> c.FluidFacts | None:
    if fluid is None:
        return None
    return c.FluidFacts(purpose=fluid.purpose, rate_ml_per_h=fluid.rate_ml_per_h,
                        indication=fluid.indication)


def _triage(category: str | None) -> c.TriageCategory | None:
    """The domain checked it against the same codes (orders.domain.triage)."""
    for known in get_args(c.TriageCategory):
        if category == known:
            return typing.cast(c.TriageCategory, known)
    return None


def order_signed(event: e.OrderSigned) -> c.OrderSigned:
    window = None
    if event.requested_window:
        window = c.Window(**{"from": event.requested_window[0], "to": event.requested_window[1]})
    return c.OrderSigned(
        order_id=event.order_id, practice_id=event.practice_id, patient_id=event.patient_id,
        urgency=event.urgency, requested_window=window,
        lines=[c.OrderLine(
            sequence=ln.sequence, drug_code=ln.drug_code, hcpcs=ln.hcpcs,
            hcpcs_unit=ln.hcpcs_unit, dose=ln.dose, dose_unit=ln.dose_unit, mode=ln.mode,
            minutes=ln.minutes, acuity_class=ln.acuity_class, sedating=ln.sedating,
            fluid=_fluid(ln.fluid), molecule=ln.molecule, dose_number=ln.dose_number,
            next_dose=ln.next_dose, next_dose_unit=ln.next_dose_unit)
            for ln in event.lines],
        estimated_chair_minutes=event.estimated_chair_minutes, acuity_class=event.acuity_class,
        requires_driver=event.requires_driver, diagnoses=list(event.diagnoses),
        payer=_payer(event.payer), patient_age_band=event.patient_age_band,
        patient_age_years=event.patient_age_years, patient_weight_kg=event.patient_weight_kg,
        pediatric=event.pediatric, prescriber_id=event.prescriber_id,
        catalog_version=event.catalog_version, signed_at=event.signed_at,
        ordering_practitioner_id=event.ordering_practitioner_id, coverage_id=event.coverage_id,
        triage_category=_triage(event.triage_category), headache_hours=event.headache_hours,
        prep_minutes=event.prep_minutes, protocol_id=event.protocol_id,
        series=_series(event.series))


def _series(given: e.SeriesGiven | None) -> c.SeriesFacts | None:
    if given is None:
        return None
    s = given.series
    return c.SeriesFacts(drug_code=given.drug_code, from_dose=s.from_dose, kind=s.kind,
                         offsets=list(s.offsets), min_visits=s.min_visits,
                         max_visits=s.max_visits)


def order_cancelled(event: e.OrderCancelled) -> c.OrderCancelled:
    return c.OrderCancelled(order_id=event.order_id, practice_id=event.practice_id,
                            reason=event.reason, previous_status=event.previous_status,
                            cancelled_at=event.cancelled_at)


def order_administered(event: e.OrderAdministered) -> c.OrderAdministered:
    return c.OrderAdministered(
        order_id=event.order_id, practice_id=event.practice_id, patient_id=event.patient_id,
        diagnoses=list(event.diagnoses), payer=_payer(event.payer),
        rendering_provider_npi=event.rendering_provider_npi,
        patient_age_years=event.patient_age_years,
        administrations=[c.Administration(
            line_sequence=g.line_sequence, drug_code=g.drug_code, hcpcs=g.hcpcs, mode=g.mode,
            started_at=g.started_at, stopped_at=g.stopped_at, dose_given=g.dose_given,
            dose_unit=g.dose_unit, ndc=g.ndc, lot=g.lot, wasted_amount=g.wasted_amount,
            reaction=g.reaction, fluid=_fluid(g.fluid)) for g in event.administrations],
        completed_at=event.completed_at,
        ordering_practitioner_id=event.ordering_practitioner_id,
        supervising_practitioner_id=event.supervising_practitioner_id,
        coverage_id=event.coverage_id,
        recalls=[c.RecallFacts(
            drug_code=r.drug_code, hcpcs=r.hcpcs, units_given=r.units_given,
            earliest_days=r.recall.earliest_days, target_from_days=r.recall.target_from_days,
            target_to_days=r.recall.target_to_days, latest_days=r.recall.latest_days,
            pre_dose_checks=list(r.recall.pre_dose_checks), molecule=r.molecule,
            by_dose=[c.RecallStepFacts(
                doses=list(st.doses), earliest_days=st.earliest_days,
                target_from_days=st.target_from_days, target_to_days=st.target_to_days,
                latest_days=st.latest_days) for st in r.recall.listed_steps()])
            for r in event.recalls])


def reaction_messages(event: e.ReactionRecorded) -> list[Message]:
    """reaction.recorded always; reaction.severe too at the hard-stop grade (RX-1)."""
    key = str(event.order_id)
    out = [Message("reaction.recorded", c.ReactionRecorded(
        reaction_id=event.reaction_id, order_id=event.order_id, practice_id=event.practice_id,
        patient_id=event.patient_id, grade=event.grade, term=event.term,
        drug_codes=list(event.drug_codes), acuity_class=event.acuity_class,
        holds_series=event.holds_series, recorded_at=event.recorded_at), key=key)]
    if event.severe:
        out.append(Message("reaction.severe", c.ReactionSevere(
            reaction_id=event.reaction_id, order_id=event.order_id,
            practice_id=event.practice_id, patient_id=event.patient_id, grade=event.grade,
            drug_codes=list(event.drug_codes), recorded_at=event.recorded_at), key=key))
    return out
