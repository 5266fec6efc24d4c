"""Webhook subscriptions and deliveries, and the inbox/dead-letter tables of the gateway's
consumer (it reads every topic to deliver webhooks).

Revision ID: gateway_0002_webhooks
Revises: gateway_0001
Create Date: 2026-12-06
"""
from alembic import op

from gateway.adapters import webhook_tables

revision = 'gateway_0002_webhooks'
down_revision = 'gateway_0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    webhook_tables.create_all(op.get_bind())


def downgrade() -> None:
    webhook_tables.drop_all(op.get_bind())
