import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.scheduling_appointment_page import SchedulingAppointmentPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    date: datetime.date | None | Unset = UNSET,
    order_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_date: None | str | Unset
    if isinstance(date, Unset):
        json_date = UNSET
    elif isinstance(date, datetime.date):
        json_date = date.isoformat()
    else:
        json_date = date
    params["date"] = json_date

    json_order_id: None | str | Unset
    if isinstance(order_id, Unset):
        json_order_id = UNSET
    elif isinstance(order_id, UUID):
        json_order_id = str(order_id)
    else:
        json_order_id = order_id
    params["order_id"] = json_order_id

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/appointments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SchedulingAppointmentPage | None:
    if response.status_code == 200:
        response_200 = SchedulingAppointmentPage.from_dict(response.json())

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
) -> Response[Problem | SchedulingAppointmentPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    date: datetime.date | None | Unset = UNSET,
    order_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[Problem | SchedulingAppointmentPage]:
    """List appointments

     Needs scope `schedule:read`. A partner client sees only its own practice's data.

    Args:
        date (datetime.date | None | Unset):
        order_id (None | Unset | UUID):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SchedulingAppointmentPage]
    """

    kwargs = _get_kwargs(
        date=date,
        order_id=order_id,
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
    date: datetime.date | None | Unset = UNSET,
    order_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Problem | SchedulingAppointmentPage | None:
    """List appointments

     Needs scope `schedule:read`. A partner client sees only its own practice's data.

    Args:
        date (datetime.date | None | Unset):
        order_id (None | Unset | UUID):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SchedulingAppointmentPage
    """

    return sync_detailed(
        client=client,
        date=date,
        order_id=order_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    date: datetime.date | None | Unset = UNSET,
    order_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[Problem | SchedulingAppointmentPage]:
    """List appointments

     Needs scope `schedule:read`. A partner client sees only its own practice's data.

    Args:
        date (datetime.date | None | Unset):
        order_id (None | Unset | UUID):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SchedulingAppointmentPage]
    """

    kwargs = _get_kwargs(
        date=date,
        order_id=order_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    date: datetime.date | None | Unset = UNSET,
    order_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Problem | SchedulingAppointmentPage | None:
    """List appointments

     Needs scope `schedule:read`. A partner client sees only its own practice's data.

    Args:
        date (datetime.date | None | Unset):
        order_id (None | Unset | UUID):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SchedulingAppointmentPage
    """

    return (
        await asyncio_detailed(
            client=client,
            date=date,
            order_id=order_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
