import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.authorization_authorization_page import AuthorizationAuthorizationPage
from ...models.get_authorizations_status_type_0 import GetAuthorizationsStatusType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    order_id: None | Unset | UUID = UNSET,
    status: GetAuthorizationsStatusType0 | None | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    practice_id: None | str | Unset = UNSET,
    worklist: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_order_id: None | str | Unset
    if isinstance(order_id, Unset):
        json_order_id = UNSET
    elif isinstance(order_id, UUID):
        json_order_id = str(order_id)
    else:
        json_order_id = order_id
    params["order_id"] = json_order_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, GetAuthorizationsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_due_before: None | str | Unset
    if isinstance(due_before, Unset):
        json_due_before = UNSET
    elif isinstance(due_before, datetime.datetime):
        json_due_before = due_before.isoformat()
    else:
        json_due_before = due_before
    params["due_before"] = json_due_before

    json_practice_id: None | str | Unset
    if isinstance(practice_id, Unset):
        json_practice_id = UNSET
    else:
        json_practice_id = practice_id
    params["practice_id"] = json_practice_id

    params["worklist"] = worklist

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/authorizations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuthorizationAuthorizationPage | Problem | None:
    if response.status_code == 200:
        response_200 = AuthorizationAuthorizationPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AuthorizationAuthorizationPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    order_id: None | Unset | UUID = UNSET,
    status: GetAuthorizationsStatusType0 | None | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    practice_id: None | str | Unset = UNSET,
    worklist: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[AuthorizationAuthorizationPage | Problem]:
    """Prior-authorization worklist

     Needs scope `authorizations:read`. A partner client sees only its own practice's data.

    Args:
        order_id (None | Unset | UUID):
        status (GetAuthorizationsStatusType0 | None | Unset):
        due_before (datetime.datetime | None | Unset):
        practice_id (None | str | Unset):
        worklist (bool | Unset): only cases that need someone: overdue, stale drafts, approvals
            near expiry or exhaustion (reauthorization due) Default: False.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthorizationAuthorizationPage | Problem]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        status=status,
        due_before=due_before,
        practice_id=practice_id,
        worklist=worklist,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    order_id: None | Unset | UUID = UNSET,
    status: GetAuthorizationsStatusType0 | None | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    practice_id: None | str | Unset = UNSET,
    worklist: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> AuthorizationAuthorizationPage | Problem | None:
    """Prior-authorization worklist

     Needs scope `authorizations:read`. A partner client sees only its own practice's data.

    Args:
        order_id (None | Unset | UUID):
        status (GetAuthorizationsStatusType0 | None | Unset):
        due_before (datetime.datetime | None | Unset):
        practice_id (None | str | Unset):
        worklist (bool | Unset): only cases that need someone: overdue, stale drafts, approvals
            near expiry or exhaustion (reauthorization due) Default: False.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthorizationAuthorizationPage | Problem
    """

    return sync_detailed(
        client=client,
        order_id=order_id,
        status=status,
        due_before=due_before,
        practice_id=practice_id,
        worklist=worklist,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    order_id: None | Unset | UUID = UNSET,
    status: GetAuthorizationsStatusType0 | None | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    practice_id: None | str | Unset = UNSET,
    worklist: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[AuthorizationAuthorizationPage | Problem]:
    """Prior-authorization worklist

     Needs scope `authorizations:read`. A partner client sees only its own practice's data.

    Args:
        order_id (None | Unset | UUID):
        status (GetAuthorizationsStatusType0 | None | Unset):
        due_before (datetime.datetime | None | Unset):
        practice_id (None | str | Unset):
        worklist (bool | Unset): only cases that need someone: overdue, stale drafts, approvals
            near expiry or exhaustion (reauthorization due) Default: False.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthorizationAuthorizationPage | Problem]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        status=status,
        due_before=due_before,
        practice_id=practice_id,
        worklist=worklist,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    order_id: None | Unset | UUID = UNSET,
    status: GetAuthorizationsStatusType0 | None | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    practice_id: None | str | Unset = UNSET,
    worklist: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> AuthorizationAuthorizationPage | Problem | None:
    """Prior-authorization worklist

     Needs scope `authorizations:read`. A partner client sees only its own practice's data.

    Args:
        order_id (None | Unset | UUID):
        status (GetAuthorizationsStatusType0 | None | Unset):
        due_before (datetime.datetime | None | Unset):
        practice_id (None | str | Unset):
        worklist (bool | Unset): only cases that need someone: overdue, stale drafts, approvals
            near expiry or exhaustion (reauthorization due) Default: False.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthorizationAuthorizationPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            order_id=order_id,
            status=status,
            due_before=due_before,
            practice_id=practice_id,
            worklist=worklist,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
