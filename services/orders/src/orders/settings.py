"""Orders settings: every variable carries the ``ORDERS_`` prefix."""

from __future__ import annotations

from chairside_shared.settings import ServiceSettings, service_config


class OrdersSettings(ServiceSettings):
    """Orders: patients, drug catalog, protocols, orders, safety checks and the administration
    record."""

    model_config = service_config("ORDERS_")

    service_name: str = "orders"
    port: int = 8001
