"""Rows <-> domain objects, and the administered event <-> the domain visit."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from chairside_shared import contracts
from reimbursement.domain.fees import (
    DEFAULT_HYDRATION,
    DEFAULT_HYDRATION_INDICATIONS,
    CodingPolicy,
    DrugBasis,
    EvidenceSettings,
    PayerContract,
    PayerKind,
)
from reimbursement.domain.hcpcs import HcpcsDescriptor, Rounding
from reimbursement.domain.inventory import Lot, Product
from reimbursement.domain.visit import Approval, Given, Visit

Row = Mapping[Any, Any]  # a result row (RowMapping) or the same columns as a dict


def product_from_row(row: Row) -> Product:
    return Product(
        ndc=row["ndc"], name=row["name"], hcpcs=row["hcpcs"], strength=row["strength"],
        strength_unit=row["strength_unit"], volume_ml=row["volume_ml"],
        vials_per_package=row["vials_per_package"], single_dose=row["single_dose"],
        ndc_unit=row["ndc_unit"], package_cost=row["package_cost"],
        cost_source=row["cost_source"], reorder_point=row["reorder_point"],
    )


def product_values(p: Product) -> dict[str, Any]:
    return {"ndc": p.ndc, "name": p.name, "hcpcs": p.hcpcs, "strength": p.strength,
            "strength_unit": p.strength_unit, "volume_ml": p.volume_ml,
            "vials_per_package": p.vials_per_package, "single_dose": p.single_dose,
            "ndc_unit": p.ndc_unit, "package_cost": p.package_cost,
            "cost_source": p.cost_source, "reorder_point": p.reorder_point}


def lot_from_row(row: Row) -> Lot:
    return Lot(row["ndc"], row["lot_number"], row["expires_on"], row["vials_on_hand"],
               row["vial_cost"], row["received_at"], row["cost_source"], row["contract_id"],
               row["wac_vial_cost"])


def descriptor_from_row(row: Row) -> HcpcsDescriptor:
    return HcpcsDescriptor(row["code"], row["description"], row["amount"], row["unit"],
                           row["up_to"], row["unclassified"], row["source"])


def policy_to_json(policy: CodingPolicy) -> dict[str, Any]:
    return {"rounding": policy.rounding.value, "hydration_codes": sorted(policy.hydration_codes),
            "jw_jz": policy.jw_jz, "unclassified_needs_review": policy.unclassified_needs_review,
            "hydration_indications": sorted(policy.hydration_indications),
            "complex_admin": sorted(policy.complex_admin),
            "evidence_development": evidence_to_json(policy.evidence_development)}


def evidence_to_json(s: EvidenceSettings) -> dict[str, Any]:
    return {"applies": s.applies, "registry_number": s.registry_number,
            "drug_modifier": s.drug_modifier, "admin_modifier": s.admin_modifier}


def evidence_from_json(doc: Mapping[str, Any] | None) -> EvidenceSettings:
    """A payer's CED choices; absent (older rows): the rules' own (Medicare FFS, 99999999)."""
    doc = doc or {}
    return EvidenceSettings(applies=doc.get("applies"),
                            registry_number=doc.get("registry_number"),
                            drug_modifier=doc.get("drug_modifier"),
                            admin_modifier=doc.get("admin_modifier"))


def policy_from_json(doc: Mapping[str, Any]) -> CodingPolicy:
    return CodingPolicy(
        rounding=Rounding(doc.get("rounding", "up")),
        hydration_codes=frozenset(doc.get("hydration_codes", DEFAULT_HYDRATION)),
        jw_jz=bool(doc.get("jw_jz", True)),
        unclassified_needs_review=bool(doc.get("unclassified_needs_review", True)),
        hydration_indications=frozenset(
            doc.get("hydration_indications", DEFAULT_HYDRATION_INDICATIONS)),
        complex_admin=frozenset(doc.get("complex_admin", ())),
        evidence_development=evidence_from_json(doc.get("evidence_development")),
    )


def contract_from_row(row: Row) -> PayerContract:
    return PayerContract(
        payer_id=row["payer_id"], name=row["name"], kind=PayerKind(row["kind"]),
        drug_basis=DrugBasis(row["drug_basis"]), drug_percent=row["drug_percent"],
        drug_rates={k: Decimal(v) for k, v in row["drug_rates"].items()},
        admin_rates={k: Decimal(v) for k, v in row["admin_rates"].items()},
        coinsurance=row["coinsurance"], sequestration=row["sequestration"],
        policy=policy_from_json(row["policy"]), x12_payer_id=row["x12_payer_id"],
        claim_filing=row["claim_filing"], source=row["source"],
    )


def contract_values(c: PayerContract) -> dict[str, Any]:
    return {"payer_id": c.payer_id, "name": c.name, "kind": c.kind.value,
            "drug_basis": c.drug_basis.value, "drug_percent": c.drug_percent,
            "coinsurance": c.coinsurance, "sequestration": c.sequestration,
            "x12_payer_id": c.x12_payer_id, "claim_filing": c.claim_filing,
            "policy": policy_to_json(c.policy),
            "drug_rates": {k: str(v) for k, v in c.drug_rates.items()},
            "admin_rates": {k: str(v) for k, v in c.admin_rates.items()}, "source": c.source}


def visit_from_event(event: contracts.OrderAdministered) -> Visit:
    return Visit(
        order_id=event.order_id, practice_id=event.practice_id, patient_id=event.patient_id,
        diagnoses=tuple(event.diagnoses),
        payer_id=event.payer.payer_id if event.payer else None,
        # never read from the event (ids only, issue 13): the 837P takes the member id from
        # orders' payer identity when it is written; nothing here keeps it
        member_id=None,
        plan_id=event.payer.plan_id if event.payer else None,
        rendering_npi=event.rendering_provider_npi,
        administrations=tuple(
            Given(a.line_sequence, a.drug_code, a.hcpcs, a.mode, a.started_at, a.stopped_at,
                  a.dose_given, a.dose_unit, a.ndc, a.lot, a.wasted_amount,
                  fluid_purpose=a.fluid.purpose if a.fluid else None,
                  indication=a.fluid.indication if a.fluid else None)
            for a in event.administrations),
        completed_at=event.completed_at,
        ordering_practitioner_id=event.ordering_practitioner_id,
        supervising_practitioner_id=event.supervising_practitioner_id,
        coverage_id=event.coverage_id,
    )


def approval_from_event(event: contracts.AuthorizationApproved) -> Approval:
    return Approval(
        case_id=event.case_id, order_id=event.order_id, payer_id=event.payer_id,
        auth_number=event.auth_number,
        approved_units={line.hcpcs: line.approved_units for line in event.lines},
        valid_from=event.valid_from, valid_to=event.valid_to, decided_at=event.decided_at)
