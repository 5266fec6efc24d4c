"""A hold: one item the 837P needs that the claim does not have yet (an identity, an NDC).

A claim with holds is ``held``: it is never exported with a stand-in, and the hold names the
item (``item`` is a stable name such as ``patient.demographics`` or ``ndc``) so staff know
what to record."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hold:
    item: str
    detail: str
    line: int | None = None  # the administration line (MAR sequence), for line-level items


def hold_items(holds: tuple[Hold, ...] | list[Hold]) -> list[str]:
    """The items named once each, in the order found."""
    return list(dict.fromkeys(h.item for h in holds))
