"""Helpers for the reimbursement integration tests: catalogue set-up through the API,
order.administered payloads, and 835s for a stored claim."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from aiokafka import AIOKafkaProducer

from chairside_shared import contracts
from chairside_shared.messaging.envelope import encode, kafka_headers
from reimbursement.adapters.clients import StaticPayerIdentitySource
from reimbursement.adapters.x12.write_835 import ClpSpec, RemitSpec, SvcSpec, write_835
from reimbursement.service import billing
from reimbursement.testing import coverage, payer_identity

T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)  # 10:00 in New York, inside the 2026Q1 file
NPI = "1234567893"
EPTI, KETO, INFLIX = "70001000101", "70003000325", "70006000601"
NS1000 = "71003001312"  # synthetic NDC of a 1000 mL normal-saline bag (J7030)
# Chairside stores no names: orders answers who a claim names at export time. In these
# service-level tests a fixed, synthetic answer stands in for orders (the injected port).
IDENTITY = payer_identity(cov=coverage(payer_id="medicare"))
BILLING_IDENTITY = {
    "name": "Chairside Infusion Center", "npi": "1245319599", "ein": "04-9990001",
    "npi_taxonomies": ["261QI0500X"],
    "address": {"line1": "100 Main St", "line2": "Suite 300", "city": "Boston", "state": "MA",
                "postal_code": "02110-1234"}}
PAYEE_NPI = BILLING_IDENTITY["npi"]
ENROLLMENT = {"npi": "1245319599", "taxonomy": "261QI0500X", "status": "active",
              "effective_from": "2020-01-01"}


def identities() -> StaticPayerIdentitySource:
    """The same synthetic patient, coverage and practitioners for every order."""
    return StaticPayerIdentitySource(default=IDENTITY)

ASP_CSV = (
    '"Sample in the CMS layout"\n\n'
    '"HCPCS Code","Short Description","HCPCS Code Dosage","Payment Limit","Notes"\n'
    '"J3032","Inj eptinezumab-jjmr 1 mg","1 MG","10.600",""\n'
    '"J1885","Ketorolac tromethamine inj","15 MG","0.318",""\n'
    '"J1745","Infliximab not biosimil 10mg","10 MG","45.580",""\n'
)
PRODUCTS = {
    EPTI: {"name": "eptinezumab 100 mg/mL SDV", "hcpcs": "J3032", "strength": "100",
           "strength_unit": "mg", "volume_ml": "1", "vials_per_package": 1, "single_dose": True,
           "ndc_unit": "ML", "package_cost": "1650.00", "cost_source": "GPO test contract"},
    KETO: {"name": "ketorolac 30 mg/mL SDV", "hcpcs": "J1885", "strength": "30",
           "strength_unit": "mg", "volume_ml": "1", "vials_per_package": 25, "single_dose": True,
           "ndc_unit": "ML", "package_cost": "25.00", "cost_source": "GPO test contract"},
    INFLIX: {"name": "infliximab 100 mg powder SDV", "hcpcs": "J1745", "strength": "100",
             "strength_unit": "mg", "vials_per_package": 1, "single_dose": True,
             "ndc_unit": "UN", "package_cost": "650.00", "cost_source": "GPO test contract"},
    NS1000: {"name": "sodium chloride 0.9% 1000 mL bag", "hcpcs": "J7030", "strength": "1000",
             "strength_unit": "ml", "vials_per_package": 12, "single_dose": False,
             "ndc_unit": "ML", "package_cost": "36.00", "cost_source": "GPO test contract"},
}
ADMIN_RATES = {"96365": "71.32", "96366": "22.14", "96367": "31.10", "96368": "21.00",
               "96374": "41.58", "96375": "18.20", "96360": "35.60", "96361": "14.31"}
CHARGES = {"96365": "350.00", "96366": "95.00", "96374": "160.00", "96375": "65.00",
           "J3032": "25.00", "J1885": "6.00", "J1745": "150.00"}


async def setup_practice(c) -> None:
    """The practice's billing identity and its Medicare enrollment, through the API."""
    r = await c.put("/v1/billing-identity", json=BILLING_IDENTITY)
    assert r.status_code == 200, r.text
    r = await c.put("/v1/payer-enrollments/medicare", json=ENROLLMENT)
    assert r.status_code == 200, r.text


