"""The gateway's own tables: API clients, staff users, signing keys, idempotency records and
the audit log. No domain data lives here."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

from chairside_shared.db import UTCDateTime, make_metadata

# The gateway publishes no events; its webhook consumer's inbox and the webhook tables are
# added to this metadata by adapters/webhook_tables.py.
metadata = make_metadata()


# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets a BIGINT identity.
BigId = BigInteger().with_variant(Integer(), "sqlite")

practices = Table(
    "practices", metadata,
    Column("practice_id", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("kind", String(16), nullable=False),  # clinic | partner
    Column("created_at", UTCDateTime(), nullable=False),
)

api_clients = Table(
    "api_clients", metadata,
    Column("client_id", String(100), primary_key=True),
    Column("secret_hash", String(255), nullable=False),
    Column("name", String(200), nullable=False),
    Column("scopes", Text, nullable=False),  # space-separated
    Column("practice_id", String(64), nullable=True),  # set: bound partner client
    Column("allows_password_grant", Boolean, nullable=False, default=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("rate_capacity", Float, nullable=True),  # per-client override of the bucket
    Column("rate_per_s", Float, nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
)

staff_users = Table(
    "staff_users", metadata,
    Column("user_id", String(36), primary_key=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("roles", Text, nullable=False),  # space-separated: clinician scheduler biller admin
    Column("practice_id", String(64), nullable=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UTCDateTime(), nullable=False),
)

signing_keys = Table(
    "signing_keys", metadata,
    Column("kid", String(64), primary_key=True),
    Column("algorithm", String(16), nullable=False),
    Column("private_key_pem", LargeBinary, nullable=False),  # PKCS#8, encrypted
    Column("public_jwk", JSON, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("retired_at", UTCDateTime(), nullable=True),  # no longer signs
    Column("verify_until", UTCDateTime(), nullable=True),  # leaves the JWKS after this
)

idempotency_records = Table(
    "idempotency_records", metadata,
    Column("client_id", String(100), nullable=False),
    Column("key", String(255), nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("method", String(8), nullable=False),
    Column("path", String(500), nullable=False),
    Column("response_status", Integer, nullable=True),
    Column("response_headers", JSON, nullable=True),
    Column("response_body", LargeBinary, nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
    PrimaryKeyConstraint("client_id", "key"),
    Index("ix_idempotency_records_expires_at", "expires_at"),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime(), nullable=False),
    Column("client_id", String(100), nullable=False),
    Column("user_id", String(100), nullable=True),
    Column("practice_id", String(64), nullable=True),
    Column("action", String(120), nullable=False),
    Column("resource_type", String(32), nullable=True),
    Column("resource_id", String(64), nullable=True),
    Column("status", Integer, nullable=False),
    Column("trace_id", String(32), nullable=True),
    Index("ix_audit_log_resource_id", "resource_id"),
    Index("ix_audit_log_client_id_at", "client_id", "at"),
)


def utcnow() -> datetime:
    return datetime.now(UTC)


# One-time authorization codes (RFC 6749 §4.1) of the built-in issuer, stored as digests.
oauth_codes = Table(
    "oauth_codes", metadata,
    Column("code_digest", String(64), primary_key=True),
    Column("client_id", String(100), nullable=False),
    Column("redirect_uri", String(500), nullable=False),
    Column("code_challenge", String(43), nullable=False),
    Column("username", String(100), nullable=False),
    Column("scopes", Text, nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
    Column("used_at", UTCDateTime(), nullable=True),
    Index("ix_oauth_codes_expires_at", "expires_at"),
)
