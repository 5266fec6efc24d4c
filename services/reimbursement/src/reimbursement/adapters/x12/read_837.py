"""Read an 837P back through pyx12's loop-aware reader (round-trip checks and batch audits)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal

import pyx12.error_handler
import pyx12.params
import pyx12.x12context


@dataclass(frozen=True, slots=True)
class ReadLine:
    code: str
    modifiers: tuple[str, ...]
    charge: Decimal
    units: Decimal
    pointers: tuple[int, ...]
    service_date: str
    ndc: str | None
    ndc_qty: Decimal | None
    ndc_unit: str | None
    description: str | None


@dataclass(frozen=True, slots=True)
class ReadClaim:
    account_number: str
    total_charge: Decimal
    place_of_service: str
    frequency: str
    auth_number: str | None
    diagnoses: tuple[str, ...]
    rendering_npi: str | None
    member_id: str | None
    payer_id: str | None
    lines: tuple[ReadLine, ...]
    registry_number: str | None = None  # 2300 REF*P4 (demonstration project identifier)


@dataclass(frozen=True, slots=True)
class LoopSegment:
    """One segment as pyx12 placed it: ``loop`` its innermost loop (2010AA, 2420E, HEADER...),
    ``path`` every loop from the top (2000A/2000B/2300/2400), ``text`` the segment."""

    loop: str
    path: str
    text: str

    @property
    def elements(self) -> list[str]:
        return self.text.split("*")


def loop_segments(text: str) -> list[LoopSegment]:
    """Every segment of an 837P with the loop pyx12's 005010X222A1 map puts it in."""
    errh = pyx12.error_handler.err_handler()
    out: list[LoopSegment] = []
    with pyx12.x12context.X12ContextReader(pyx12.params.params(), errh, io.StringIO(text)) as src:
        for node in src.iter_segments():
            loops = [p for p in node.cur_path.split("/")[:-1] if p and not p.endswith("_LOOP")]
            loops = [p for p in loops if p != "DETAIL"]
            out.append(LoopSegment(loops[-1] if loops else "", "/".join(loops),
                                   node.seg_data.format("", "*", ":")))
    return out


def read_837p(text: str) -> list[ReadClaim]:
    errh = pyx12.error_handler.err_handler()
    claims: list[ReadClaim] = []
    member = payer = None
    with pyx12.x12context.X12ContextReader(pyx12.params.params(), errh, io.StringIO(text)) as src:
        for tree in src.iter_segments("2300"):
            if tree.id == "NM1":  # outside 2300 the reader yields plain segments
                qualifier = tree.get_value("NM101")
                if qualifier == "IL":
                    member = tree.get_value("NM109")
                elif qualifier == "PR":
                    payer = tree.get_value("NM109")
            if tree.id != "2300":
                continue
            diagnoses = tuple(
                v for v in (tree.get_value(f"HI{i:02d}-2") for i in range(1, 13)) if v)
            claims.append(ReadClaim(
                account_number=tree.get_value("CLM01"),
                total_charge=Decimal(tree.get_value("CLM02")),
                place_of_service=tree.get_value("CLM05-1"),
                frequency=tree.get_value("CLM05-3"),
                auth_number=tree.get_value("REF[G1]02"),
                diagnoses=diagnoses,
                rendering_npi=tree.get_value("2310B/NM109"),
                member_id=member, payer_id=payer,
                lines=tuple(_line(ln) for ln in tree.select("2400")),
                registry_number=tree.get_value("REF[P4]02"),
            ))
    return claims


def _line(ln: pyx12.x12context.X12DataNode) -> ReadLine:  # pyx12 ships no types
    mods = tuple(m for m in (ln.get_value(f"SV101-{i}") for i in range(3, 7)) if m)
    pointers = tuple(int(p) for p in (ln.get_value(f"SV107-{i}") for i in range(1, 5)) if p)
    qty = ln.get_value("2410/CTP04")
    return ReadLine(
        code=ln.get_value("SV101-2"), modifiers=mods, charge=Decimal(ln.get_value("SV102")),
        units=Decimal(ln.get_value("SV104")), pointers=pointers,
        service_date=ln.get_value("DTP[472]03"), ndc=ln.get_value("2410/LIN03"),
        ndc_qty=Decimal(qty) if qty else None, ndc_unit=ln.get_value("2410/CTP05-1"),
        description=ln.get_value("SV101-7"),
    )
