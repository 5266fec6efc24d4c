from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reimbursement_contract_version_page import (
    ReimbursementContractVersionPage,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    payer_id: str,
    *,
    plan: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_plan: None | str | Unset
    if isinstance(plan, Unset):
        json_plan = UNSET
    else:
        json_plan = plan
    params["plan"] = json_plan

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/pricing/contracts/{payer_id}/versions".format(
            payer_id=quote(str(payer_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReimbursementContractVersionPage | None:
    if response.status_code == 200:
        response_200 = ReimbursementContractVersionPage.from_dict(response.json())

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
) -> Response[Problem | ReimbursementContractVersionPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    payer_id: str,
    *,
    client: AuthenticatedClient,
    plan: None | str | Unset = UNSET,
) -> Response[Problem | ReimbursementContractVersionPage]:
    """A payer's contract versions

     Needs scope `billing:read`. For the center's staff only; partner clients get 403.

    Args:
        payer_id (str):
        plan (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReimbursementContractVersionPage]
    """

    kwargs = _get_kwargs(
        payer_id=payer_id,
        plan=plan,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    payer_id: str,
    *,
    client: AuthenticatedClient,
    plan: None | str | Unset = UNSET,
) -> Problem | ReimbursementContractVersionPage | None:
    """A payer's contract versions

     Needs scope `billing:read`. For the center's staff only; partner clients get 403.

    Args:
        payer_id (str):
        plan (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReimbursementContractVersionPage
    """

    return sync_detailed(
        payer_id=payer_id,
        client=client,
        plan=plan,
    ).parsed


async def asyncio_detailed(
    payer_id: str,
    *,
    client: AuthenticatedClient,
    plan: None | str | Unset = UNSET,
) -> Response[Problem | ReimbursementContractVersionPage]:
    """A payer's contract versions

     Needs scope `billing:read`. For the center's staff only; partner clients get 403.

    Args:
        payer_id (str):
        plan (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReimbursementContractVersionPage]
    """

    kwargs = _get_kwargs(
        payer_id=payer_id,
        plan=plan,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    payer_id: str,
    *,
    client: AuthenticatedClient,
    plan: None | str | Unset = UNSET,
) -> Problem | ReimbursementContractVersionPage | None:
    """A payer's contract versions

     Needs scope `billing:read`. For the center's staff only; partner clients get 403.

    Args:
        payer_id (str):
        plan (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReimbursementContractVersionPage
    """

    return (
        await asyncio_detailed(
            payer_id=payer_id,
            client=client,
            plan=plan,
        )
    ).parsed
