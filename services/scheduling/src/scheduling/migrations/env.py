from chairside_shared.migrations import run_env
from scheduling.adapters import orm, recall_orm, series_orm  # noqa: F401 - registers the tables
from scheduling.adapters.metadata import metadata

run_env(metadata)
