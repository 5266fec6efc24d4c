"""The one error base of every service: a rule said no. Framework-free, so domain code raises
these (or its own subclasses) directly; the edge turns each into RFC 9457 problem+json in one
place (``chairside_shared.http_errors``). Details carry ids and codes, never PHI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "urn:chairside:problem:"


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class DomainError(Exception):
    """A refusal the caller can act on. ``status`` is the HTTP status the edge answers with,
    ``code`` the problem type's slug (``urn:chairside:problem:<code>``); keyword extras land
    in the body (e.g. ``next_options``, ``findings``)."""

    status = 400
    title = "Bad request"
    code = ""  # empty: the title, slugged

    def __init__(
        self,
        detail: str | None = None,
        *,
        code: str | None = None,
        status: int | None = None,
        title: str | None = None,
        type_: str | None = None,
        field: str | None = None,
        errors: list[FieldError] | list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail or title or self.title)
        self.status = status or self.status
        self.title = title or self.title
        self.detail = detail
        if type_ is not None:
            code = type_.removeprefix(TYPE_BASE)
        self.code = code or self.code or self.title.lower().replace(" ", "-")
        found = [e if isinstance(e, FieldError) else FieldError(e["field"], e["message"])
                 for e in errors or []]
        if field is not None and not found:
            found = [FieldError(field, detail or self.title)]
        self.errors: list[FieldError] | None = found or None
        self.headers = headers
        self.extra = extra

    @property
    def type_(self) -> str:
        return TYPE_BASE + self.code


Problem = DomainError  # the name routes and older modules use


class NotFound(DomainError):
    status, title, code = 404, "Not found", "not-found"


class Conflict(DomainError):
    status, title, code = 409, "Conflict", "conflict"


class Forbidden(DomainError):
    status, title, code = 403, "Forbidden", "forbidden"


class InvalidInput(DomainError):
    """422 naming the field and the reason."""

    status, title, code = 422, "Validation failed", "validation-failed"

    def __init__(self, field: str, message: str, **kw: Any) -> None:
        super().__init__(f"{field}: {message}", errors=[FieldError(field, message)], **kw)


class ServiceUnavailable(DomainError):
    status, title, code = 503, "Service unavailable", "service-unavailable"
