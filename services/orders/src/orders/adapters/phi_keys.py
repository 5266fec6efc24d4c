"""Key rotation on the live database: rewrap the data keys of rows whose key-encryption key
is not the current one. Payloads are not touched, so a batch is small and quick; rows a
running request holds are skipped (PostgreSQL ``SKIP LOCKED``) and taken in a later batch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from orders.adapters.identity_repository import _Sealing
from orders.adapters.orm import coverage_versions, orders, patient_demographics
from orders.adapters.phi_crypto import coverage_aad, demographics_aad, escort_aad, order_payer_aad
from orders.adapters.repository import _rowcount
from orders.adapters.visit_tables import visit_escorts

# (table, associated data of a row, the row's key columns, its key-id and data-key columns)
Table = tuple[sa.Table, Callable[[Any], bytes], tuple[str, ...], tuple[str, str]]
SEALED_TABLES: tuple[Table, ...] = (
    (patient_demographics, lambda r: demographics_aad(r.patient_id), ("patient_id",),
     ("key_id", "data_key")),
    (coverage_versions, lambda r: coverage_aad(r.coverage_id, r.version),
     ("coverage_id", "version"), ("key_id", "data_key")),
    (orders, lambda r: order_payer_aad(r.id), ("id",), ("member_key_id", "member_data_key")),
    (visit_escorts, lambda r: escort_aad(r.order_id), ("order_id",), ("key_id", "data_key")),
)


class PhiKeyRepository(_Sealing):
    async def counts(self) -> dict[str, dict[str, int]]:
        """Rows per key id, per sealed table."""
        out: dict[str, dict[str, int]] = {}
        for table, _, _, (kid, _) in SEALED_TABLES:
            rows = await self.session.execute(sa.select(table.c[kid], sa.func.count()).where(
                table.c[kid].is_not(None)).group_by(table.c[kid]))
            out[table.name] = {str(r[0]): int(r[1]) for r in rows.all()}
        return out

    async def rewrap_batch(self, limit: int) -> tuple[int, int]:
        """Rewraps up to ``limit`` stale rows; returns (rows selected, rows rewrapped)."""
        current = self.cipher.current_key_id
        selected = rewrapped = 0
        for table, aad_of, key, (kid, dek) in SEALED_TABLES:
            if selected >= limit:
                break
            query = sa.select(table).where(table.c[kid] != current).limit(limit - selected)
            if self._postgres:
                query = query.with_for_update(skip_locked=True)
            rows = list(await self.session.execute(query))
            selected += len(rows)
            for row in rows:
                old_id, old_key = getattr(row, kid), getattr(row, dek)
                key_id, wrapped = self.cipher.rewrap(old_id, bytes(old_key), aad_of(row))
                # only if no writer re-sealed the row since we read it
                result = await self.session.execute(table.update().where(
                    *(table.c[k] == getattr(row, k) for k in key),
                    table.c[kid] == old_id, table.c[dek] == old_key,
                ).values({kid: key_id, dek: wrapped}))
                rewrapped += max(_rowcount(result), 0)
        return selected, rewrapped
