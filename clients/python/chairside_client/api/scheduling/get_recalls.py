import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_recalls_status_type_0 import GetRecallsStatusType0
from ...models.problem import Problem
from ...models.scheduling_recall_page import SchedulingRecallPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: GetRecallsStatusType0 | None | Unset = UNSET,
    practice_id: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, GetRecallsStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_practice_id: None | str | Unset
    if isinstance(practice_id, Unset):
        json_practice_id = UNSET
    else:
        json_practice_id = practice_id
    params["practice_id"] = json_practice_id

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/recalls",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SchedulingRecallPage | None:
    if response.status_code == 200:
        response_200 = SchedulingRecallPage.from_dict(response.json())

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
) -> Response[Problem | SchedulingRecallPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: GetRecallsStatusType0 | None | Unset = UNSET,
    practice_id: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[Problem | SchedulingRecallPage]:
    """The recall due list (earliest, target and latest days of the next dose)

     Needs scope `schedule:read`. A partner client sees only its own practice's data.

    Args:
        status (GetRecallsStatusType0 | None | Unset):
        practice_id (None | str | Unset):
        from_ (datetime.date | None | Unset): target window opening on or after this day
        to (datetime.date | None | Unset): target window opening on or before this day
        limit (int | Unset):  Default: 100.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SchedulingRecallPage]
    """

    kwargs = _get_kwargs(
        status=status,
        practice_id=practice_id,
        from_=from_,
        to=to,
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
    status: GetRecallsStatusType0 | None | Unset = UNSET,
    practice_id: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Problem | SchedulingRecallPage | None:
    """The recall due list (earliest, target and latest days of the next dose)

     Needs scope `schedule:read`. A partner client sees only its own practice's data.

    Args:
        status (GetRecallsStatusType0 | None | Unset):
        practice_id (None | str | Unset):
        from_ (datetime.date | None | Unset): target window opening on or after this day
        to (datetime.date | None | Unset): target window opening on or before this day
        limit (int | Unset):  Default: 100.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SchedulingRecallPage
    """

    return sync_detailed(
        client=client,
        status=status,
        practice_id=practice_id,
        from_=from_,
        to=to,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: GetRecallsStatusType0 | None | Unset = UNSET,
    practice_id: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[Problem | SchedulingRecallPage]:
    """The recall due list (earliest, target and latest days of the next dose)

     Needs scope `schedule:read`. A partner client sees only its own practice's data.

    Args:
        status (GetRecallsStatusType0 | None | Unset):
        practice_id (None | str | Unset):
        from_ (datetime.date | None | Unset): target window opening on or after this day
        to (datetime.date | None | Unset): target window opening on or before this day
        limit (int | Unset):  Default: 100.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SchedulingRecallPage]
    """

    kwargs = _get_kwargs(
        status=status,
        practice_id=practice_id,
        from_=from_,
        to=to,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: GetRecallsStatusType0 | None | Unset = UNSET,
    practice_id: None | str | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Problem | SchedulingRecallPage | None:
    """The recall due list (earliest, target and latest days of the next dose)

     Needs scope `schedule:read`. A partner client sees only its own practice's data.

    Args:
        status (GetRecallsStatusType0 | None | Unset):
        practice_id (None | str | Unset):
        from_ (datetime.date | None | Unset): target window opening on or after this day
        to (datetime.date | None | Unset): target window opening on or before this day
        limit (int | Unset):  Default: 100.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SchedulingRecallPage
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            practice_id=practice_id,
            from_=from_,
            to=to,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
