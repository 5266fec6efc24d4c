"""Signed webhooks for partners (docs/webhooks.md): subscriptions, fan-out, delivery."""

from __future__ import annotations

from dataclasses import dataclass

from gateway.adapters.webhook_tables import MessagingTables, WebhookTables
from gateway.service.webhooks.delivery import DeliveryWorker
from gateway.service.webhooks.subscriptions import WebhookSubscriptions


@dataclass
class Webhooks:
    tables: WebhookTables
    messaging: MessagingTables
    subscriptions: WebhookSubscriptions
    worker: DeliveryWorker
