from chairside_shared.cli import service_main
from orders.bootstrap import build_runtime
from orders.main import create_app
from orders.settings import OrdersSettings

service_main(settings_cls=OrdersSettings, app_factory=create_app, runtime_factory=build_runtime)
