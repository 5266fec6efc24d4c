from authorization.adapters import orm  # noqa: F401 - registers the tables on the metadata
from authorization.adapters.metadata import metadata
from chairside_shared.migrations import run_env

run_env(metadata)
