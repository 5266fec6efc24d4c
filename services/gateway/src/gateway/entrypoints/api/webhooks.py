"""The webhook routes (table.py, upstream "gateway"): request -> subscription service call."""

from __future__ import annotations

from typing import Any

from gateway.domain import problems as pb
from gateway.service.container import Gateway
from gateway.service.proxy import Call, Result

WEBHOOKS_PREFIX = "/v1/webhooks/"
_SUBS = "/v1/webhooks/subscriptions"


async def webhook_call(gw: Gateway, call: Call) -> Result:
    hooks = gw.webhooks
    if hooks is None:
        raise pb.Problem(503, "service-unavailable", "webhooks are not enabled here",
                         headers={"Retry-After": "60"})
    subs, who, method, path = hooks.subscriptions, call.principal, call.route.method, \
        call.route.path
    sub_id = call.params.get("subscription_id", "")
    doc: Any
    if path == _SUBS:
        doc = await (subs.create(who, call.body_doc) if method == "POST" else subs.list(who))
    elif path == "/v1/webhooks/dead-letters":
        doc = await subs.deliveries(who, None, call.query, status="dead")
    elif path == "/v1/webhooks/deliveries/{delivery_id}/replay":
        doc = await subs.replay(who, call.params["delivery_id"])
        hooks.worker.wake()
    elif path == _SUBS + "/{subscription_id}/deliveries":
        doc = await subs.deliveries(who, sub_id, call.query)
    elif method == "GET":
        doc = await subs.get(who, sub_id)
    elif method == "PATCH":
        doc = await subs.update(who, sub_id, call.body_doc)
    else:
        await subs.delete(who, sub_id)
        return Result(204, {}, b"")
    return Result(call.route.status, {"content-type": "application/json"},
                  gw.proxy._json_result(200, doc).content, doc)
