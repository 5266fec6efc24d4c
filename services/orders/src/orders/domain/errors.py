"""Domain errors: each a ``chairside_shared.errors.DomainError`` with its HTTP status, title and
problem type (``urn:chairside:problem:<code>``), so the one shared handler answers every one as
problem+json. Messages carry ids and codes only, never PHI."""

from __future__ import annotations

from chairside_shared import errors as shared
from chairside_shared.errors import DomainError, FieldError
from orders.domain.findings import Finding

__all__ = ["Conflict", "DomainError", "FieldError", "IllegalTransition", "NotFound",
           "NotPermitted", "SignBlocked", "ValidationFailed"]


class ValidationFailed(DomainError):
    """422 naming every field at fault."""

    status, title, code = 422, "Validation failed", "validation-failed"
    errors: list[FieldError]

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)
        self.errors = list(errors)


class IllegalTransition(DomainError):
    """409; the body says which status the order is in (``current_status``)."""

    status, title, code = 409, "Illegal status transition", "illegal-transition"

    def __init__(self, current: str, action: str) -> None:
        self.current, self.action = current, action
        super().__init__(f"cannot {action} an order in status {current}",
                         current_status=str(current))


class SignBlocked(DomainError):
    """Signing refused: block findings stand without an override (409, with the findings)."""

    status, title, code = 409, "Blocked by safety findings", "sign-blocked"

    def __init__(self, blocking: list[Finding]) -> None:
        self.blocking = blocking
        codes = ", ".join(sorted({f.code for f in blocking}))
        super().__init__(f"un-overridden block findings: {codes}",
                         findings=[f.to_dict() for f in blocking])


class NotPermitted(shared.Forbidden):
    """403: the caller lacks the scope this needs."""


class Conflict(shared.Conflict):
    """409: a uniqueness or concurrency conflict."""


class NotFound(shared.NotFound):
    """404: no such thing, or one the caller's practice may not see."""
