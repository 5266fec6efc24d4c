"""Column types that keep money and JSON right on both PostgreSQL and SQLite.

SQLite has no decimal type (SQLAlchemy would round-trip through float), so Decimal is stored
as text there and as NUMERIC on PostgreSQL. Times use chairside_shared.db.UTCDateTime.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

JSONDoc = sa.JSON().with_variant(JSONB(), "postgresql")


class Dec(TypeDecorator[Decimal]):
    impl = sa.Numeric(18, 6)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> sa.types.TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(sa.String(40))
        return dialect.type_descriptor(sa.Numeric(18, 6))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        value = Decimal(value)
        return format(value, "f") if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return _trim(Decimal(value))


def _trim(value: Decimal) -> Decimal:
    """NUMERIC(18,6) pads to six places: drop the padding, never into exponent form."""
    normalized = value.normalize()
    exponent = normalized.as_tuple().exponent
    if not isinstance(exponent, int):  # NaN or infinity: nothing to trim
        return value
    return normalized if exponent < 0 else value.quantize(Decimal(1))
