"""RFC 9457 problem details: the one error shape of the whole API."""

from __future__ import annotations

from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

PROBLEM_MEDIA_TYPE = "application/problem+json"
# The same type namespace as the services' own problems (chairside_shared.errors).
TYPE_BASE = "urn:chairside:problem:"


@dataclass
class Problem(Exception):
    status: int
    slug: str
    detail: str
    errors: list[dict[str, str]] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str:
        try:
            return HTTPStatus(self.status).phrase
        except ValueError:
            return "Error"

    def body(self, instance: str | None = None) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "type": TYPE_BASE + self.slug,
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        if instance:
            doc["instance"] = instance
        if self.errors is not None:
            doc["errors"] = self.errors
        doc.update(self.extra)
        return doc


def unauthorized(detail: str, error: str = "invalid_token") -> Problem:
    # RFC 6750 §3: say which scheme and why, without echoing the token.
    return Problem(401, "unauthorized", detail,
                   headers={"WWW-Authenticate": f'Bearer error="{error}"'})


def forbidden(detail: str) -> Problem:
    return Problem(403, "forbidden", detail)


def insufficient_scope(scope: str) -> Problem:
    return Problem(403, "insufficient-scope", f"this route needs the scope {scope}",
                   headers={"WWW-Authenticate":
                            f'Bearer error="insufficient_scope", scope="{scope}"'})


def not_found(detail: str = "no such resource") -> Problem:
    return Problem(404, "not-found", detail)


def validation(errors: list[dict[str, str]], detail: str = "the request is not valid") -> Problem:
    return Problem(422, "validation-error", detail, errors=errors)


def service_unavailable(upstream: str, retry_after: str) -> Problem:
    return Problem(503, "service-unavailable",
                   f"the {upstream} service is unavailable; retry later",
                   headers={"Retry-After": retry_after}, extra={"service": upstream})


def error_location(loc: tuple[Any, ...] | list[Any]) -> str:
    """A pydantic error location as a dotted field path (`lines.0.dose`)."""
    return ".".join(str(p) for p in loc if p not in ("body", "query", "path")) or "body"
