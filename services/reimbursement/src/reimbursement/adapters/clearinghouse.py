"""The clearinghouse an 837P batch goes to, and its mailbox of answers (999, 277CA, 835).

``POST {base}/x12/837`` with the batch (202: taken); ``GET {base}/x12/inbox`` lists files
waiting ``{items: [{id, kind, text}]}``; ``DELETE {base}/x12/inbox/{id}`` takes one out once it
is stored here. ``base`` is REIMBURSEMENT_CLEARINGHOUSE_URL (the sandbox in development and
tests; a real clearinghouse with the same mailbox contract is one setting away). No body is
ever logged: the 837P carries PHI.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import httpx

X12_MEDIA = "application/edi-x12"


class ClearinghouseUnavailable(Exception):
    """The clearinghouse could not be reached or refused the request (status only)."""


@dataclass(frozen=True, slots=True)
class InboxFile:
    id: str
    kind: str
    text: str


class Clearinghouse(Protocol):
    async def send_837(self, text: str) -> None: ...
    async def inbox(self) -> list[InboxFile]: ...
    async def remove(self, file_id: str) -> None: ...


class HttpClearinghouse:
    def __init__(self, base_url: str, *, token: str | None = None,
                 timeout_s: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.headers = {"authorization": f"Bearer {token}"} if token else {}
        self.timeout_s = timeout_s

    async def _call(self, method: str, path: str, *, content: str | None = None,
                    ok: tuple[int, ...] = (200,)) -> httpx.Response:
        headers = dict(self.headers)
        if content is not None:
            headers["content-type"] = X12_MEDIA
        try:
            async with httpx.AsyncClient(timeout=self.timeout_s) as client:
                response = await client.request(method, f"{self.base_url}{path}",
                                                content=content, headers=headers)
        except httpx.HTTPError as exc:
            raise ClearinghouseUnavailable(f"clearinghouse unreachable ({type(exc).__name__})"
                                           ) from exc
        if response.status_code not in ok:
            raise ClearinghouseUnavailable(f"clearinghouse answered {response.status_code} "
                                           f"to {method} {path.split('/')[1]}")
        return response

    async def send_837(self, text: str) -> None:
        await self._call("POST", "/x12/837", content=text, ok=(200, 202))

    async def inbox(self) -> list[InboxFile]:
        response = await self._call("GET", "/x12/inbox")
        try:
            return [InboxFile(str(i["id"]), str(i["kind"]), str(i["text"]))
                    for i in response.json()["items"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise ClearinghouseUnavailable(f"unreadable inbox ({type(exc).__name__})") from None

    async def remove(self, file_id: str) -> None:
        await self._call("DELETE", f"/x12/inbox/{file_id}", ok=(200, 204, 404))
