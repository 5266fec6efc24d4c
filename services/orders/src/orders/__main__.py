from chairside_shared.cli import service_main
from orders.bootstrap import build_runtime, orders_settings
from orders.main import create_app
from orders.settings import OrdersSettings

service_main(settings_cls=OrdersSettings,
             app_factory=lambda settings: create_app(orders_settings(settings)),
             runtime_factory=lambda settings: build_runtime(orders_settings(settings)))
