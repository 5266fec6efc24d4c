"""Premedication added to an order by rule (clinical-loop.md §5.2): a drug whose regimen lists
premedication gets those lines before it, timed so the infusion starts ``minutes_before``
after them (methylprednisolone ~30 min before ocrelizumab). A premedication the prescriber
already put on the order is left as ordered."""

from __future__ import annotations

from dataclasses import replace

from orders.domain.catalog import Catalog
from orders.domain.lines import LineSpec


def add_premedication(lines: list[LineSpec], catalog: Catalog) -> list[LineSpec]:
    ordered = {ln.drug_code for ln in lines}
    premeds: list[LineSpec] = []
    lead = 0  # minutes the infusion must wait after the premedication group starts
    for line in sorted(lines, key=lambda ln: ln.sequence):
        drug = catalog.drug(line.drug_code)
        if drug is None or drug.regimen is None:
            continue
        for pm in drug.regimen.premedication:
            pm_drug = catalog.drug(pm.drug_code)
            if pm.drug_code in ordered or pm_drug is None:
                continue
            ordered.add(pm.drug_code)
            premeds.append(LineSpec(sequence=len(premeds) + 1, drug_code=pm.drug_code,
                                    dose=pm.dose, dose_unit=pm_drug.dose_unit, mode=pm.mode,
                                    minutes=pm.minutes, with_previous=bool(premeds)))
            lead = max(lead, pm.minutes_before)
    if not premeds:
        return lines
    run = max(p.minutes for p in premeds)
    premeds[-1] = replace(premeds[-1], wait_after_minutes=max(0, lead - run))
    shift = len(premeds)
    return premeds + [replace(ln, sequence=ln.sequence + shift) for ln in lines]
