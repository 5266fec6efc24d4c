from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_alerts_audience_type_0 import GetAlertsAudienceType0
from ...models.orders_page_alert_out import OrdersPageAlertOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    audience: GetAlertsAudienceType0 | None | Unset = UNSET,
    practitioner_id: None | Unset | UUID = UNSET,
    open_only: bool | Unset = True,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_audience: None | str | Unset
    if isinstance(audience, Unset):
        json_audience = UNSET
    elif isinstance(audience, GetAlertsAudienceType0):
        json_audience = audience.value
    else:
        json_audience = audience
    params["audience"] = json_audience

    json_practitioner_id: None | str | Unset
    if isinstance(practitioner_id, Unset):
        json_practitioner_id = UNSET
    elif isinstance(practitioner_id, UUID):
        json_practitioner_id = str(practitioner_id)
    else:
        json_practitioner_id = practitioner_id
    params["practitioner_id"] = json_practitioner_id

    params["open_only"] = open_only

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/alerts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrdersPageAlertOut | Problem | None:
    if response.status_code == 200:
        response_200 = OrdersPageAlertOut.from_dict(response.json())

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
) -> Response[OrdersPageAlertOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    audience: GetAlertsAudienceType0 | None | Unset = UNSET,
    practitioner_id: None | Unset | UUID = UNSET,
    open_only: bool | Unset = True,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[OrdersPageAlertOut | Problem]:
    """Reaction alerts: the charge nurse's worklist (RX-3)

     Needs scope `orders:read`. For the center's staff only; partner clients get 403.

    Args:
        audience (GetAlertsAudienceType0 | None | Unset):
        practitioner_id (None | Unset | UUID):
        open_only (bool | Unset):  Default: True.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersPageAlertOut | Problem]
    """

    kwargs = _get_kwargs(
        audience=audience,
        practitioner_id=practitioner_id,
        open_only=open_only,
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
    audience: GetAlertsAudienceType0 | None | Unset = UNSET,
    practitioner_id: None | Unset | UUID = UNSET,
    open_only: bool | Unset = True,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> OrdersPageAlertOut | Problem | None:
    """Reaction alerts: the charge nurse's worklist (RX-3)

     Needs scope `orders:read`. For the center's staff only; partner clients get 403.

    Args:
        audience (GetAlertsAudienceType0 | None | Unset):
        practitioner_id (None | Unset | UUID):
        open_only (bool | Unset):  Default: True.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersPageAlertOut | Problem
    """

    return sync_detailed(
        client=client,
        audience=audience,
        practitioner_id=practitioner_id,
        open_only=open_only,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    audience: GetAlertsAudienceType0 | None | Unset = UNSET,
    practitioner_id: None | Unset | UUID = UNSET,
    open_only: bool | Unset = True,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[OrdersPageAlertOut | Problem]:
    """Reaction alerts: the charge nurse's worklist (RX-3)

     Needs scope `orders:read`. For the center's staff only; partner clients get 403.

    Args:
        audience (GetAlertsAudienceType0 | None | Unset):
        practitioner_id (None | Unset | UUID):
        open_only (bool | Unset):  Default: True.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrdersPageAlertOut | Problem]
    """

    kwargs = _get_kwargs(
        audience=audience,
        practitioner_id=practitioner_id,
        open_only=open_only,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    audience: GetAlertsAudienceType0 | None | Unset = UNSET,
    practitioner_id: None | Unset | UUID = UNSET,
    open_only: bool | Unset = True,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> OrdersPageAlertOut | Problem | None:
    """Reaction alerts: the charge nurse's worklist (RX-3)

     Needs scope `orders:read`. For the center's staff only; partner clients get 403.

    Args:
        audience (GetAlertsAudienceType0 | None | Unset):
        practitioner_id (None | Unset | UUID):
        open_only (bool | Unset):  Default: True.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset): opaque: the previous page's next_cursor, valid only for the client,
            practice and user it was given to, on the same list, for 24 hours by default; any other is
            a 422 naming `cursor`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrdersPageAlertOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            audience=audience,
            practitioner_id=practitioner_id,
            open_only=open_only,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
