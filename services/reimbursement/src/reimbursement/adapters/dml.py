"""Writes whose effect the caller needs to know."""

from __future__ import annotations

from sqlalchemy import Delete, Update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession


async def rowcount(session: AsyncSession, statement: Update | Delete) -> int:
    """Rows an UPDATE or DELETE matched."""
    result = await session.execute(statement)
    assert isinstance(result, CursorResult)
    return result.rowcount
