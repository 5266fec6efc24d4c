"""Test data for the neurology infusion drugs (issue 18): products, descriptors, charges and a
payer that wants complex biologic administration codes.

Descriptors are pinned here as in ``testing`` (a test checks the reference file agrees with
them). A product the orders catalog lists an NDC for (orders/seed/catalog.json ``ndcs``, each
with its source: issue 18) carries that real NDC in its 11-digit billing form, with the size
the source gives; ``SYNTHETIC`` are made-up codes (labeler 72xxx) for products no source
confirmed: the Privigen 10 g/100 mL carton and the methylprednisolone vial. Prices are test
values.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC
from decimal import Decimal as D

from reimbursement.adapters.data_files import evidence_rules
from reimbursement.domain.claim import BillingContext
from reimbursement.domain.fees import (
    AspQuarter,
    ChargeMaster,
    CodingPolicy,
    DrugBasis,
    PayerContract,
    PayerKind,
)
from reimbursement.domain.hcpcs import HcpcsDescriptor
from reimbursement.domain.inventory import NdcUnit, Product
from reimbursement.testing import ADMIN_RATES, ASP, CHARGES, DESCRIPTORS, MEDICARE, PRODUCTS

# real (catalog ndcs): the printed 10-digit code, then its billing form
OCR = "50242015001"  # Ocrevus 300 mg/10 mL vial, 50242-150-01
NAT = "64406000801"  # Tysabri 300 mg/15 mL vial, 64406-008-01
UBL = "73150015006"  # Briumvi 150 mg/6 mL vial, 73150-150-06
GAMU = "13533080501"  # Gamunex-C 10%, 50 mL (5 g), 13533-805-01
INFL_DYYB = "00069080901"  # Inflectra 100 mg vial, 0069-0809-01
RITUX = "50242005306"  # Rituxan 500 mg/50 mL vial, 50242-053-06
TRUX = "63459010450"  # Truxima 500 mg/50 mL vial, 63459-104-50
LEC = "62856021501"  # Leqembi 500 mg/5 mL vial, 62856-215-01
DON = "00002940101"  # Kisunla 350 mg/20 mL vial, 0002-9401-01
# made up: no source gave the Privigen 10 g carton's code; methylprednisolone is not neuro
PRIV, MP = "72004000401", "72011001101"
SYNTHETIC = frozenset({PRIV, MP})


def _p(ndc: str, name: str, hcpcs: str, strength: str, unit: str, volume: str | None,
       ndc_unit: NdcUnit, cost: str) -> Product:
    return Product(ndc=ndc, name=name, hcpcs=hcpcs, strength=D(strength), strength_unit=unit,
                   volume_ml=D(volume) if volume else None, vials_per_package=1,
                   single_dose=True, ndc_unit=ndc_unit, package_cost=D(cost),
                   cost_source="test GPO contract")


NEURO_PRODUCTS = {p.ndc: p for p in [
    _p(OCR, "ocrelizumab 300 mg/10 mL SDV", "J2350", "300", "mg", "10", "ML", "16000.00"),
    _p(NAT, "natalizumab 300 mg/15 mL SDV", "J2323", "300", "mg", "15", "ML", "7000.00"),
    _p(UBL, "ublituximab 150 mg/6 mL SDV", "J2329", "150", "mg", "6", "ML", "9500.00"),
    _p(PRIV, "immune globulin 10% 10 g/100 mL (Privigen)", "J1459", "10", "g", "100", "ML",
       "1500.00"),
    _p(GAMU, "immune globulin 10% 5 g/50 mL (Gamunex-C)", "J1561", "5", "g", "50", "ML",
       "750.00"),
    _p(INFL_DYYB, "infliximab-dyyb 100 mg powder SDV", "Q5103", "100", "mg", None, "UN",
       "450.00"),
    _p(RITUX, "rituximab 500 mg/50 mL SDV", "J9312", "500", "mg", "50", "ML", "4200.00"),
    _p(TRUX, "rituximab-abbs 500 mg/50 mL SDV", "Q5115", "500", "mg", "50", "ML", "2000.00"),
    _p(LEC, "lecanemab 500 mg/5 mL SDV", "J0174", "500", "mg", "5", "ML", "2400.00"),
    _p(DON, "donanemab 350 mg/20 mL SDV", "J0175", "350", "mg", "20", "ML", "1100.00"),
    _p(MP, "methylprednisolone 125 mg/2 mL SDV", "J2930", "125", "mg", "2", "ML", "9.00"),
]}


def _d(code: str, amount: str, up_to: bool = False) -> HcpcsDescriptor:
    return HcpcsDescriptor(code, f"test {code}", D(amount), "mg", up_to, False, "test")


# the billing unit of each code (see data/hcpcs_descriptors.csv for the sources)
NEURO_DESCRIPTORS = {d.code: d for d in [
    _d("J2350", "1"), _d("J2323", "1"), _d("J2329", "1"), _d("J1459", "500"),
    _d("J1561", "500"), _d("Q5103", "10"), _d("J9312", "10"), _d("Q5115", "10"),
    _d("J0174", "1"), _d("J0175", "2"), _d("J2930", "125", up_to=True),
]}

NEURO_CHARGES = {
    "96409": D("180.00"), "96411": D("90.00"), "96413": D("420.00"), "96415": D("110.00"),
    "96417": D("190.00"), "J2350": D("75.00"), "J2323": D("40.00"), "J2329": D("85.00"),
    "J1459": D("90.00"), "J1561": D("90.00"), "Q5103": D("70.00"), "J9312": D("100.00"),
    "Q5115": D("50.00"), "J0174": D("20.00"), "J0175": D("40.00"), "J2930": D("30.00"),
}

# the anti-CD20 antibodies by HCPCS, and one drug by its order drug code
COMPLEX_DRUGS = frozenset({"J2350", "J2329", "J9312", "Q5115", "natalizumab"})
COMPLEX_PAYER = PayerContract(
    payer_id="summit-complex", name="Summit (complex biologic admin)", kind=PayerKind.COMMERCIAL,
    drug_basis=DrugBasis.ASP_PERCENT, drug_percent=D("1.15"),
    admin_rates={**ADMIN_RATES, "96413": D("136.10"), "96415": D("29.40"),
                 "96417": D("64.20"), "96409": D("110.50"), "96411": D("61.00")},
    policy=CodingPolicy(complex_admin=COMPLEX_DRUGS), x12_payer_id="SUMMT1", claim_filing="CI",
)
MEDICARE_NO_JW = replace(MEDICARE, payer_id="no-jw", policy=CodingPolicy(jw_jz=False))


def neuro_ctx(contract: PayerContract | None = MEDICARE, *,
              asp: AspQuarter | None = ASP) -> BillingContext:
    """With the shipped coverage-with-evidence-development rules (NCD 200.3), as the service
    builds claims."""
    return BillingContext(
        products={**PRODUCTS, **NEURO_PRODUCTS}, descriptors={**DESCRIPTORS, **NEURO_DESCRIPTORS},
        charges=ChargeMaster({**CHARGES.rates, **NEURO_CHARGES}, version="test-neuro"),
        contract=contract, asp=asp, clinic_tz=UTC, evidence_rules=evidence_rules())
