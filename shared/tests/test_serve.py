"""`cli.serve`, the one way every process runs uvicorn: served over real HTTP, it has not
loaded the WebSocket protocol (no route speaks it; uvicorn's "auto" would load the websockets
library, megabytes per process)."""

import textwrap

import httpx

from chairside_shared.broker import free_port
from chairside_shared.processes import ServiceProcess

APP = textwrap.dedent('''
    import json, sys
    from chairside_shared.cli import serve

    async def app(scope, receive, send):
        if scope["type"] != "http":
            return
        loaded = sorted(m for m in sys.modules
                        if m == "websockets" or m.startswith(("websockets.",
                                                              "uvicorn.protocols.websockets")))
        body = json.dumps({"loaded": loaded}).encode()
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": body})

    serve(app, host="127.0.0.1", port=int(sys.argv[1]), keep_alive_s=42)
''')


def test_served_without_the_websocket_protocol(tmp_path):
    (tmp_path / "serve_probe.py").write_text(APP)
    port = free_port()
    proc = ServiceProcess("serve probe", "serve_probe", port, args=[str(port)],
                          env={"PYTHONPATH": str(tmp_path)}, health_path="/").start()
    try:
        proc.wait_ready(30)
        r = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
        assert r.status_code == 200
        assert r.json() == {"loaded": []}
        # the same server refuses a WebSocket handshake as the plain HTTP it is
        upgrade = httpx.get(f"http://127.0.0.1:{port}/", headers={
            "Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}, timeout=2)
        assert upgrade.status_code == 200 and upgrade.json() == {"loaded": []}
    finally:
        proc.stop()
