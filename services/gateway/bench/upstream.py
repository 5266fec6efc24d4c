"""The service behind the benchmark: a read route answering a catalog page of fixed size,
with no database, so the figures measure the proxy and not the service."""

from __future__ import annotations

import json

ITEMS = [{"code": f"drug-{i}", "name": f"Drug {i}", "class": "nsaid", "dose_unit": "mg",
          "usual_dose": "30", "max_dose": "60", "hcpcs": "J1885", "route_modes": ["push"]}
         for i in range(20)]
BODY = json.dumps({"items": ITEMS, "next_cursor": None}).encode()


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    body = BODY if scope["path"] != "/healthz" else b'{"status":"ok"}'
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
