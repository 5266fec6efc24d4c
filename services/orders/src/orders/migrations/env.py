import orders.adapters.orm
import orders.adapters.visit_tables  # noqa: F401
from chairside_shared.migrations import run_env
from orders.adapters.metadata import metadata

run_env(metadata)
