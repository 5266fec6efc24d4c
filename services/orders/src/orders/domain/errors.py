"""Domain errors. The API maps them: FieldErrors -> 422, NotPermitted -> 403,
IllegalTransition/SignBlocked/Conflict -> 409, NotFound -> 404. Messages carry ids only."""

from __future__ import annotations

from dataclasses import dataclass


class DomainError(Exception):
    """Base of every rule violation the caller can act on."""


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ValidationFailed(DomainError):
    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))


class IllegalTransition(DomainError):
    def __init__(self, current: str, action: str):
        self.current, self.action = current, action
        super().__init__(f"cannot {action} an order in status {current}")


class SignBlocked(DomainError):
    """Signing refused: block findings stand without an override."""

    def __init__(self, blocking: list):
        self.blocking = blocking
        codes = ", ".join(sorted({f.code for f in blocking}))
        super().__init__(f"un-overridden block findings: {codes}")


class NotPermitted(DomainError):
    pass


class Conflict(DomainError):
    pass


class NotFound(DomainError):
    pass
