"""Drug lines: HCPCS units, NDC quantity and qualifier, JW/JZ, and what left the shelf.

One line per HCPCS code and NDC (doses of the same product given twice in a visit are summed
before rounding). Single-dose containers get JZ when nothing billable was discarded, or a
second JW line with the discarded whole units. Anything the builder cannot code with certainty
(unknown or missing NDC, unknown descriptor, dose unit it cannot convert, unclassified code)
becomes a review reason instead of a guess. A drug given without a recorded NDC keeps its line
(HCPCS and units from the order's code and the dose, no NDC) and holds the claim (``Hold`` item
``ndc``) until the NDC is recorded: it never silently drops out of the claim.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal

from reimbursement.domain.fees import CodingPolicy
from reimbursement.domain.hcpcs import HcpcsDescriptor, billing_units, discarded_units
from reimbursement.domain.holds import Hold
from reimbursement.domain.hydration import is_hydration
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
    ndc: str | None  # None only while the claim is held for it
    ndc_qty: Decimal | None
    ndc_unit: str | None
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
    holds: tuple[Hold, ...] = ()


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
    holds: list[Hold] = []
    pending: list[DrugLine] = []  # lines waiting for their NDC
    groups: dict[tuple[str, str], _Group] = {}
    for g in sorted(given, key=lambda x: x.sequence):
        if g.fluid_purpose in ("carrier", "kvo"):
            # part of the drug's administration (prior-auth-billing.md B1 ex. 2), not a supply;
            # the bag still leaves the shelf and costs what it costs
            notes.append(f"line {g.sequence}: {g.drug_code} ran as {g.fluid_purpose}: the bag "
                         "is not billed")
            consumptions.extend(_unbilled_bag(g, products))
            continue
        if g.ndc is None and g.dose >= 0 and g.wasted >= 0 and not _unbilled_fluid(g, policy):
            holds.append(Hold("ndc", f"line {g.sequence}: no NDC recorded for {g.drug_code}",
                              g.sequence))
            pending += _without_ndc(g, descriptors, policy, reviews)
            continue
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
    return DrugCoding(tuple(lines + pending), tuple(reviews), tuple(notes),
                      tuple(consumptions), tuple(holds))


def _unbilled_bag(g: Given, products: Mapping[str, Product]) -> list[Consumption]:
    """A carrier or KVO bag: a whole bag opened (what is left in it is discarded)."""
    try:
        product = products.get(normalize_ndc(g.ndc)) if g.ndc else None
        if product is None or g.dose <= 0:
            return []
        given = product.to_strength_unit(g.dose, g.dose_unit)
    except (NdcError, UnitError):
        return []
    bags = max(Decimal(1), (given / product.strength).to_integral_value(rounding=ROUND_CEILING))
    return [Consumption(g.sequence, product.ndc, bags, given, ZERO,
                        max(bags * product.strength - given, ZERO), g.lot)]


def _unbilled_fluid(g: Given, policy: CodingPolicy) -> bool:
    """A hydration fluid with neither HCPCS nor NDC is not billed as a supply (a note)."""
    return is_hydration(g, policy.hydration_codes) and not g.hcpcs


def _without_ndc(g: Given, descriptors: Mapping[str, HcpcsDescriptor], policy: CodingPolicy,
                 reviews: list[Review]) -> list[DrugLine]:
    """The line as far as the order's HCPCS and the dose say (no NDC, no JW/JZ: the product
    decides those); nothing when the order named no HCPCS (the NDC will say which)."""
    if not g.hcpcs:
        return []
    descriptor = descriptors.get(g.hcpcs)
    if descriptor is None:
        reviews.append(Review("unknown_hcpcs", f"line {g.sequence}: no descriptor on file for "
                              f"{g.hcpcs}", g.sequence))
        return []
    try:
        dose = convert(g.dose, g.dose_unit, descriptor.unit)
    except UnitError:
        return []  # the product's concentration is needed: the NDC will give it
    units = billing_units(dose, descriptor, policy.rounding)
    return [DrugLine(g.hcpcs, (), units, None, None, None, (g.sequence,))] if units else []


def _resolve(
    g: Given, products: Mapping[str, Product], descriptors: Mapping[str, HcpcsDescriptor],
    policy: CodingPolicy, reviews: list[Review], notes: list[str],
) -> tuple[Product, HcpcsDescriptor, str] | None:
    seq = g.sequence
    if g.dose < 0 or g.wasted < 0:
        reviews.append(Review("bad_amount", f"line {seq}: dose and waste cannot be negative", seq))
        return None
    if g.ndc is None:  # a fluid billed as no supply (NDC-less drugs are held before this)
        notes.append(f"line {seq}: fluid with no HCPCS or NDC is not billed as a supply")
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
