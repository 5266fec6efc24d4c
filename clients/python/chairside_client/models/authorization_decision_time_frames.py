from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authorization_time_frame import AuthorizationTimeFrame


T = TypeVar("T", bound="AuthorizationDecisionTimeFrames")


@_attrs_define
class AuthorizationDecisionTimeFrames:
    """
    Attributes:
        expedited (AuthorizationTimeFrame): One clock: ``amount`` of ``unit`` from the payer's receipt of the request.
        standard (AuthorizationTimeFrame): One clock: ``amount`` of ``unit`` from the payer's receipt of the request.
        source (None | str | Unset):
    """

    expedited: AuthorizationTimeFrame
    standard: AuthorizationTimeFrame
    source: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        expedited = self.expedited.to_dict()

        standard = self.standard.to_dict()

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "expedited": expedited,
                "standard": standard,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_time_frame import AuthorizationTimeFrame  # noqa: PLC0415

        d = dict(src_dict)
        expedited = AuthorizationTimeFrame.from_dict(d.pop("expedited"))

        standard = AuthorizationTimeFrame.from_dict(d.pop("standard"))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        authorization_decision_time_frames = cls(
            expedited=expedited,
            standard=standard,
            source=source,
        )

        return authorization_decision_time_frames
