"""The gateway's own documents: problems, tokens, keys, the audit log and the composed views.

Every other public schema is the owning service's, generated from its OpenAPI document into
contracts/ (`make contracts`); the few places where the public contract differs from a service
on purpose are listed, each with its reason, in differences.py.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from chairside_shared.inputs import Day


class Strict(BaseModel):
    """Request bodies named in api.md: unknown fields are refused at the edge."""

    model_config = ConfigDict(extra="forbid")


class Open(BaseModel):
    """Documents the gateway passes through: documented fields plus whatever a service adds
    (api.md: "add fields freely")."""

    model_config = ConfigDict(extra="allow")


class Problem(Open):
    type: str = Field(examples=["urn:chairside:problem:not-found"])
    title: str = Field(examples=["Not Found"])
    status: int = Field(ge=100, le=599, examples=[404])
    detail: str = Field(examples=["no such resource"])
    instance: str | None = None
    errors: list[dict[str, str]] | None = Field(
        None, examples=[[{"field": "lines.0.dose", "message": "must be positive"}]])


CURSOR_TEXT = ("opaque: the previous page's next_cursor, valid only for the client, practice "
               "and user it was given to, on the same list, for 24 hours by default; any other is "
               "a 422 naming `cursor`")


# --- access


class TokenRequest(Strict):
    grant_type: Literal["client_credentials", "password", "authorization_code"] = Field(
        examples=["client_credentials"])
    client_id: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = Field(
        None, examples=["demo-partner"])
    client_secret: Annotated[str, StringConstraints(max_length=500)] | None = Field(
        None, examples=["demo-partner-secret"])
    scope: Annotated[str, StringConstraints(max_length=1000)] | None = Field(
        None, examples=["orders:read orders:write"])
    username: Annotated[str, StringConstraints(max_length=100)] | None = None
    password: Annotated[str, StringConstraints(max_length=500)] | None = None
    # authorization_code (public clients, PKCE)
    code: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    redirect_uri: Annotated[str, StringConstraints(max_length=500)] | None = None
    code_verifier: Annotated[str, StringConstraints(max_length=128)] | None = None


class TokenResponse(BaseModel):
    access_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: int = Field(examples=[600])
    scope: str = Field(examples=["orders:read patients:read"])


class Jwk(Open):
    kty: str
    kid: str
    use: str | None = None
    alg: str | None = None
    n: str | None = None
    e: str | None = None


class Jwks(BaseModel):
    keys: list[Jwk]


# --- the gateway's own records


class AuditQuery(Strict):
    resource_id: Annotated[str, StringConstraints(max_length=64)] | None = None
    client_id: Annotated[str, StringConstraints(max_length=100)] | None = None
    limit: int = Field(50, ge=1, le=500)
    cursor: Annotated[str, StringConstraints(pattern=r"^\d{1,18}$")] | None = None


class AuditRecord(BaseModel):
    id: int
    at: datetime
    client_id: str
    user_id: str | None
    practice_id: str | None
    action: str = Field(examples=["GET /v1/patients/{patient_id}"])
    resource_type: str | None
    resource_id: str | None
    status: int
    trace_id: str | None


class AuditPage(BaseModel):
    items: list[AuditRecord]
    next_cursor: str | None = None


class Unavailable(BaseModel):
    unavailable: Literal[True] = True
    service: str | None = None


class Visit(BaseModel):
    order: dict[str, Any] | Unavailable
    authorization: dict[str, Any] | Unavailable | None = Field(
        description="the order's prior-authorization case; null when none exists")
    appointment: dict[str, Any] | Unavailable | None
    claim: dict[str, Any] | Unavailable | None


class BoardQuery(Strict):
    # Required, as the scheduling service's board (whose day the gateway composes) needs it.
    date: Day = Field(examples=["2026-03-02"])


class Board(Open):
    date: str | None = None
    chairs: list[dict[str, Any]] = []
    orders: dict[str, dict[str, Any] | Unavailable] = Field(
        default_factory=dict, description="the order behind each appointment, by order id")
    unplaced: list[dict[str, Any]] = Field(
        default_factory=list, description="signed orders that found no room in their "
        "requested window and have no appointment: staff's worklist to book by hand")



class StreamQuery(Strict):
    types: str | None = Field(
        None, max_length=2000, examples=["appointment.booked,appointment.cancelled"],
        description="Comma-separated event types to receive (default: every type the token's "
                    "scopes allow); an unknown type is a 422 naming `types`.")


class StreamMessage(Open):
    """The `data:` of one server-sent event (text/event-stream; see docs/stream.md)."""

    id: str
    type: str
    occurred_at: datetime
    practice_id: str | None = None
    data: dict[str, Any] = {}
