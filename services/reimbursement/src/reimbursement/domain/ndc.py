"""National Drug Codes: every NDC we store or bill is the 11-digit 5-4-2 form, no hyphens.

Labels print 10-digit NDCs in three shapes (4-4-2, 5-3-2, 5-4-1); the billing form pads the
short segment with a leading zero. A bare 10-digit string cannot be converted because the
short segment is unknown, so it is refused rather than guessed: a wrong NDC on a claim is a
wrong claim.
"""

from __future__ import annotations

import re

_HYPHENATED = re.compile(r"^(\d{4,5})-(\d{3,4})-(\d{1,2})$")
_TARGET = (5, 4, 2)
_TEN_DIGIT_SHAPES = {(4, 4, 2), (5, 3, 2), (5, 4, 1)}


class NdcError(ValueError):
    """The text is not a usable NDC; the message says why (never echoes PHI: NDCs are codes)."""


def normalize_ndc(raw: str) -> str:
    """Return the 11-digit billing form of ``raw``.

    Accepts 11 plain digits, hyphenated 5-4-2, or a hyphenated 10-digit form.
    """
    text = raw.strip().replace(" ", "")
    if not text:
        raise NdcError("empty NDC")
    if text.isdigit():
        if len(text) == 11:
            return _check(text)
        if len(text) == 10:
            raise NdcError(
                "10-digit NDC without hyphens is ambiguous; give it as 4-4-2, 5-3-2 or 5-4-1"
            )
        raise NdcError(f"NDC must have 10 or 11 digits, got {len(text)}")
    match = _HYPHENATED.match(text)
    if not match:
        raise NdcError(f"not an NDC: {text[:20]!r}")
    parts = match.groups()
    shape = tuple(len(p) for p in parts)
    if shape != _TARGET and shape not in _TEN_DIGIT_SHAPES:
        raise NdcError(f"unknown NDC segment shape {'-'.join(map(str, shape))}")
    padded = "".join(p.zfill(width) for p, width in zip(parts, _TARGET, strict=True))
    return _check(padded)


def _check(ndc11: str) -> str:
    if ndc11[:5] == "00000":
        raise NdcError("NDC labeler code cannot be all zeros")
    return ndc11


def format_ndc(ndc11: str) -> str:
    """Display form 5-4-2 with hyphens (never used on the wire)."""
    if len(ndc11) != 11 or not ndc11.isdigit():
        raise NdcError("expected an 11-digit NDC")
    return f"{ndc11[:5]}-{ndc11[5:9]}-{ndc11[9:]}"
