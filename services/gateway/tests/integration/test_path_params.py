"""Path parameters that would change which resource a service is asked for: dot segments
(`.` / `..`, plain or percent-encoded) and encoded slashes or backslashes. The gateway used
to forward the client's path, which httpx then normalised: GET /v1/drugs/. reached the
service as GET /v1/drugs and answered the whole list."""

import asyncio
import uuid
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.integration


async def raw_get(base_url: str, path: str, token: str) -> tuple[int, bytes]:
    """One request with the path exactly as written (httpx would resolve `.` itself)."""
    url = urlsplit(base_url)
    reader, writer = await asyncio.open_connection(url.hostname, url.port)
    writer.write(f"GET {path} HTTP/1.1\r\nhost: {url.netloc}\r\nauthorization: Bearer {token}"
                 "\r\nconnection: close\r\n\r\n".encode())
    await writer.drain()
    response = await reader.read()
    writer.close()
    head, _, body = response.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


@pytest.mark.parametrize("path,field", [
    ("/v1/drugs/%2E", "code"),
    ("/v1/drugs/%2e%2e", "code"),
    ("/v1/protocols/%2E", "protocol_id"),
    ("/v1/payers/%2E", "payer_id"),
    ("/v1/payers/%2E/policies", "payer_id"),
    ("/v1/drugs/x%2Fversions", "code"),
    ("/v1/drugs/a%5Cb", "code"),
    ("/v1/payers/x%2Fpolicies", "payer_id"),
])
async def test_dot_segments_and_encoded_separators_are_422_and_never_forwarded(
        g, fakes, path, field):
    r = await g.client.get(path, headers=await g.auth())
    assert r.status_code == 422, (path, r.status_code, r.text[:200])
    assert r.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in r.json()["errors"]] == [field]
    assert [s for st in fakes.states.values() for s in st.seen] == []


@pytest.mark.parametrize("path", ["/v1/drugs/.", "/v1/protocols/.", "/v1/payers/.",
                                  "/v1/drugs/..", "/v1/payers/../policies"])
async def test_literal_dot_segments_are_refused(g, fakes, path):
    status, body = await raw_get(g.url, path, await g.token())
    assert status == 422, (path, status, body[:200])
    assert b"only dots" in body
    assert [s for st in fakes.states.values() for s in st.seen] == []


async def test_encoded_slash_in_an_id_cannot_reach_another_action(g, fakes):
    auth = await g.auth()
    for path, field in [(f"/v1/orders/{uuid.uuid4()}%2Fsign", "order_id"),
                        (f"/v1/appointments/{uuid.uuid4()}%2fcheck-in", "appointment_id")]:
        r = await g.client.post(path, headers=auth)
        assert r.status_code == 422 and r.json()["errors"][0]["field"] == field, r.text
    assert fakes["orders"].seen == [] and fakes["scheduling"].seen == []


async def test_the_forwarded_path_is_built_from_the_route_template(g, fakes):
    r = await g.client.get("/v1/drugs/keto%72olac", headers=await g.auth())
    assert r.status_code == 200
    assert [s.path for s in fakes["orders"].seen] == ["/v1/drugs/ketorolac"]
