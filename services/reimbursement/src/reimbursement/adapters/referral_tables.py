"""The referral projection: per signed order and per appointment, the facts the referral
report needs, kept from the events this service consumes (orders, scheduling, authorization).

Events of one order come on three topics in any order, so every column but the key may be
unknown for a while: an appointment or a PA decision seen before order.signed waits for it.
"""

from __future__ import annotations

import sqlalchemy as sa

from chairside_shared.db import UTCDateTime
from reimbursement.adapters.metadata import metadata

TS = UTCDateTime()

referrals = sa.Table(
    "referrals", metadata,
    sa.Column("order_id", sa.Uuid, primary_key=True),
    sa.Column("practice_id", sa.String(64), index=True),  # None until order.signed
    sa.Column("signed_at", TS, index=True),
    sa.Column("protocol_id", sa.String(64)),
    sa.Column("administered_at", TS),
    sa.Column("first_chair_at", TS),  # earliest appointment start in chair or drug start
    sa.Column("pa_decision", sa.String(16)),
    sa.Column("pa_decided_at", TS),
    sa.CheckConstraint("pa_decision IS NULL OR pa_decision IN ('approved', 'denied')",
                       name="pa_decision"),
)

referral_appointments = sa.Table(
    "referral_appointments", metadata,
    sa.Column("appointment_id", sa.Uuid, primary_key=True),
    sa.Column("order_id", sa.Uuid, nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("changed_at", TS, nullable=False),  # the event's occurred_at: the latest wins
)
