"""Appeal document uploads (JSON carrying the file base64) have their own body limit at the
edge; every other route keeps the general one."""

from __future__ import annotations

import base64
import uuid

import pytest

pytestmark = pytest.mark.integration


def upload(size: int) -> dict:
    return {"type_code": "11506-3", "content_type": "text/plain", "title": "Note",
            "date": "2026-03-01", "author_id": "Practitioner/p1",
            "data": base64.b64encode(b"n" * size).decode()}


@pytest.mark.parametrize("path", ["/v1/claim-appeals/{a}/documents",
                                  "/v1/authorizations/{c}/appeals/{a}/documents"])
async def test_a_document_may_be_larger_than_other_bodies_up_to_its_own_limit(
        start_gateway, fakes, path):
    case = fakes["authorization"].put("authorizations", {"order_id": str(uuid.uuid4()),
                                                         "status": "denied", "lines": []})
    url = path.format(a=uuid.uuid4(), c=case["id"])
    async with start_gateway(max_body_bytes=4096, max_document_body_bytes=60_000) as gt:
        auth = await gt.auth()
        r = await gt.client.post(url, json=upload(30_000), headers=auth)
        assert 200 <= r.status_code < 300, r.text  # 40 kB of JSON: over the general limit
        r = await gt.client.post(url, json=upload(50_000), headers=auth)
        assert r.status_code == 413 and "60000" in r.json()["detail"]
        # elsewhere the general limit holds
        r = await gt.client.post("/v1/claims/denials", json=upload(30_000), headers=auth)
        assert r.status_code == 413 and "4096" in r.json()["detail"]
    posted = [s for name in ("reimbursement", "authorization") for s in fakes[name].seen
              if s.method == "POST"]
    assert [(s.path, len(s.body) > 40_000) for s in posted] == [(url, True)]  # only the first
