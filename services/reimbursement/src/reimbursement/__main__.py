from chairside_shared.cli import service_main
from reimbursement.bootstrap import build_runtime
from reimbursement.main import create_app
from reimbursement.settings import ReimbursementSettings

service_main(
    settings_cls=ReimbursementSettings, app_factory=create_app, runtime_factory=build_runtime
)
