"""The refusals of the reimbursement service, as DomainErrors (mapped to problem+json at the
edge). Each keeps the problem type its answers always had: the slug is part of the contract."""

from __future__ import annotations

from chairside_shared.errors import Conflict, DomainError


class ClaimConflict(Conflict):
    """The claim's status does not allow the action (409, type ``conflict``)."""


class RejectedFile(DomainError):
    """An ASP pricing file that does not parse; nothing was imported."""

    status, title, code = 422, "File rejected", "file-rejected"


class RejectedRemittance(DomainError):
    """An 835 that does not parse or balance; nothing was posted."""

    status, title, code = 422, "Remittance rejected", "remittance-rejected"
