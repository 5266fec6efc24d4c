"""Outbox, inbox and dead letters of the authorization service.

Revision ID: authorization_0001
Revises:
Create Date: 2026-11-23
"""
from alembic import op

from chairside_shared.messaging.tables import create_messaging_tables, drop_messaging_tables

revision = "authorization_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_messaging_tables(op.get_bind())


def downgrade() -> None:
    drop_messaging_tables(op.get_bind())
