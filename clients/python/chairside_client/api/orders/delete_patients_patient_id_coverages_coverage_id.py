import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.orders_coverage_out import OrdersCoverageOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    patient_id: UUID,
    coverage_id: UUID,
    *,
    effective_to: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_effective_to: None | str | Unset
    if isinstance(effective_to, Unset):
        json_effective_to = UNSET
    elif isinstance(effective_to, datetime.date):
        json_effective_to = effective_to.isoformat()
    else:
        json_effective_to = effective_to
    params["effective_to"] = json_effective_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/patients/{patient_id}/coverages/{coverage_id}".format(
            patient_id=quote(str(patient_id), safe=""),
            coverage_id=quote(str(coverage_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrdersCoverageOut | Problem | None:
    if response.status_code == 200:
        response_200 = OrdersCoverageOut.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[OrdersCoverageOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    patient_id: UUID,
    coverage_id: UUID,
    *,
    client: AuthenticatedClient,
    effective_to: datetime.date | None | Unset = UNSET,
) -> Response[OrdersCoverageOut | Problem]:
    """End a coverage (its history is kept)

     Needs scope `patients:write`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):
        coverage_id (UUID):
        effective_to (datetime.date | None | Unset): Last day covered (default: today)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersCoverageOut | Problem]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        coverage_id=coverage_id,
        effective_to=effective_to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    patient_id: UUID,
    coverage_id: UUID,
    *,
    client: AuthenticatedClient,
    effective_to: datetime.date | None | Unset = UNSET,
) -> OrdersCoverageOut | Problem | None:
    """End a coverage (its history is kept)

     Needs scope `patients:write`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):
        coverage_id (UUID):
        effective_to (datetime.date | None | Unset): Last day covered (default: today)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersCoverageOut | Problem
    """

    return sync_detailed(
        patient_id=patient_id,
        coverage_id=coverage_id,
        client=client,
        effective_to=effective_to,
    ).parsed


async def asyncio_detailed(
    patient_id: UUID,
    coverage_id: UUID,
    *,
    client: AuthenticatedClient,
    effective_to: datetime.date | None | Unset = UNSET,
) -> Response[OrdersCoverageOut | Problem]:
    """End a coverage (its history is kept)

     Needs scope `patients:write`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):
        coverage_id (UUID):
        effective_to (datetime.date | None | Unset): Last day covered (default: today)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersCoverageOut | Problem]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        coverage_id=coverage_id,
        effective_to=effective_to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    patient_id: UUID,
    coverage_id: UUID,
    *,
    client: AuthenticatedClient,
    effective_to: datetime.date | None | Unset = UNSET,
) -> OrdersCoverageOut | Problem | None:
    """End a coverage (its history is kept)

     Needs scope `patients:write`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):
        coverage_id (UUID):
        effective_to (datetime.date | None | Unset): Last day covered (default: today)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersCoverageOut | Problem
    """

    return (
        await asyncio_detailed(
            patient_id=patient_id,
            coverage_id=coverage_id,
            client=client,
            effective_to=effective_to,
        )
    ).parsed
