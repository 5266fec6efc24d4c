from chairside_shared.migrations import run_env
from reimbursement.adapters import orm  # noqa: F401 - registers every table on the metadata
from reimbursement.adapters.metadata import metadata

run_env(metadata)
