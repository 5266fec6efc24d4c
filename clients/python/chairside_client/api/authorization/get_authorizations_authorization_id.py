from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.authorization_authorization import AuthorizationAuthorization
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    authorization_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/authorizations/{authorization_id}".format(
            authorization_id=quote(str(authorization_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuthorizationAuthorization | Problem | None:
    if response.status_code == 200:
        response_200 = AuthorizationAuthorization.from_dict(response.json())

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
) -> Response[AuthorizationAuthorization | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    authorization_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AuthorizationAuthorization | Problem]:
    """Get a prior-authorization case

     Needs scope `authorizations:read`. A partner client sees only its own practice's data.

    Args:
        authorization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthorizationAuthorization | Problem]
    """

    kwargs = _get_kwargs(
        authorization_id=authorization_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    authorization_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AuthorizationAuthorization | Problem | None:
    """Get a prior-authorization case

     Needs scope `authorizations:read`. A partner client sees only its own practice's data.

    Args:
        authorization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthorizationAuthorization | Problem
    """

    return sync_detailed(
        authorization_id=authorization_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    authorization_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AuthorizationAuthorization | Problem]:
    """Get a prior-authorization case

     Needs scope `authorizations:read`. A partner client sees only its own practice's data.

    Args:
        authorization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthorizationAuthorization | Problem]
    """

    kwargs = _get_kwargs(
        authorization_id=authorization_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    authorization_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AuthorizationAuthorization | Problem | None:
    """Get a prior-authorization case

     Needs scope `authorizations:read`. A partner client sees only its own practice's data.

    Args:
        authorization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthorizationAuthorization | Problem
    """

    return (
        await asyncio_detailed(
            authorization_id=authorization_id,
            client=client,
        )
    ).parsed
