"""Domain errors. Messages carry ids and codes only, never patient details."""

from __future__ import annotations

from dataclasses import dataclass, field


class AuthorizationError(Exception):
    """Base of every domain error; the API maps subclasses to problem+json."""


class NotFound(AuthorizationError):
    """An id (payer, plan, case) that does not exist."""


class InvalidTransition(AuthorizationError):
    """The case's status does not allow the requested action (HTTP 409)."""

    def __init__(self, case_id: object, status: str, action: str) -> None:
        super().__init__(f"case {case_id} is {status}; cannot {action}")
        self.case_id = case_id
        self.status = status
        self.action = action


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ValidationFailed(AuthorizationError):
    """Bad input with a list of field errors (HTTP 422)."""

    def __init__(self, message: str, errors: list[FieldError] | None = None) -> None:
        super().__init__(message)
        self.errors: list[FieldError] = list(errors or [])


class SubmissionBlocked(AuthorizationError):
    """The case cannot be sent to the payer yet (missing documentation, unknown payer)."""

    def __init__(self, case_id: object, reasons: list[str]) -> None:
        super().__init__(f"case {case_id} cannot be submitted: " + "; ".join(reasons))
        self.reasons = reasons


@dataclass
class PayerResponseInvalid(AuthorizationError):
    """A payer answer we refuse to apply (negative units, reversed dates, unknown code...).

    It is recorded in the case history with the verbatim response; the case is left as it was.
    """

    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return "invalid payer response: " + "; ".join(self.problems)


class ConcurrentUpdate(AuthorizationError):
    """Another writer changed the case first (optimistic lock); the handler retries."""
