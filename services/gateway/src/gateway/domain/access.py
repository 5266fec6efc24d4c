"""Practice binding: a partner client bound to one practice sees only that practice's data.

The gateway does not trust the services behind it to filter (defence in depth): it decides
ownership from the documents themselves. A document names its practice directly
(`practice_id`), or through its patient (`patient_id`) or its order (`order_id`), which the
service layer then fetches. Anything whose owner cannot be established is treated as not
the caller's (fail closed), and "not yours" is always answered exactly like "does not exist".
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from gateway.domain.principal import Principal
from gateway.domain.routing import (
    AUTHORIZATION,
    ORDERS,
    REIMBURSEMENT,
    SCHEDULING,
    Access,
    Kind,
    Route,
)

# Where the gateway reads a resource to learn its owner.
RESOURCE_LOCATIONS: dict[str, tuple[str, str]] = {
    "patient": (ORDERS, "/v1/patients/{id}"),
    "order": (ORDERS, "/v1/orders/{id}"),
    "appointment": (SCHEDULING, "/v1/appointments/{id}"),
    "authorization": (AUTHORIZATION, "/v1/authorizations/{id}"),
    "claim": (REIMBURSEMENT, "/v1/claims/{id}"),
    "eligibility_check": (AUTHORIZATION, "/v1/eligibility/{id}"),
    "series": (SCHEDULING, "/v1/series/{id}"),
    "recall": (SCHEDULING, "/v1/recalls/{id}"),
}
# A resource's owner is found in at most this many reads (appointment -> order -> patient).
MAX_OWNER_HOPS = 3


@dataclass(frozen=True)
class Owned:
    practice_id: str


@dataclass(frozen=True)
class Lookup:
    resource: str
    id: str


@dataclass(frozen=True)
class Unknown:
    pass


Owner = Owned | Lookup | Unknown


def owner_of(doc: Any) -> Owner:
    """Who owns a resource document, or which other resource to read to find out."""
    if not isinstance(doc, dict):
        return Unknown()
    practice = doc.get("practice_id")
    if isinstance(practice, str) and practice:
        return Owned(practice)
    for field, resource in (("patient_id", "patient"), ("order_id", "order")):
        ref = doc.get(field)
        if isinstance(ref, str) and ref:
            return Lookup(resource, ref)
    return Unknown()


def owners_of_new(route: Route, body: Any) -> list[Owner]:
    """Who will own the resource a CREATE makes; a field naming several resources (a
    series' ``order_ids``) gives one owner each, and every one must be the caller's."""
    value = body.get(route.owner_field) if isinstance(body, dict) and route.owner_field \
        else None
    if isinstance(value, list) and value and route.owner_field:
        field = route.owner_field.removesuffix("s")
        return [owner_of_new(route, {route.owner_field: v}, field) for v in value]
    return [owner_of_new(route, body)]


def owner_of_new(route: Route, body: Any, field: str | None = None) -> Owner:
    """Who will own the resource a CREATE makes, from the body field the route names."""
    if not isinstance(body, dict) or route.owner_field is None:
        return Unknown()
    value = body.get(route.owner_field)
    if not isinstance(value, str) or not value:
        return Unknown()
    if route.owner_field == "practice_id":
        return Owned(value)
    return Lookup((field or route.owner_field).removesuffix("_id"), value)


class Gate(StrEnum):
    OPEN = "open"  # no practice binding applies
    FORBIDDEN = "forbidden"  # a clinic-only route asked by a partner: 403
    CHECK = "check"  # allowed if the resource is the caller's (else 404)


def gate(route: Route, principal: Principal) -> Gate:
    if not principal.is_bound or route.access in (Access.SHARED, Access.PUBLIC):
        return Gate.OPEN
    if route.access is Access.CLINIC:
        return Gate.FORBIDDEN
    return Gate.CHECK


def needs_precheck(route: Route) -> bool:
    """Actions are checked before forwarding (a write to someone else's order must never reach
    the service); a plain ITEM read is checked on its own response, saving a round trip."""
    return route.kind is Kind.ACTION or (route.kind is Kind.ITEM and route.upstream == "gateway")


def bind_list_query(query: dict[str, str], practice_id: str) -> dict[str, str] | None:
    """The list query a bound partner may send upstream, or None when it asked for another
    practice's list (answered with an empty page without calling the service)."""
    asked = query.get("practice_id")
    if asked is not None and asked != practice_id:
        return None
    return {**query, "practice_id": practice_id}


def bind_report_query(query: dict[str, str], practice_id: str) -> dict[str, str] | None:
    """A REPORT's query for a bound partner: its own practice always (None: it named another
    practice, answered 404 like any other practice's resource)."""
    asked = query.get("practice_id")
    if asked is not None and asked != practice_id:
        return None
    return {**query, "practice_id": practice_id}


def own_report_rows(doc: Any, practice_id: str) -> Any:
    """A JSON report with only the rows naming ``practice_id`` (a row naming none is not the
    caller's: fail closed); anything but a document with a ``rows`` list is left as it is."""
    if not isinstance(doc, dict) or not isinstance(doc.get("rows"), list):
        return doc
    rows = [r for r in doc["rows"] if isinstance(r, dict) and r.get("practice_id") == practice_id]
    return doc if len(rows) == len(doc["rows"]) else {**doc, "rows": rows}


def own_csv_rows(text: str, practice_id: str) -> str:
    """A CSV report with only the lines whose ``practice_id`` column is ``practice_id``; a
    report without that column yields its header alone (fail closed)."""
    lines = text.splitlines(keepends=True)
    if not lines:
        return text
    header = next(csv.reader(lines[:1]))
    if "practice_id" not in header:
        return lines[0]
    column = header.index("practice_id")
    kept = [line for line in lines[1:] if (cells := next(csv.reader([line]), []))
            and len(cells) > column and cells[column] == practice_id]
    return "".join([lines[0], *kept])


def bind_search(body: Any, practice_id: str) -> bool:
    """Whether a bound partner's SEARCH may be sent: not when its body names another
    practice (answered with nothing found, without calling the service)."""
    asked = body.get("practice_id") if isinstance(body, dict) else None
    return asked is None or asked == practice_id


def found_ids(route: Route, doc: Any) -> list[str]:
    """The ids a SEARCH answer lists (strings only)."""
    ids = doc.get(route.found or "") if isinstance(doc, dict) else None
    return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []


def is_page(doc: Any) -> bool:
    return isinstance(doc, dict) and isinstance(doc.get("items"), list)
