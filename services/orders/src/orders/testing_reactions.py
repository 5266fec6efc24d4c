"""Builders for reaction tests and benchmarks: reactions, rescue doses and a catalog with the
infliximab products (a brand and a biosimilar of one molecule) and ocrelizumab. Test data
only: the seed catalog carries the 16 drugs of clinical.md."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any
from uuid import UUID, uuid4

from orders.domain.catalog import Catalog, Drug
from orders.domain.reactions import Action, Reaction, RescueMed, SuspectDrug
from orders.seed import seed_catalog
from orders.testing import AS_OF, PATIENT_ID

SNOMED = {"urticaria": "126485001", "hypotension": "45007003", "chest_pain": "29857009",
          "ecg_change": "102594003", "akathisia": "61921000", "dystonia": "15802004",
          "laryngeal_dystonia": "86075003", "anaphylaxis": "39579001", "nausea": "422587007"}


def _biologic(code: str, name: str, molecule: str) -> Drug:
    base = seed_catalog().drugs["eptinezumab"].model_dump()
    base.update(code=code, name=name, molecule=molecule, synonyms=(), classes=(molecule,),
                drug_class="Monoclonal antibody", frequency_limits=())
    return Drug.model_validate(base)


@lru_cache(maxsize=1)
def biologics_catalog() -> Catalog:
    cat = seed_catalog()
    for drug in (_biologic("remicade", "Remicade (infliximab)", "infliximab"),
                 _biologic("inflectra", "Inflectra (infliximab-dyyb)", "infliximab"),
                 _biologic("ocrelizumab", "Ocrevus (ocrelizumab)", "ocrelizumab")):
        cat = cat.with_drug(drug)
    return cat


def reaction(drug: str = "metoclopramide", grade: int = 3, *,
             ago: timedelta = timedelta(days=1), manifestations: tuple[str, ...] = ("urticaria",),
             term: str = "infusion_related_reaction",
             kind: str = "allergy", rate: object | None = None, dose_number: int | None = None,
             restart_rate: object | None = None, outcome: str = "resolved",
             rescue: tuple[RescueMed, ...] = (), onset: datetime | None = None,
             **kw: Any) -> Reaction:
    at = onset or AS_OF - ago
    actions: tuple[Action, ...] = (Action("stop", at),)
    if restart_rate is not None:
        actions += (Action("restart", at + timedelta(minutes=30), Decimal(str(restart_rate))),)
    return Reaction(
        id=kw.pop("id", uuid4()), order_id=kw.pop("order_id", uuid4()),
        patient_id=kw.pop("patient_id", PATIENT_ID), practice_id="demo-clinic", onset_at=at,
        minutes_from_start=20,
        suspects=(SuspectDrug(drug, lot="L1", rate_at_onset=None if rate is None
                              else Decimal(str(rate)), dose_number=dose_number),),
        manifestations=tuple(SNOMED.get(m, m) for m in manifestations), term=term,  # type: ignore[arg-type]
        grade=grade, graded_by="rn-1", kind=kind, outcome=outcome,  # type: ignore[arg-type]
        rechallenge="premedicate", actions=actions, rescue_meds=rescue,
        resolved_at=at + timedelta(hours=1) if outcome == "resolved" else None, **kw)


def epi(mg: object, at: datetime = AS_OF, route: str = "IM", unit: str = "mg") -> RescueMed:
    return RescueMed("epinephrine", Decimal(str(mg)), unit, route, at, "rn-1")


def uid() -> UUID:
    return uuid4()
