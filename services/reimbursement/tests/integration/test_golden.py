"""Golden outputs of one billing day, recorded before the claim lifecycle moved into the domain:
claim documents, 837P and FHIR text, 835 posting summaries, the claim.* events in the outbox
(type, key, topic, payload), the denials worklist and the reports. Any difference is a change
in behaviour. Ids that are random per run are replaced by stable names before comparing.

``REIMB_WRITE_GOLDEN=1`` rewrites golden_day.json (only when a change is intended).
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from reimb_it import (
    EPTI,
    KETO,
    T0,
    administered,
    administration,
    approval,
    bill,
    clp_for,
    remittance_for,
    remittance_of,
)
from reimb_it import setup_catalog as catalog

from chairside_shared import contracts

pytestmark = pytest.mark.integration
GOLDEN = Path(__file__).with_name("golden_day.json")
ORDER_A = uuid.UUID("0000000a-0000-4000-8000-000000000001")
ORDER_B = uuid.UUID("0000000b-0000-4000-8000-000000000002")
ORDER_C = uuid.UUID("0000000c-0000-4000-8000-000000000003")


def visit(order_id: uuid.UUID, *given: contracts.Administration) -> contracts.OrderAdministered:
    event = administered(*given, order_id=order_id)
    return event.model_copy(update={"patient_id": uuid.UUID(int=order_id.int + 1)})


async def outbox(svc) -> list[dict[str, Any]]:
    table = svc.runtime.spec.tables.outbox
    async with svc.runtime.session_factory() as session:
        rows = (await session.execute(sa.select(table).order_by(table.c.id))).all()
    return [{"event_type": r.event_type, "key": r.key, "topic": r.topic,
             "payload": json.loads(r.payload)} for r in rows]


def batch_by_claim(text: str) -> dict[str, Any]:
    """A batch 837P orders claims by account number, which is random per run: split it into
    the envelope and one block per claim (HL number blanked), after checking that order."""
    segments = text.split("~\n")
    starts = [i for i, s in enumerate(segments) if s.startswith("HL*") and s.endswith("*22*0")]
    end = next(i for i, s in enumerate(segments) if s.startswith("SE*"))
    blocks = [segments[a:b] for a, b in zip(starts, [*starts[1:], end], strict=True)]
    accounts = [next(s.split("*")[1] for s in block if s.startswith("CLM*")) for block in blocks]
    assert accounts == sorted(accounts)
    return {"envelope": segments[:starts[0]] + segments[end:],
            "claims": ["HL*#" + "~".join(block)[block[0].index("*", 3):] for block in blocks]}


class Names:
    """Random ids -> stable names, in order of first sight."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def name(self, value: str, label: str) -> None:
        self.names.setdefault(value, f"<{label}>")

    def apply(self, doc: Any) -> Any:
        text = json.dumps(doc, sort_keys=True)
        for value, label in self.names.items():
            text = text.replace(value, label)
        return json.loads(text)


async def record_day(svc) -> dict[str, Any]:
    c, names, out = svc.client, Names(), {}
    await catalog(c)
    a = await bill(svc, visit(ORDER_A, administration(1, "eptinezumab", EPTI, "300", 0, 35),
                              administration(2, "ketorolac", KETO, "30", 40, 41, "push")),
                   approve=approval(ORDER_A))
    b = await bill(svc, visit(ORDER_B, administration(1, "ketorolac", KETO, "30", 0, 1, "push")))
    c_id = await bill(svc, visit(ORDER_C, administration(
        1, "eptinezumab", EPTI, "100", 0, 35), administration(
        2, "ketorolac", "70003-0003-25", "30", 40, 41, "push", lot="NOPE")))
    for label, claim_id in (("claim A", a), ("claim B", b), ("claim C", c_id)):
        doc = (await c.get(f"/v1/claims/{claim_id}")).json()
        names.name(str(claim_id), label)
        names.name(doc["account_number"], f"account {label[-1]}")
        out[f"built {label}"] = doc
    out["837P A"] = (await c.get(f"/v1/claims/{a}/x12")).text
    out["FHIR A"] = (await c.get(f"/v1/claims/{a}/fhir")).json()
    out["rebuilt C"] = (await c.post(f"/v1/claims/{c_id}/rebuild")).json()
    for label, claim_id in (("claim A", a), ("claim B", b)):
        out[f"submitted {label}"] = (await c.post(f"/v1/claims/{claim_id}/submit")).json()
    svc.clock.now = T0 + timedelta(days=1)
    out["837P batch"] = batch_by_claim((await c.get("/v1/claims/x12")).text)
    claim_a, claim_b = out["built claim A"], out["built claim B"]
    remits = [remittance_for(claim_a, deny={"J3032": "197"}, trace="EFT1"),
              remittance_for(claim_b, status="4", deny={"96374": "50", "J1885": "50"},
                             trace="EFT2"),
              remittance_for(out["built claim C"], trace="EFT3"),
              remittance_for(claim_a, status="22", deny={"J3032": "197"}, sign=-1,
                             trace="EFT4"),
              # one file, one claim twice (paid, then taken back) and an unknown account
              remittance_of([clp_for(claim_b), clp_for(claim_b, status="22", sign=-1),
                             clp_for(claim_b | {"account_number": "UNKNOWN1"})], trace="EFT5")]
    for i, text in enumerate(remits):
        summary = (await c.post("/v1/remittances", content=text)).json()
        for r in summary["remittances"]:
            names.name(r["id"], f"remittance {i}")
        out[f"posted {i}"] = summary
        out[f"worklist after {i}"] = (await c.get("/v1/claims/denials")).json()
    for label, claim_id in (("claim A", a), ("claim B", b), ("claim C", c_id)):
        out[f"final {label}"] = (await c.get(f"/v1/claims/{claim_id}")).json()
    # one created_at for all three: the list order falls back to the (random) id
    out["list"] = (await c.get("/v1/claims", params={"status": "denied,reversed,ready"})
                   ).json()["items"]
    for by in ("visit", "drug", "payer"):
        out[f"margin by {by}"] = (await c.get("/v1/reports/margin", params={
            "from": "2026-03-01", "to": "2026-03-31", "by": by})).json()
    out["ar"] = (await c.get("/v1/reports/ar", params={"from": "2026-03-01",
                                                        "to": "2026-03-31"})).json()
    out["inventory"] = (await c.get("/v1/inventory")).json()
    for i, flag in enumerate(out["inventory"]["flags"]):
        names.name(flag["id"], f"flag {i}")
    out["fee schedules"] = (await c.get("/v1/fee-schedules")).json()
    out["outbox"] = await outbox(svc)
    day: dict[str, Any] = names.apply(out)
    day["837P batch"]["claims"].sort()
    day["list"].sort(key=lambda item: item["id"])
    for key in (k for k in day if k.startswith("worklist")):  # same service date: id order
        day[key].sort(key=lambda item: item["claim_id"])
    return day


async def test_a_billing_day_comes_out_as_recorded(svc):
    day = await record_day(svc)
    if os.environ.get("REIMB_WRITE_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(day, indent=1, sort_keys=True) + "\n")
    golden = json.loads(GOLDEN.read_text())
    assert sorted(day) == sorted(golden)
    for key in golden:
        assert day[key] == golden[key], key
