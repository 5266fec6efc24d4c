from fastapi import FastAPI

from chairside_shared.cli import service_main
from chairside_shared.runtime import ServiceRuntime
from chairside_shared.settings import ServiceSettings
from reimbursement.bootstrap import build_runtime
from reimbursement.main import create_app
from reimbursement.service.uow import ReimbursementUnitOfWork
from reimbursement.settings import ReimbursementSettings


# service_main hands back the settings it loaded from settings_cls, typed as the base class.
def _app(settings: ServiceSettings) -> FastAPI:
    assert isinstance(settings, ReimbursementSettings)
    return create_app(settings)


def _runtime(settings: ServiceSettings) -> ServiceRuntime[ReimbursementUnitOfWork]:
    assert isinstance(settings, ReimbursementSettings)
    return build_runtime(settings)


service_main(settings_cls=ReimbursementSettings, app_factory=_app, runtime_factory=_runtime)
