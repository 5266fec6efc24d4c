"""The reimbursement database's MetaData. Every table of this service is defined on it."""

from chairside_shared.db import make_metadata
from chairside_shared.idempotency import add_idempotency_table
from chairside_shared.messaging.tables import add_messaging_tables

metadata = make_metadata()
messaging = add_messaging_tables(metadata)
keyed_responses = add_idempotency_table(metadata)  # answers of keyed writes (idempotency.py)
