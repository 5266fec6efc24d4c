"""Domain errors: refusals the caller can act on. Messages carry ids and codes only, never
patient details.

Each is a ``chairside_shared.errors.DomainError`` (framework-free) with the HTTP ``status``,
``title`` and problem type ``code`` it answers with; ``chairside_shared.http_errors`` turns it
into problem+json in one place. The codes are part of the public API: keep them.
"""

from __future__ import annotations

from chairside_shared.errors import DomainError, FieldError

__all__ = [
    "AuthorizationError",
    "ConcurrentUpdate",
    "FieldError",
    "IdentityUnavailable",
    "InvalidTransition",
    "NotFound",
    "PayerResponseInvalid",
    "SubmissionBlocked",
    "ValidationFailed",
]


class AuthorizationError(DomainError):
    """Base of every authorization refusal."""

    status, title, code = 400, "Bad request", "authorization-error"


class NotFound(AuthorizationError):
    """An id (payer, plan, case) that does not exist."""

    status, title, code = 404, "Not found", "not-found"


class InvalidTransition(AuthorizationError):
    """The case's status does not allow the requested action."""

    status, title, code = 409, "Conflict", "invalid-transition"

    def __init__(self, case_id: object, current_status: str, action: str) -> None:
        super().__init__(f"case {case_id} is {current_status}; cannot {action}",
                         current_status=current_status)
        self.case_id = case_id
        self.current_status = current_status
        self.action = action


class ValidationFailed(AuthorizationError):
    """Bad input with a list of field errors (the whole body when none is named)."""

    status, title, code = 422, "Validation failed", "validation-failed"

    def __init__(self, message: str, errors: list[FieldError] | None = None) -> None:
        super().__init__(message, errors=list(errors or []) or [FieldError("body", message)])


class SubmissionBlocked(AuthorizationError):
    """The case cannot be sent to the payer yet (missing documentation, unknown payer)."""

    status, title, code = 409, "Conflict", "submission-blocked"

    def __init__(self, case_id: object, reasons: list[str]) -> None:
        super().__init__(f"case {case_id} cannot be submitted: " + "; ".join(reasons),
                         reasons=list(reasons))
        self.reasons = reasons


class PayerResponseInvalid(AuthorizationError):
    """A payer answer we refuse to apply (negative units, reversed dates, unknown code...).

    It is recorded in the case history with the verbatim response; the case is left as it was.
    """

    status, title, code = 502, "Bad gateway", "payer-response-invalid"

    def __init__(self, problems: list[str] | None = None) -> None:
        self.problems: list[str] = list(problems or [])
        super().__init__("invalid payer response: " + "; ".join(self.problems))


class ConcurrentUpdate(AuthorizationError):
    """Another writer changed the case first (optimistic lock); the handler retries."""

    status, title, code = 409, "Conflict", "concurrent-update"


class IdentityUnavailable(AuthorizationError):
    """The orders service could not be asked who a PAS request or an eligibility check is about
    (down, timed out, refused, answered unreadably); the case is left as it was and can be
    submitted again. ``retryable`` when asking again may pass (down, 5xx)."""

    status, title, code = 503, "Service unavailable", "identity-unavailable"

    def __init__(self, message: str, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable
