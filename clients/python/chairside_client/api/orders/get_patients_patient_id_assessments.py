from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.orders_assessments_out import OrdersAssessmentsOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    patient_id: UUID,
    *,
    drug_code: None | str | Unset = UNSET,
    payer_id: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_drug_code: None | str | Unset
    if isinstance(drug_code, Unset):
        json_drug_code = UNSET
    else:
        json_drug_code = drug_code
    params["drug_code"] = json_drug_code

    json_payer_id: None | str | Unset
    if isinstance(payer_id, Unset):
        json_payer_id = UNSET
    else:
        json_payer_id = payer_id
    params["payer_id"] = json_payer_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/patients/{patient_id}/assessments".format(
            patient_id=quote(str(patient_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrdersAssessmentsOut | Problem | None:
    if response.status_code == 200:
        response_200 = OrdersAssessmentsOut.from_dict(response.json())

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
) -> Response[OrdersAssessmentsOut | Problem]:
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
    drug_code: None | str | Unset = UNSET,
    payer_id: None | str | Unset = UNSET,
) -> Response[OrdersAssessmentsOut | Problem]:
    """Preventive assessments and the change from baseline

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):
        drug_code (None | str | Unset):
        payer_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersAssessmentsOut | Problem]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        drug_code=drug_code,
        payer_id=payer_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    patient_id: UUID,
    *,
    client: AuthenticatedClient,
    drug_code: None | str | Unset = UNSET,
    payer_id: None | str | Unset = UNSET,
) -> OrdersAssessmentsOut | Problem | None:
    """Preventive assessments and the change from baseline

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):
        drug_code (None | str | Unset):
        payer_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersAssessmentsOut | Problem
    """

    return sync_detailed(
        patient_id=patient_id,
        client=client,
        drug_code=drug_code,
        payer_id=payer_id,
    ).parsed


async def asyncio_detailed(
    patient_id: UUID,
    *,
    client: AuthenticatedClient,
    drug_code: None | str | Unset = UNSET,
    payer_id: None | str | Unset = UNSET,
) -> Response[OrdersAssessmentsOut | Problem]:
    """Preventive assessments and the change from baseline

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):
        drug_code (None | str | Unset):
        payer_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersAssessmentsOut | Problem]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        drug_code=drug_code,
        payer_id=payer_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    patient_id: UUID,
    *,
    client: AuthenticatedClient,
    drug_code: None | str | Unset = UNSET,
    payer_id: None | str | Unset = UNSET,
) -> OrdersAssessmentsOut | Problem | None:
    """Preventive assessments and the change from baseline

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):
        drug_code (None | str | Unset):
        payer_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersAssessmentsOut | Problem
    """

    return (
        await asyncio_detailed(
            patient_id=patient_id,
            client=client,
            drug_code=drug_code,
            payer_id=payer_id,
        )
    ).parsed
