from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.orders_page_order_out import OrdersPageOrderOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    practice_id: None | str | Unset = UNSET,
    status: None | str | Unset = UNSET,
    patient_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    id: list[UUID] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_practice_id: None | str | Unset
    if isinstance(practice_id, Unset):
        json_practice_id = UNSET
    else:
        json_practice_id = practice_id
    params["practice_id"] = json_practice_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    else:
        json_status = status
    params["status"] = json_status

    json_patient_id: None | str | Unset
    if isinstance(patient_id, Unset):
        json_patient_id = UNSET
    elif isinstance(patient_id, UUID):
        json_patient_id = str(patient_id)
    else:
        json_patient_id = patient_id
    params["patient_id"] = json_patient_id

    params["limit"] = limit

    params["cursor"] = cursor

    json_id: list[str] | Unset = UNSET
    if not isinstance(id, Unset):
        json_id = []
        for id_item_data in id:
            id_item = str(id_item_data)
            json_id.append(id_item)

    params["id"] = json_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/orders",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrdersPageOrderOut | Problem | None:
    if response.status_code == 200:
        response_200 = OrdersPageOrderOut.from_dict(response.json())

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
) -> Response[OrdersPageOrderOut | Problem]:
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
    status: None | str | Unset = UNSET,
    patient_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    id: list[UUID] | Unset = UNSET,
) -> Response[OrdersPageOrderOut | Problem]:
    """List orders

     Needs scope `orders:read`. A partner client sees only its own practice's data.

    Args:
        practice_id (None | str | Unset):
        status (None | str | Unset):
        patient_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`
        id (list[UUID] | Unset): only these orders (repeat the parameter): a view that shows many
            orders reads them in one call

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersPageOrderOut | Problem]
    """

    kwargs = _get_kwargs(
        practice_id=practice_id,
        status=status,
        patient_id=patient_id,
        limit=limit,
        cursor=cursor,
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    practice_id: None | str | Unset = UNSET,
    status: None | str | Unset = UNSET,
    patient_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    id: list[UUID] | Unset = UNSET,
) -> OrdersPageOrderOut | Problem | None:
    """List orders

     Needs scope `orders:read`. A partner client sees only its own practice's data.

    Args:
        practice_id (None | str | Unset):
        status (None | str | Unset):
        patient_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`
        id (list[UUID] | Unset): only these orders (repeat the parameter): a view that shows many
            orders reads them in one call

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersPageOrderOut | Problem
    """

    return sync_detailed(
        client=client,
        practice_id=practice_id,
        status=status,
        patient_id=patient_id,
        limit=limit,
        cursor=cursor,
        id=id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    practice_id: None | str | Unset = UNSET,
    status: None | str | Unset = UNSET,
    patient_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    id: list[UUID] | Unset = UNSET,
) -> Response[OrdersPageOrderOut | Problem]:
    """List orders

     Needs scope `orders:read`. A partner client sees only its own practice's data.

    Args:
        practice_id (None | str | Unset):
        status (None | str | Unset):
        patient_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`
        id (list[UUID] | Unset): only these orders (repeat the parameter): a view that shows many
            orders reads them in one call

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersPageOrderOut | Problem]
    """

    kwargs = _get_kwargs(
        practice_id=practice_id,
        status=status,
        patient_id=patient_id,
        limit=limit,
        cursor=cursor,
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    practice_id: None | str | Unset = UNSET,
    status: None | str | Unset = UNSET,
    patient_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    id: list[UUID] | Unset = UNSET,
) -> OrdersPageOrderOut | Problem | None:
    """List orders

     Needs scope `orders:read`. A partner client sees only its own practice's data.

    Args:
        practice_id (None | str | Unset):
        status (None | str | Unset):
        patient_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`
        id (list[UUID] | Unset): only these orders (repeat the parameter): a view that shows many
            orders reads them in one call

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersPageOrderOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            practice_id=practice_id,
            status=status,
            patient_id=patient_id,
            limit=limit,
            cursor=cursor,
            id=id,
        )
    ).parsed
