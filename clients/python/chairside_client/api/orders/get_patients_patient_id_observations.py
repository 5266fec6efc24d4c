from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.orders_page_observation_out import OrdersPageObservationOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    patient_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/patients/{patient_id}/observations".format(
            patient_id=quote(str(patient_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrdersPageObservationOut | Problem | None:
    if response.status_code == 200:
        response_200 = OrdersPageObservationOut.from_dict(response.json())

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
) -> Response[OrdersPageObservationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    patient_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[OrdersPageObservationOut | Problem]:
    """The patient's recorded observations

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersPageObservationOut | Problem]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    patient_id: UUID,
    *,
    client: AuthenticatedClient,
) -> OrdersPageObservationOut | Problem | None:
    """The patient's recorded observations

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersPageObservationOut | Problem
    """

    return sync_detailed(
        patient_id=patient_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    patient_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[OrdersPageObservationOut | Problem]:
    """The patient's recorded observations

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersPageObservationOut | Problem]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    patient_id: UUID,
    *,
    client: AuthenticatedClient,
) -> OrdersPageObservationOut | Problem | None:
    """The patient's recorded observations

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersPageObservationOut | Problem
    """

    return (
        await asyncio_detailed(
            patient_id=patient_id,
            client=client,
        )
    ).parsed
