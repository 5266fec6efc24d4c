"""Drug lines: HCPCS units, NDC quantity and qualifier, JW/JZ, and what left the shelf.

One line per HCPCS code and NDC (doses of the same product given twice in a visit are summed
before rounding). Single-dose containers get JZ when nothing billable was discarded, or a
second JW line with the discarded whole units. Anything the builder cannot code with certainty
(unknown or missing NDC, unknown descriptor, dose unit it cannot convert, unclassified code)
becomes a review reason instead of a guess.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from reimbursement.domain.admin_coding import is_hydration
from reimbursement.domain.fees import CodingPolicy
from reimbursement.domain.hcpcs import HcpcsDescriptor, billing_units, discarded_units
from reimbursement.domain.inventory import Product
from reimbursement.domain.money import ZERO, qty
from reimbursement.domain.ndc import NdcError, format_ndc, normalize_ndc
from reimbursement.domain.units import UnitError, convert
from reimbursement.domain.visit import Given

MIN_QTY = Decimal("0.001")


@dataclass(frozen=True, slots=True)
class Review:
    code: str
    detail: str
    sequence: int | None = None


@dataclass(frozen=True, slots=True)
class DrugLine:
    code: str
    modifiers: tuple[str, ...]
    units: int
    ndc: str
    ndc_qty: Decimal
    ndc_unit: str
    sequences: tuple[int, ...]
    description: str | None = None  # required in SV101-7 for unclassified codes


@dataclass(frozen=True, slots=True)
class Consumption:
    """Containers one administration took from stock, and where its drug went."""

    sequence: int
    ndc: str
    vials: Decimal
    given: Decimal  # in the product's strength unit
    wasted: Decimal  # documented discard
    residual: Decimal  # opened single-dose content neither given nor documented
    lot: str | None


@dataclass(frozen=True, slots=True)
class DrugCoding:
    lines: tuple[DrugLine, ...]
    reviews: tuple[Review, ...]
    notes: tuple[str, ...]
    consumptions: tuple[Consumption, ...]


@dataclass
class _Group:
    hcpcs: str
    product: Product
    descriptor: HcpcsDescriptor
    dose: Decimal = ZERO  # descriptor unit
    waste: Decimal = ZERO  # descriptor unit
    residual: Decimal = ZERO  # descriptor unit
    given_s: Decimal = ZERO  # strength unit
    waste_s: Decimal = ZERO
    sequences: list[int] = field(default_factory=list)


def code_drugs(
    given: Sequence[Given], products: Mapping[str, Product],
    descriptors: Mapping[str, HcpcsDescriptor], policy: CodingPolicy,
) -> DrugCoding:
    reviews: list[Review] = []
    notes: list[str] = []
    consumptions: list[Consumption] = []
    groups: dict[tuple[str, str], _Group] = {}
    for g in sorted(given, key=lambda x: x.sequence):
        resolved = _resolve(g, products, descriptors, policy, reviews, notes)
        if resolved is None:
            continue
        product, descriptor, hcpcs = resolved
        try:
            dose_s = product.to_strength_unit(g.dose, g.dose_unit)
            waste_s = product.to_strength_unit(g.wasted, g.dose_unit)
            to_desc = _to_descriptor(product, descriptor)
        except UnitError as exc:
            reviews.append(Review("dose_unit", f"line {g.sequence}: {exc}", g.sequence))
            continue
        vials = product.vials_for(dose_s, waste_s)
        residual_s = vials * product.strength - dose_s - waste_s if product.single_dose else ZERO
        consumptions.append(Consumption(g.sequence, product.ndc, vials, dose_s, waste_s,
                                        max(residual_s, ZERO), g.lot))
        group = groups.setdefault((hcpcs, product.ndc), _Group(hcpcs, product, descriptor))
        group.dose += to_desc(dose_s)
        group.waste += to_desc(waste_s)
        group.residual += to_desc(max(residual_s, ZERO))
        group.given_s += dose_s
        group.waste_s += waste_s
        group.sequences.append(g.sequence)
    lines: list[DrugLine] = []
    for group in groups.values():
        lines.extend(_lines_for(group, policy, reviews, notes))
    return DrugCoding(tuple(lines), tuple(reviews), tuple(notes), tuple(consumptions))


def _resolve(
    g: Given, products: Mapping[str, Product], descriptors: Mapping[str, HcpcsDescriptor],
    policy: CodingPolicy, reviews: list[Review], notes: list[str],
) -> tuple[Product, HcpcsDescriptor, str] | None:
    seq = g.sequence
    if g.dose < 0 or g.wasted < 0:
        reviews.append(Review("bad_amount", f"line {seq}: dose and waste cannot be negative", seq))
        return None
    if g.ndc is None:
        if is_hydration(g, policy.hydration_codes) and not g.hcpcs:
            notes.append(f"line {seq}: fluid with no HCPCS or NDC is not billed as a supply")
            return None
        reviews.append(Review("missing_ndc", f"line {seq}: no NDC recorded for {g.drug_code}", seq))
        return None
    try:
        ndc = normalize_ndc(g.ndc)
    except NdcError as exc:
        reviews.append(Review("invalid_ndc", f"line {seq}: {exc}", seq))
        return None
    product = products.get(ndc)
    if product is None:
        reviews.append(Review("unknown_ndc", f"line {seq}: NDC {format_ndc(ndc)} is not a "
                              "product in inventory", seq))
        return None
    if g.hcpcs and product.hcpcs and g.hcpcs != product.hcpcs:
        reviews.append(Review("hcpcs_mismatch", f"line {seq}: order says {g.hcpcs} but NDC "
                              f"{format_ndc(ndc)} crosswalks to {product.hcpcs}", seq))
        return None
    hcpcs = g.hcpcs or product.hcpcs
    if not hcpcs:
        reviews.append(Review("no_hcpcs", f"line {seq}: no HCPCS code for {g.drug_code}", seq))
        return None
    descriptor = descriptors.get(hcpcs)
    if descriptor is None:
        reviews.append(Review("unknown_hcpcs", f"line {seq}: no descriptor on file for {hcpcs}",
                              seq))
        return None
    return product, descriptor, hcpcs


def _to_descriptor(product: Product, descriptor: HcpcsDescriptor,
                   ) -> Callable[[Decimal], Decimal]:
    unit, mg_per_ml = product.strength_unit, product.mg_per_ml
    convert(Decimal("1"), unit, descriptor.unit, mg_per_ml=mg_per_ml)  # fail early if impossible
    return lambda amount: convert(amount, unit, descriptor.unit, mg_per_ml=mg_per_ml)


def _lines_for(
    group: _Group, policy: CodingPolicy, reviews: list[Review], notes: list[str],
) -> list[DrugLine]:
    product, descriptor, seqs = group.product, group.descriptor, tuple(group.sequences)
    unit = product.strength_unit
    if group.dose == 0:
        notes.append(f"{group.hcpcs}: no drug given on lines {list(seqs)}; nothing billed")
        return []
    if descriptor.unclassified:
        if policy.unclassified_needs_review:
            reviews.append(Review("unclassified_code", f"{group.hcpcs} is unclassified: the payer "
                                  "needs the drug name, dose and often the invoice"))
        amount = f"{group.given_s.normalize():f} {unit}"
        return [DrugLine(group.hcpcs, (), 1, product.ndc,
                         _ndc_qty(product, group.given_s, unit), product.ndc_unit, seqs,
                         description=f"{product.name} {amount}"[:80])]
    units = billing_units(group.dose, descriptor, policy.rounding)
    single = product.single_dose and policy.jw_jz
    jw = discarded_units(group.waste, descriptor) if single else 0
    if (single and group.residual > 0
            and discarded_units(group.waste + group.residual, descriptor) > jw):
        reviews.append(Review(
            "undocumented_waste",
            f"{group.hcpcs} NDC {format_ndc(product.ndc)}: opened single-dose content not "
            "given and not documented as discarded; document the waste before billing"))
    main_amount = group.given_s + (group.waste_s if single and jw == 0 else ZERO)
    mods: tuple[str, ...] = ("JZ",) if single and jw == 0 else ()
    lines = [DrugLine(group.hcpcs, mods, units, product.ndc,
                      _ndc_qty(product, main_amount, unit), product.ndc_unit, seqs)]
    if jw:
        lines.append(DrugLine(group.hcpcs, ("JW",), jw, product.ndc,
                              _ndc_qty(product, group.waste_s, unit), product.ndc_unit, seqs))
    return lines


def _ndc_qty(product: Product, amount: Decimal, unit: str) -> Decimal:
    return max(qty(product.ndc_quantity(amount, unit)), MIN_QTY)
