from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.orders_observation_kind_in import OrdersObservationKindIn
from ...models.orders_observation_kind_out import OrdersObservationKindOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    kind: str,
    *,
    body: OrdersObservationKindIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/observation-kinds/{kind}".format(
            kind=quote(str(kind), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrdersObservationKindOut | Problem | None:
    if response.status_code == 200:
        response_200 = OrdersObservationKindOut.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[OrdersObservationKindOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: OrdersObservationKindIn,
) -> Response[OrdersObservationKindOut | Problem]:
    """Create or replace an observation kind

     Needs scope `admin`. For the center's staff only; partner clients get 403.

    Args:
        kind (str):
        body (OrdersObservationKindIn): An observation kind: a vocabulary of ``results``, or a
            ``unit`` (with optional
            ``low``/``high`` limits the value is read against: low, normal, high).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersObservationKindOut | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: OrdersObservationKindIn,
) -> OrdersObservationKindOut | Problem | None:
    """Create or replace an observation kind

     Needs scope `admin`. For the center's staff only; partner clients get 403.

    Args:
        kind (str):
        body (OrdersObservationKindIn): An observation kind: a vocabulary of ``results``, or a
            ``unit`` (with optional
            ``low``/``high`` limits the value is read against: low, normal, high).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersObservationKindOut | Problem
    """

    return sync_detailed(
        kind=kind,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: OrdersObservationKindIn,
) -> Response[OrdersObservationKindOut | Problem]:
    """Create or replace an observation kind

     Needs scope `admin`. For the center's staff only; partner clients get 403.

    Args:
        kind (str):
        body (OrdersObservationKindIn): An observation kind: a vocabulary of ``results``, or a
            ``unit`` (with optional
            ``low``/``high`` limits the value is read against: low, normal, high).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersObservationKindOut | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: OrdersObservationKindIn,
) -> OrdersObservationKindOut | Problem | None:
    """Create or replace an observation kind

     Needs scope `admin`. For the center's staff only; partner clients get 403.

    Args:
        kind (str):
        body (OrdersObservationKindIn): An observation kind: a vocabulary of ``results``, or a
            ``unit`` (with optional
            ``low``/``high`` limits the value is read against: low, normal, high).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersObservationKindOut | Problem
    """

    return (
        await asyncio_detailed(
            kind=kind,
            client=client,
            body=body,
        )
    ).parsed
