"""The clearinghouse an eligibility check talks to over HTTP: ``POST <url>`` with the 270
interchange as ``application/edi-x12``; the answer is the 271 (or a 999 rejecting the 270).
Who the 270 is about comes from orders (``orders_client``, the one identity source)."""

from __future__ import annotations

import httpx
from pydantic import SecretStr

X12_MEDIA = "application/edi-x12"


class ClearinghouseUnavailable(Exception):
    """No 271 came back (transport error, timeout, HTTP error status)."""


class ClearinghouseClient:
    def __init__(self, url: str, *, token: SecretStr | None = None,
                 timeout_s: float = 10.0) -> None:
        self.url = url
        self.token = token
        self.timeout_s = timeout_s

    async def exchange(self, x12: str) -> str:
        headers = {"content-type": X12_MEDIA, "accept": X12_MEDIA}
        if self.token is not None:
            headers["authorization"] = f"Bearer {self.token.get_secret_value()}"
        try:
            async with httpx.AsyncClient(timeout=self.timeout_s) as client:
                r = await client.post(self.url, content=x12.encode(), headers=headers)
        except httpx.HTTPError as exc:
            raise ClearinghouseUnavailable(f"clearinghouse unreachable ({type(exc).__name__})"
                                           ) from exc
        if r.status_code != 200:
            raise ClearinghouseUnavailable(f"clearinghouse answered {r.status_code}")
        return r.text