async def setup_catalog(c, *, lots: dict[str, list[tuple[str, str, int]]] | None = None) -> None:
    """The practice's identity, Medicare contract, charge master, ASP 2026Q1 and stocked
    products, all through the API."""
    await setup_practice(c)
    r = await c.put("/v1/fee-schedules/contracts/medicare", json={
        "name": "Medicare Part B", "kind": "medicare", "drug_basis": "medicare_asp",
        "sequestration": "0.02", "x12_payer_id": "MCRB1", "claim_filing": "MB",
        "admin_rates": ADMIN_RATES, "source": "test"})
    assert r.status_code == 200, r.text
    r = await c.put("/v1/fee-schedules/charge-master", json={"version": "t1", "rates": CHARGES})
    assert r.status_code == 200, r.text
    r = await c.post("/v1/fee-schedules/asp", params={"quarter": "2026Q1"}, content=ASP_CSV,
                     headers={"content-type": "text/csv"})
    assert r.status_code == 201, r.text
    lots = lots if lots is not None else {
        EPTI: [("E-LATE", "2027-06-30", 3), ("E-SOON", "2026-06-30", 1)],
        KETO: [("K1", "2027-01-31", 1)], INFLIX: [("I1", "2027-01-31", 6)]}
    for ndc, entries in lots.items():
        for i, (lot, expires, packages) in enumerate(entries):
            body = {"ndc": ndc, "lot_number": lot, "expires_on": expires, "packages": packages,
                    "reference": f"INV-{lot}"}
            if i == 0:
                body["product"] = {"ndc": ndc, **PRODUCTS[ndc]}
            r = await c.post("/v1/inventory", json=body)
            assert r.status_code == 201, r.text


def administration(seq: int, drug: str, ndc: str | None, dose: str, start: int, stop: int,
                   mode: str = "infusion", wasted: str = "0", lot: str | None = None,
                   unit: str = "mg", hcpcs: str | None = None,
                   fluid: contracts.FluidFacts | None = None) -> contracts.Administration:
    return contracts.Administration(
        line_sequence=seq, drug_code=drug, mode=mode, started_at=T0 + timedelta(minutes=start),
        stopped_at=T0 + timedelta(minutes=stop), dose_given=Decimal(dose), dose_unit=unit,
        ndc=ndc, lot=lot, wasted_amount=Decimal(wasted), hcpcs=hcpcs, fluid=fluid)


def administered(*given: contracts.Administration, order_id: uuid.UUID | None = None,
                 payer: str = "medicare") -> contracts.OrderAdministered:
    return contracts.OrderAdministered(
        order_id=order_id or uuid.uuid4(), practice_id="demo-clinic", patient_id=uuid.uuid4(),
        diagnoses=["G43.709"], payer=contracts.PayerRef(payer_id=payer),
        rendering_provider_npi=NPI, administrations=list(given),
        completed_at=T0 + timedelta(hours=2))


def approval(order_id: uuid.UUID, units: int = 300) -> contracts.AuthorizationApproved:
    return contracts.AuthorizationApproved(
        case_id=uuid.uuid4(), order_id=order_id, payer_id="medicare", auth_number="PA-778899",
        lines=[contracts.ApprovedUnits(hcpcs="J3032", approved_units=units)],
        valid_from=date(2026, 1, 1), valid_to=date(2026, 6, 30), decided_at=T0)


def remittance_for(claim: dict, *, status: str = "1", deny: dict[str, str] | None = None,
                   sign: int = 1, trace: str = "EFT1", payee: str = PAYEE_NPI) -> str:
    """An 835 paying ``claim`` at its allowed amounts (20% coinsurance, 2% sequestration);
    ``deny`` maps a code to the CARC that denies that line (CO group)."""
    return remittance_of([clp_for(claim, status=status, deny=deny, sign=sign)], trace=trace,
                         payee=payee)


