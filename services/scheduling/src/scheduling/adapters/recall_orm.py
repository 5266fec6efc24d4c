"""Recall tables: one row per dose of a recurring drug (its recall of the next dose), and the
payer quantity limits and approval expiry scheduling learned per order from
``authorization.approved``. Kept apart from the booking tables (adapters/orm.py)."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    Index,
    Integer,
    String,
    Table,
    Uuid,
    func,
)

from chairside_shared.db import UTCDateTime

from .metadata import metadata

TS = UTCDateTime()

recalls = Table(
    "recalls", metadata,
    Column("id", Uuid, primary_key=True),
    Column("patient_id", Uuid, nullable=False),
    Column("practice_id", String(80), nullable=False),  # the referring practice of the dose
    Column("drug_code", String(60), nullable=False),
    Column("molecule", String(80)),  # products of one molecule share the recall
    Column("hcpcs", String(16)),
    Column("source_order_id", Uuid, nullable=False, unique=True),  # the dose's order
    Column("last_dose_on", Date, nullable=False),
    Column("units_given", Integer, nullable=False),
    Column("earliest", Date, nullable=False),
    Column("target_from", Date, nullable=False),
    Column("target_to", Date, nullable=False),
    Column("latest", Date, nullable=False),
    Column("limit_units", Integer),  # the payer's quantity limit applied, if any
    Column("limit_period_days", Integer),
    Column("auth_valid_to", Date),
    Column("pre_dose_checks", JSON, nullable=False, default=list),
    Column("rule_days", JSON),  # [earliest, target_from, target_to, latest] days after the dose
    Column("status", String(16), nullable=False),
    Column("next_order_id", Uuid),  # the order of the next dose, once signed
    Column("offered_at", TS),
    Column("overdue_at", TS),
    Column("created_at", TS, nullable=False, server_default=func.now()),
    Column("updated_at", TS, nullable=False, server_default=func.now()),
    CheckConstraint("status IN ('due', 'offered', 'booked', 'overdue', 'closed')",
                    name="recall_status_known"),
    CheckConstraint("earliest <= target_from AND target_from <= target_to "
                    "AND target_to <= latest", name="recall_dates_ordered"),
    Index("ix_recalls_patient_drug", "patient_id", "drug_code"),
    Index("ix_recalls_status_target", "status", "target_from"),
    Index("ix_recalls_next_order", "next_order_id"),
)

recall_payer_limits = Table(
    "recall_payer_limits", metadata,
    Column("order_id", Uuid, primary_key=True),
    Column("hcpcs", String(16), primary_key=True),
    Column("limit_units", Integer),
    Column("limit_period_days", Integer),
    Column("auth_valid_to", Date),
)

TABLES = [recalls, recall_payer_limits]
