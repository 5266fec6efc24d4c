from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.orders_page_patient_out import OrdersPagePatientOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    practice_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_practice_id: None | str | Unset
    if isinstance(practice_id, Unset):
        json_practice_id = UNSET
    else:
        json_practice_id = practice_id
    params["practice_id"] = json_practice_id

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/patients",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrdersPagePatientOut | Problem | None:
    if response.status_code == 200:
        response_200 = OrdersPagePatientOut.from_dict(response.json())

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
) -> Response[OrdersPagePatientOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    practice_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[OrdersPagePatientOut | Problem]:
    """List patients

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        practice_id (None | str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersPagePatientOut | Problem]
    """

    kwargs = _get_kwargs(
        practice_id=practice_id,
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
    practice_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> OrdersPagePatientOut | Problem | None:
    """List patients

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        practice_id (None | str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersPagePatientOut | Problem
    """

    return sync_detailed(
        client=client,
        practice_id=practice_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    practice_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[OrdersPagePatientOut | Problem]:
    """List patients

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        practice_id (None | str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersPagePatientOut | Problem]
    """

    kwargs = _get_kwargs(
        practice_id=practice_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    practice_id: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> OrdersPagePatientOut | Problem | None:
    """List patients

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        practice_id (None | str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersPagePatientOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            practice_id=practice_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
