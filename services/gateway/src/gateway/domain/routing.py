"""Route-table machinery: what a route is, and exact template matching.

The table itself (one line per public route, from shared/api.md) is
entrypoints/api/table.py: it names each route's schemas by class (the models generated from
the services' OpenAPI documents, or the gateway's own), which this layer holds without
knowing what they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import quote


class Access(StrEnum):
    PUBLIC = "public"  # no token (token endpoint, JWKS)
    PRACTICE = "practice"  # data owned by one practice: a bound partner sees only its own
    SHARED = "shared"  # reference data any caller holding the scope may read
    CLINIC = "clinic"  # the center's own operations: never open to a partner client


class Kind(StrEnum):
    LIST = "list"  # paginated {items, next_cursor}
    ITEM = "item"  # GET of one resource named by the path id
    CREATE = "create"  # POST creating a resource owned through a body field
    ACTION = "action"  # anything else on a resource named by the path id
    OTHER = "other"  # no per-resource ownership (catalog, admin, reports)
    # A read sent as POST so that its criteria (names, birth dates) stay out of URLs: the
    # answer lists the ids found (`Route.found`), each checked like a list item. Never stored
    # under an Idempotency-Key (a read repeats safely; nothing derived from names is kept).
    SEARCH = "search"
    # A report over several practices' figures, filtered by its `practice_id` query: a bound
    # partner's query is forced to its own practice (another practice named: 404, nothing
    # forwarded), and any row naming another practice is dropped from the answer.
    REPORT = "report"
    # A long-lived text/event-stream (GET /v1/stream): no single scope; each event needs its
    # type's scope and a partner receives only its practice's events (domain/stream.py).
    STREAM = "stream"


ORDERS, SCHEDULING, AUTHORIZATION, REIMBURSEMENT, GATEWAY = (
    "orders", "scheduling", "authorization", "reimbursement", "gateway",
)
UPSTREAMS = (ORDERS, SCHEDULING, AUTHORIZATION, REIMBURSEMENT)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Methods whose repetition has the same effect as one call (RFC 9110 §9.2.2): only these are
# retried upstream. POST and PATCH never are, even with an Idempotency-Key, because the key is
# honoured by the gateway, not by the services behind it.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})

# Path parameters that are resource ids (UUIDs per api.md) and the resource each names.
ID_PARAMS = {
    "patient_id": "patient",
    "order_id": "order",
    "appointment_id": "appointment",
    "authorization_id": "authorization",
    "claim_id": "claim",
    "check_id": "eligibility_check",
    "series_id": "series",
    "recall_id": "recall",
}


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    upstream: str
    scope: str | None
    access: Access
    kind: Kind
    summary: str
    body: type[Any] | None = None  # request body model
    query: type[Any] | None = None  # model of the query parameters
    response: type[Any] | None = None  # 2xx response model
    owner_field: str | None = None  # CREATE: body field naming the owner (practice/patient/order)
    body_type: str = "application/json"  # request media type
    body_optional: bool = False  # an action that may carry a body (e.g. a reason)
    response_type: str = "application/json"
    status: int = 200
    also: tuple[int, ...] = ()  # other 2xx the service answers (e.g. 202 while pending)
    found: str | None = None  # SEARCH: the answer's field listing the ids found

    @property
    def path_params(self) -> list[str]:
        return [str(name) for name in _PARAM_RE.findall(self.path)]

    @property
    def resource(self) -> str | None:
        """The resource the path id names (ITEM/ACTION), e.g. `order` for /v1/orders/{order_id}."""
        for name in _PARAM_RE.findall(self.path):
            if name in ID_PARAMS:
                return ID_PARAMS[name]
        return None

    @property
    def id_param(self) -> str | None:
        for name in _PARAM_RE.findall(self.path):
            if name in ID_PARAMS:
                return str(name)
        return None

    @property
    def phi(self) -> bool:
        """Whether the route reads or writes patient data, so every call is audited."""
        return self.access is Access.PRACTICE or self.path in _PHI_CLINIC_PATHS

    @property
    def retryable(self) -> bool:
        return self.method in IDEMPOTENT_METHODS

    @property
    def operation_id(self) -> str:
        words = re.sub(r"[{}]", "", self.path.removeprefix("/v1/")).replace("-", "_")
        return f"{self.method.lower()}_{words.replace('/', '_').strip('_')}"


_PARAM_RE = re.compile(r"{(\w+)}")
# Clinic-only routes that still show patient data (the board lists every chair's visits).
_PHI_CLINIC_PATHS = frozenset(
    {
        "/v1/board",
        "/v1/orders/{order_id}/administrations",
        "/v1/orders/{order_id}/complete",
        "/v1/orders/{order_id}/vitals",
        "/v1/orders/{order_id}/escort",
        "/v1/orders/{order_id}/discharge",
        "/v1/remittances",
        "/v1/claims/{claim_id}/submit",
        "/v1/claims/{claim_id}/rebuild",
        "/v1/claims/denials",
        "/v1/claims/x12",
        "/v1/claims/{claim_id}/check",
        "/v1/claims/{claim_id}/administrations/{line_sequence}/ndc",
        "/v1/orders/{order_id}/payer-identity",
        "/v1/patients/{patient_id}/payer-identity",
        "/v1/patients/{patient_id}/access-log",
        "/v1/eligibility/flags",
        "/v1/eligibility/{check_id}/resolve",
    }
)


@dataclass(frozen=True)
class Match:
    route: Route
    params: dict[str, str]


class RouteTable:
    """Exact template matching: literal segments only, `{name}` matches one segment."""

    def __init__(self, routes: tuple[Route, ...]) -> None:
        self.routes = routes
        self._compiled = [(_compile(r.path), r) for r in routes]
        seen: set[tuple[str, str]] = set()
        for r in routes:
            key = (r.method, r.path)
            if key in seen:
                raise ValueError(f"duplicate route {r.method} {r.path}")
            seen.add(key)

    def _candidates(self, path: str) -> list[tuple[re.Pattern[str], Route]]:
        """Routes whose template matches `path`; a literal route of exactly this path hides
        the templated ones (POST /v1/patients/lookup: PATCH there is a 405, not a patient)."""
        found = [(rx, r) for rx, r in self._compiled if rx.fullmatch(path)]
        literal = [(rx, r) for rx, r in found if r.path == path]
        return literal or found

    def match(self, method: str, path: str) -> Match | None:
        for rx, route in self._candidates(path):
            m = rx.fullmatch(path)
            if m and route.method == method:
                return Match(route, m.groupdict())
        return None

    def allowed_methods(self, path: str) -> list[str]:
        return sorted({r.method for _, r in self._candidates(path)})

    def shadowed(self) -> dict[str, list[str]]:
        """Literal paths and the methods only a templated route would serve there: those
        are answered 405 (Starlette would otherwise fall through to the template)."""
        out: dict[str, list[str]] = {}
        for route in self.routes:
            if route.path_params or route.path in out:
                continue
            own = {r.method for r in self.routes if r.path == route.path}
            other = {r.method for rx, r in self._compiled
                     if r.path != route.path and rx.fullmatch(route.path)}
            if other - own:
                out[route.path] = sorted(other - own)
        return out

    def for_upstream(self, upstream: str) -> list[Route]:
        return [r for r in self.routes if r.upstream == upstream]


def is_dot_segment(value: str) -> bool:
    """`.` and `..` (and any run of dots): an HTTP client or server may resolve them (RFC 3986
    §5.2.4), turning /v1/drugs/. into /v1/drugs, the whole list."""
    return value.strip(".") == ""


def expand(template: str, params: dict[str, str]) -> str:
    """The path a route's template names, each parameter percent-encoded as one segment: what
    is forwarded is built from the template, never the client's path. Refuses (ValueError)
    a value that is empty or a dot segment, which percent-encoding leaves as it is."""
    encoded = {}
    for name, value in params.items():
        if is_dot_segment(value):
            raise ValueError(f"{name} is a dot segment")
        encoded[name] = quote(value, safe="")
    return template.format_map(encoded)


def _compile(template: str) -> re.Pattern[str]:
    parts = re.split(r"({\w+})", template)
    rx = "".join(
        f"(?P<{p[1:-1]}>[^/]+)" if p.startswith("{") else re.escape(p) for p in parts
    )
    return re.compile(rx)
