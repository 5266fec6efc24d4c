"""Who is calling: scopes, staff roles and the practice a partner client is bound to."""

from __future__ import annotations

from dataclasses import dataclass, field

ALL_SCOPES: frozenset[str] = frozenset(
    {
        "patients:read", "patients:write",
        "orders:read", "orders:write", "orders:sign",
        "schedule:read", "schedule:write",
        "authorizations:read", "authorizations:write",
        "billing:read", "billing:write",
        "webhooks",
        "admin",
    }
)

# What a partner practice may ever be granted: its own patients, orders, appointments, prior
# authorizations and claims. Billing writes, the catalog and clinic operations stay with the
# center's staff (the center buys, gives and bills the drug).
PARTNER_SCOPES: frozenset[str] = frozenset(
    {
        "patients:read", "patients:write",
        "orders:read", "orders:write", "orders:sign",
        "schedule:read", "schedule:write",
        "authorizations:read", "authorizations:write",
        "billing:read",
        "webhooks",  # its own subscriptions, delivering its own practice's events
    }
)

ROLES: dict[str, frozenset[str]] = {
    # Clinicians write and sign orders (overrides of safety findings need orders:sign).
    "clinician": frozenset(
        {"patients:read", "patients:write", "orders:read", "orders:write", "orders:sign",
         "schedule:read", "authorizations:read"}
    ),
    "scheduler": frozenset(
        {"patients:read", "orders:read", "schedule:read", "schedule:write", "authorizations:read"}
    ),
    "biller": frozenset(
        {"patients:read", "orders:read", "authorizations:read", "authorizations:write",
         "billing:read", "billing:write"}
    ),
    "admin": ALL_SCOPES,
}


def parse_scopes(raw: str | list[str] | None) -> frozenset[str]:
    """Scopes from a space-separated string (RFC 6749 §3.3) or a list (some IdPs' `scp`)."""
    if raw is None:
        return frozenset()
    items = raw.split() if isinstance(raw, str) else [str(s) for s in raw]
    return frozenset(s for s in items if s)


def format_scopes(scopes: frozenset[str] | set[str]) -> str:
    return " ".join(sorted(scopes))


def scopes_for_roles(roles: frozenset[str] | set[str] | list[str]) -> frozenset[str]:
    out: set[str] = set()
    for role in roles:
        out |= ROLES.get(role, frozenset())
    return frozenset(out)


class ScopeError(ValueError):
    """The client asked for a scope it was not granted (OAuth `invalid_scope`)."""


def grant_scopes(allowed: frozenset[str], requested: str | None) -> frozenset[str]:
    """Scopes for a new token: all allowed ones when none are requested, else exactly those
    requested, each of which must be allowed (RFC 6749 §3.3: never silently widen)."""
    if not requested or not requested.strip():
        return allowed
    asked = parse_scopes(requested)
    unknown = asked - ALL_SCOPES
    if unknown:
        raise ScopeError(f"unknown scope: {min(unknown)}")
    extra = asked - allowed
    if extra:
        raise ScopeError(f"scope not granted to this client: {min(extra)}")
    return asked


@dataclass(frozen=True)
class Principal:
    client_id: str
    scopes: frozenset[str]
    practice_id: str | None = None  # set: a partner bound to one practice
    user_id: str | None = None
    roles: frozenset[str] = field(default_factory=frozenset)
    token_id: str | None = None

    @property
    def is_bound(self) -> bool:
        return self.practice_id is not None

    def has(self, scope: str) -> bool:
        # `admin` is a scope like the others, not a wildcard: an admin client is granted every
        # scope explicitly, so a token narrowed to `admin` alone cannot write orders.
        return scope in self.scopes
