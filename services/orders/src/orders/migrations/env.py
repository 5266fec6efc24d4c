import orders.adapters.orm  # noqa: F401  (registers the tables on the metadata)
from chairside_shared.migrations import run_env
from orders.adapters.metadata import metadata

run_env(metadata)
