"""The refusals of the reimbursement service, as DomainErrors (mapped to problem+json at the
edge). Each keeps the problem type its answers always had: the slug is part of the contract."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from uuid import UUID

from chairside_shared.errors import Conflict, DomainError
from reimbursement.domain.holds import Hold, hold_items


class ClaimConflict(Conflict):
    """The claim's status does not allow the action (409, type ``conflict``)."""


class ClaimHeld(Conflict):
    """The claim lacks items the 837P needs (409, type ``claim-held``): ``missing`` names each
    item (never a value: no PHI), ``holds`` adds what is wrong with it."""

    title, code = "Claim held", "claim-held"

    @classmethod
    def of(cls, claim_id: UUID, holds: Sequence[Hold], action: str) -> ClaimHeld:
        items = hold_items(list(holds))
        return cls(f"the claim is held and cannot be {action} until these are recorded: "
                   + ", ".join(items), claim_id=str(claim_id), missing=items,
                   holds=[{"item": h.item, "detail": h.detail, "line": h.line}
                          for h in holds])

    @classmethod
    def batch(cls, held: Mapping[UUID, Sequence[Hold]]) -> ClaimHeld:
        """Several claims of one export are held: each with its items."""
        items = hold_items([h for holds in held.values() for h in holds])
        return cls(f"{len(held)} claim(s) held; nothing was exported. Missing: "
                   + ", ".join(items), missing=items,
                   claims=[{"claim_id": str(i), "missing": hold_items(list(h))}
                           for i, h in held.items()])


class InvalidIdentity(DomainError):
    """The billing identity or a payer enrollment breaks a rule (422 naming each field)."""

    status, title, code = 422, "Validation failed", "validation-failed"


class RejectedFile(DomainError):
    """An ASP pricing file that does not parse; nothing was imported."""

    status, title, code = 422, "File rejected", "file-rejected"


class RejectedRemittance(DomainError):
    """An 835 that does not parse or balance; nothing was posted."""

    status, title, code = 422, "Remittance rejected", "remittance-rejected"