def remittance_of(clps: list[ClpSpec], *, trace: str = "EFT1", payee: str = PAYEE_NPI,
                  plb: tuple[tuple[str, str, Decimal], ...] = (), control_number: int = 7
                  ) -> str:
    """``payee``: N1*PE's NPI, the practice's billing NPI (setup_practice) unless a test says
    otherwise."""
    spec = RemitSpec("Medicare Part B", "MCRB1", "Chairside", payee, trace,
                     date(2026, 3, 20), clps, plb)
    return write_835(spec, control_number=control_number,
                     created_at=datetime(2026, 3, 20, 12, tzinfo=UTC))


def clp_for(claim: dict, *, status: str = "1", deny: dict[str, str] | None = None,
            sign: int = 1) -> ClpSpec:
    """One CLP for ``claim`` (see :func:`remittance_for`)."""
    services = []
    for ln in claim["lines"]:
        charge = Decimal(ln["charge"])
        if deny and ln["code"] in deny:
            services.append(SvcSpec(ln["code"], charge, Decimal(0), [("CO", deny[ln["code"]],
                                    charge)], tuple(ln["modifiers"]), ln["units"]))
            continue
        allowed = Decimal(ln["allowed"])
        coins = (allowed * Decimal("0.2")).quantize(Decimal("0.01"))
        seq = ((allowed - coins) * Decimal("0.02")).quantize(Decimal("0.01"))
        services.append(SvcSpec(ln["code"], charge, allowed - coins - seq,
                                [("CO", "45", charge - allowed), ("PR", "2", coins),
                                 ("CO", "253", seq)], tuple(ln["modifiers"]), ln["units"],
                                allowed))
    return ClpSpec(claim["account_number"], status, services, sign=sign)


async def bill(svc, event, *, approve=None):
    """What the order.administered consumer does, in one transaction."""
    async with svc.runtime.uow() as uow:
        if approve is not None:
            await billing.record_authorization(uow=uow, event=approve, now=T0)
        claim_id = await billing.bill_visit(uow=uow, event=event, now=T0)
        await uow.commit()
    return claim_id


def resent(text: str, breaks: str, isa13: int, gs06: int = 1, st02: int = 1) -> str:
    """The same interchange re-sent: new ISA13/IEA02, GS06/GE02 and ST02/SE02, and other line
    breaks (``breaks`` ends every segment: '~', '~\r\n', '~\n', ...)."""
    out = re.sub(r"^(ISA(?:\*[^*]*){12}\*)\d{9}", lambda m: m.group(1) + f"{isa13:09d}", text,
                 flags=re.M)
    out = re.sub(r"^IEA\*1\*\d{9}", f"IEA*1*{isa13:09d}", out, flags=re.M)
    out = re.sub(r"^(GS(?:\*[^*]*){5}\*)\d+", lambda m: m.group(1) + str(gs06), out, flags=re.M)
    out = re.sub(r"^GE\*1\*\d+", f"GE*1*{gs06}", out, flags=re.M)
    out = re.sub(r"^ST\*835\*\d+", f"ST*835*{st02:04d}", out, flags=re.M)
    out = re.sub(r"^SE\*(\d+)\*\d+", lambda m: f"SE*{m.group(1)}*{st02:04d}", out, flags=re.M)
    return breaks.join(s for s in out.replace("\n", "").split("~") if s) + breaks


async def publish(broker, topic: str, event_type: str, payload, *, event_id: str | None = None,
                  raw: bytes | None = None) -> str:
    encoded = encode(event_type=event_type, payload=payload, source="test-producer",
                     key=str(payload.order_id), event_id=event_id)
    producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap_servers)
    await producer.start()
    try:
        await producer.send_and_wait(
            topic,
            value=raw if raw is not None else encoded.value.encode(),
            key=encoded.key.encode(),
            headers=kafka_headers(encoded.headers),
        )
    finally:
        await producer.stop()
    return encoded.event_id
