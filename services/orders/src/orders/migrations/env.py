from chairside_shared.migrations import run_env

import orders.adapters.orm  # noqa: F401  (registers the tables on the metadata)
from orders.adapters.metadata import metadata

run_env(metadata)
