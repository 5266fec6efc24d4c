"""Package NDCs in the catalog: the 10-digit code as the carton prints it, and its billing form.

A carton prints a 10-digit NDC in one of three segment shapes (4-4-2, 5-3-2, 5-4-1). Claims
(837P LIN*N4) carry the 11-digit 5-4-2 form: the short segment gets one leading zero. Only
the hyphenated form says which segment is short, so the catalog keeps the hyphens and refuses
anything else rather than guess (a wrong NDC on a claim is a wrong claim). The same rule lives
in reimbursement's ``domain/ndc.py``, which bills what administration records carry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_PACKAGE_NDC = re.compile(r"^(\d{4,5})-(\d{3,4})-(\d{1,2})$")
_SHAPES = frozenset({(4, 4, 2), (5, 3, 2), (5, 4, 1)})
_BILLING = (5, 4, 2)


class NdcError(ValueError):
    """The text is not a 10-digit package NDC with hyphens."""


def billing_ndc(package_ndc: str) -> str:
    """The 11-digit 5-4-2 billing code (no hyphens) of a hyphenated 10-digit package NDC."""
    match = _PACKAGE_NDC.match(package_ndc)
    if match is None:
        raise NdcError(f"{package_ndc!r}: expected a hyphenated 10-digit NDC")
    parts = match.groups()
    shape = tuple(len(p) for p in parts)
    if shape not in _SHAPES:
        raise NdcError(f"{package_ndc!r}: segments {'-'.join(map(str, shape))} are not "
                       "4-4-2, 5-3-2 or 5-4-1")
    if int(parts[0]) == 0:
        raise NdcError(f"{package_ndc!r}: labeler code cannot be all zeros")
    return "".join(p.zfill(width) for p, width in zip(parts, _BILLING, strict=True))


def catalog_ndc_problems(code: str, ndcs: Iterable[str],
                         sources: Mapping[str, str]) -> list[str]:
    """What is wrong with a drug's listed NDCs: each must be a valid package NDC, no two may
    bill as the same 11-digit code, and a listed NDC needs a source (unsourced codes are not
    listed at all: the catalog's rule for facts)."""
    listed = list(ndcs)
    problems: list[str] = []
    seen: dict[str, str] = {}
    for ndc in listed:
        try:
            billed = billing_ndc(ndc)
        except NdcError as exc:
            problems.append(f"{code}: {exc}")
            continue
        if billed in seen:
            problems.append(f"{code}: {ndc} and {seen[billed]} both bill as {billed}")
        seen[billed] = ndc
    if listed and not sources.get("ndcs", "").strip():
        problems.append(f"{code}: listed NDCs need a source (sources.ndcs)")
    return problems
