"""Settings base: one pydantic-settings class per service, one env prefix per service.

Infrastructure that every process must agree on is read from unprefixed variables
(``KAFKA_BOOTSTRAP_SERVERS``, ``OTEL_EXPORTER_OTLP_ENDPOINT``); everything else carries the
service's prefix (``ORDERS_DATABASE_URL``, ``SCHEDULING_PORT``...).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import AliasChoices, Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = {"changethis", "changeme", "secret", "demo", ""}


class ServiceSettings(BaseSettings):
    """Common settings. Subclasses set ``model_config = service_config("ORDERS_")``."""

    model_config = SettingsConfigDict(env_prefix="CHAIRSIDE_", extra="ignore")

    service_name: str = "service"
    environment: Literal["embedded", "test", "production"] = "embedded"
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)

    # Database: defaults to a SQLite file under data_dir for the embedded `make run`.
    database_url: str | None = None
    data_dir: Path = Path("data")
    db_pool_size: int = Field(10, ge=1)
    # Connections opened beyond the pool in a burst and closed after it (default: the pool's
    # size). A small pool with a larger overflow holds few idle connections.
    db_pool_overflow: int | None = Field(None, ge=0)
    auto_migrate: bool = True
    seed_demo_data: bool = True

    # Kafka (unprefixed: every process points at the same cluster).
    kafka_bootstrap_servers: str = Field(
        "127.0.0.1:9092", validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS")
    )
    kafka_topic_partitions: int = Field(
        3, ge=1, validation_alias=AliasChoices("KAFKA_TOPIC_PARTITIONS")
    )
    kafka_replication_factor: int = Field(
        1, ge=1, validation_alias=AliasChoices("KAFKA_REPLICATION_FACTOR")
    )
    # The embedded broker refuses InitProducerId: both stay off unless pointed at real Kafka.
    kafka_enable_idempotence: bool = Field(
        False, validation_alias=AliasChoices("KAFKA_ENABLE_IDEMPOTENCE")
    )
    kafka_transactional_id_prefix: str | None = Field(
        None, validation_alias=AliasChoices("KAFKA_TRANSACTIONAL_ID_PREFIX")
    )

    # Outbox relay and consumers.
    # A follower relay tries to take the publish lock every 2 x outbox_poll_interval_s (the
    # failover bound). The leader is woken at once by every commit (in-process, and LISTEN/
    # NOTIFY across processes), so it looks at the outbox unwoken only every
    # outbox_idle_poll_s: the fallback, and most of an idle service's relay cost (issue 19).
    outbox_poll_interval_s: float = Field(1.0, gt=0)
    outbox_idle_poll_s: float = Field(5.0, gt=0)
    outbox_batch_size: int = Field(500, ge=1)
    outbox_retention_hours: float = Field(24.0, ge=0)
    broker_check_interval_s: float = Field(5.0, gt=0)
    consumer_max_retries: int = Field(3, ge=0)
    consumer_retry_backoff_s: float = Field(0.2, ge=0)
    consumer_batch_size: int = Field(200, ge=1)
    # How long the broker may hold a fetch with no new data, while records flow (it bounds
    # delivery latency on the embedded broker), and once none came for consumer_idle_after_s
    # (an idle consumer then asks a few times a second, not a hundred: messaging/kafka.py).
    consumer_fetch_max_wait_ms: int = Field(10, ge=1, le=5000)
    consumer_idle_fetch_max_wait_ms: int = Field(500, ge=1, le=5000)
    consumer_idle_after_s: float = Field(5.0, ge=0)

    # Telemetry and logs.
    otel_exporter_otlp_endpoint: str | None = Field(
        None, validation_alias=AliasChoices("OTEL_EXPORTER_OTLP_ENDPOINT")
    )
    log_level: str = "INFO"
    log_json: bool = True

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, v: str) -> str:
        if v.upper() not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError("must be DEBUG, INFO, WARNING or ERROR")
        return v.upper()

    @model_validator(mode="after")
    def _default_database(self) -> ServiceSettings:
        if self.database_url is None:
            self.database_url = f"sqlite+aiosqlite:///{self.data_dir / self.service_name}.db"
        self.database_url = normalize_database_url(self.database_url)
        if self.environment == "production":
            # Production migrates as a pre-start step (`python -m <service> migrate`).
            if "auto_migrate" not in self.model_fields_set:
                self.auto_migrate = False
            if self.database_url.startswith("sqlite"):
                raise ValueError("database_url: production needs PostgreSQL, not SQLite")
            if self.seed_demo_data:
                raise ValueError("seed_demo_data: demo data is refused in production")
        return self

    @property
    def is_sqlite(self) -> bool:
        return str(self.database_url).startswith("sqlite")

    def env_name(self, field: str) -> str:
        """The environment variable that sets ``field`` (for error messages)."""
        info = type(self).model_fields[field]
        alias = info.validation_alias
        if isinstance(alias, AliasChoices):
            return str(alias.choices[0])
        return f"{self.model_config.get('env_prefix', '')}{field}".upper()


def service_config(prefix: str) -> SettingsConfigDict:
    return SettingsConfigDict(env_prefix=prefix, extra="ignore", validate_default=True)


def normalize_database_url(url: str) -> str:
    """Accept the usual spellings and pick the async driver."""
    for plain in ("postgres://", "postgresql://", "postgresql+psycopg://"):
        if url.startswith(plain):
            return "postgresql+asyncpg://" + url[len(plain):]
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url[len("sqlite:///"):]
    return url


S = TypeVar("S", bound=ServiceSettings)


def load_settings(cls: type[S], **overrides: Any) -> S:
    """Build settings or exit at once naming the variable that is wrong."""
    try:
        return cls(**overrides)
    except ValidationError as exc:
        prefix = cls.model_config.get("env_prefix", "")
        lines = []
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "settings"
            info = cls.model_fields.get(field)
            alias = info.validation_alias if info else None
            var = alias.choices[0] if isinstance(alias, AliasChoices) else f"{prefix}{field}"
            lines.append(f"invalid setting {str(var).upper()}: {err['msg']}")
        print("\n".join(lines), file=sys.stderr)
        raise SystemExit(2) from None
