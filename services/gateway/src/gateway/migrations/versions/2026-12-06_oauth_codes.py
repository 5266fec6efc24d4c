"""One-time authorization codes of the built-in issuer (authorization-code flow with PKCE).

Revision ID: gateway_0002_oauth_codes
Revises: gateway_0002_webhooks
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = 'gateway_0002_oauth_codes'
down_revision = 'gateway_0002_webhooks'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('oauth_codes',
    sa.Column('code_digest', sa.String(length=64), nullable=False),
    sa.Column('client_id', sa.String(length=100), nullable=False),
    sa.Column('redirect_uri', sa.String(length=500), nullable=False),
    sa.Column('code_challenge', sa.String(length=43), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('scopes', sa.Text(), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('code_digest', name=op.f('pk_oauth_codes'))
    )
    op.create_index('ix_oauth_codes_expires_at', 'oauth_codes', ['expires_at'])


def downgrade() -> None:
    op.drop_index('ix_oauth_codes_expires_at', table_name='oauth_codes')
    op.drop_table('oauth_codes')
