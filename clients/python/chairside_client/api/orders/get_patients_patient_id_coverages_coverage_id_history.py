from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_patients_patient_id_coverages_coverage_id_history_purpose import (
    GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose,
)
from ...models.orders_page_coverage_version_out import OrdersPageCoverageVersionOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    patient_id: UUID,
    coverage_id: UUID,
    *,
    purpose: GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose
    | Unset = GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose.TREATMENT,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_purpose: str | Unset = UNSET
    if not isinstance(purpose, Unset):
        json_purpose = purpose.value

    params["purpose"] = json_purpose

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/patients/{patient_id}/coverages/{coverage_id}/history".format(
            patient_id=quote(str(patient_id), safe=""),
            coverage_id=quote(str(coverage_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrdersPageCoverageVersionOut | Problem | None:
    if response.status_code == 200:
        response_200 = OrdersPageCoverageVersionOut.from_dict(response.json())

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
) -> Response[OrdersPageCoverageVersionOut | Problem]:
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
    purpose: GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose
    | Unset = GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose.TREATMENT,
) -> Response[OrdersPageCoverageVersionOut | Problem]:
    """Every version of a coverage (audited read)

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):
        coverage_id (UUID):
        purpose (GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose | Unset): Why the PHI is
            read (recorded in the access log) Default:
            GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose.TREATMENT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersPageCoverageVersionOut | Problem]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        coverage_id=coverage_id,
        purpose=purpose,
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
    purpose: GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose
    | Unset = GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose.TREATMENT,
) -> OrdersPageCoverageVersionOut | Problem | None:
    """Every version of a coverage (audited read)

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):
        coverage_id (UUID):
        purpose (GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose | Unset): Why the PHI is
            read (recorded in the access log) Default:
            GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose.TREATMENT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersPageCoverageVersionOut | Problem
    """

    return sync_detailed(
        patient_id=patient_id,
        coverage_id=coverage_id,
        client=client,
        purpose=purpose,
    ).parsed


async def asyncio_detailed(
    patient_id: UUID,
    coverage_id: UUID,
    *,
    client: AuthenticatedClient,
    purpose: GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose
    | Unset = GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose.TREATMENT,
) -> Response[OrdersPageCoverageVersionOut | Problem]:
    """Every version of a coverage (audited read)

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):
        coverage_id (UUID):
        purpose (GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose | Unset): Why the PHI is
            read (recorded in the access log) Default:
            GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose.TREATMENT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersPageCoverageVersionOut | Problem]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        coverage_id=coverage_id,
        purpose=purpose,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    patient_id: UUID,
    coverage_id: UUID,
    *,
    client: AuthenticatedClient,
    purpose: GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose
    | Unset = GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose.TREATMENT,
) -> OrdersPageCoverageVersionOut | Problem | None:
    """Every version of a coverage (audited read)

     Needs scope `patients:read`. A partner client sees only its own practice's data.

    Args:
        patient_id (UUID):
        coverage_id (UUID):
        purpose (GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose | Unset): Why the PHI is
            read (recorded in the access log) Default:
            GetPatientsPatientIdCoveragesCoverageIdHistoryPurpose.TREATMENT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersPageCoverageVersionOut | Problem
    """

    return (
        await asyncio_detailed(
            patient_id=patient_id,
            coverage_id=coverage_id,
            client=client,
            purpose=purpose,
        )
    ).parsed
