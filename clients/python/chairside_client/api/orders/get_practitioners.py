from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_practitioners_role_type_0 import GetPractitionersRoleType0
from ...models.orders_page_practitioner_out import OrdersPagePractitionerOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    role: GetPractitionersRoleType0 | None | Unset = UNSET,
    npi: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_role: None | str | Unset
    if isinstance(role, Unset):
        json_role = UNSET
    elif isinstance(role, GetPractitionersRoleType0):
        json_role = role.value
    else:
        json_role = role
    params["role"] = json_role

    json_npi: None | str | Unset
    if isinstance(npi, Unset):
        json_npi = UNSET
    else:
        json_npi = npi
    params["npi"] = json_npi

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/practitioners",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrdersPagePractitionerOut | Problem | None:
    if response.status_code == 200:
        response_200 = OrdersPagePractitionerOut.from_dict(response.json())

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
) -> Response[OrdersPagePractitionerOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    role: GetPractitionersRoleType0 | None | Unset = UNSET,
    npi: None | str | Unset = UNSET,
) -> Response[OrdersPagePractitionerOut | Problem]:
    """Practitioners (the center's and the caller's practice's)

     Needs scope `orders:read`. Reference data, the same for every caller.

    Args:
        role (GetPractitionersRoleType0 | None | Unset):
        npi (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersPagePractitionerOut | Problem]
    """

    kwargs = _get_kwargs(
        role=role,
        npi=npi,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    role: GetPractitionersRoleType0 | None | Unset = UNSET,
    npi: None | str | Unset = UNSET,
) -> OrdersPagePractitionerOut | Problem | None:
    """Practitioners (the center's and the caller's practice's)

     Needs scope `orders:read`. Reference data, the same for every caller.

    Args:
        role (GetPractitionersRoleType0 | None | Unset):
        npi (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersPagePractitionerOut | Problem
    """

    return sync_detailed(
        client=client,
        role=role,
        npi=npi,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    role: GetPractitionersRoleType0 | None | Unset = UNSET,
    npi: None | str | Unset = UNSET,
) -> Response[OrdersPagePractitionerOut | Problem]:
    """Practitioners (the center's and the caller's practice's)

     Needs scope `orders:read`. Reference data, the same for every caller.

    Args:
        role (GetPractitionersRoleType0 | None | Unset):
        npi (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersPagePractitionerOut | Problem]
    """

    kwargs = _get_kwargs(
        role=role,
        npi=npi,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    role: GetPractitionersRoleType0 | None | Unset = UNSET,
    npi: None | str | Unset = UNSET,
) -> OrdersPagePractitionerOut | Problem | None:
    """Practitioners (the center's and the caller's practice's)

     Needs scope `orders:read`. Reference data, the same for every caller.

    Args:
        role (GetPractitionersRoleType0 | None | Unset):
        npi (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersPagePractitionerOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            role=role,
            npi=npi,
        )
    ).parsed
