from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stream_message_data import StreamMessageData


T = TypeVar("T", bound="StreamMessage")


@_attrs_define
class StreamMessage:
    """The `data:` of one server-sent event (text/event-stream; see docs/stream.md).

    Attributes:
        id (str):
        occurred_at (datetime.datetime):
        type_ (str):
        data (StreamMessageData | Unset):
        practice_id (None | str | Unset):
    """

    id: str
    occurred_at: datetime.datetime
    type_: str
    data: StreamMessageData | Unset = UNSET
    practice_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        occurred_at = self.occurred_at.isoformat()

        type_ = self.type_

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        practice_id: None | str | Unset
        if isinstance(self.practice_id, Unset):
            practice_id = UNSET
        else:
            practice_id = self.practice_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "occurred_at": occurred_at,
                "type": type_,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data
        if practice_id is not UNSET:
            field_dict["practice_id"] = practice_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stream_message_data import StreamMessageData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        type_ = d.pop("type")

        _data = d.pop("data", UNSET)
        data: StreamMessageData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = StreamMessageData.from_dict(_data)

        def _parse_practice_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        practice_id = _parse_practice_id(d.pop("practice_id", UNSET))

        stream_message = cls(
            id=id,
            occurred_at=occurred_at,
            type_=type_,
            data=data,
            practice_id=practice_id,
        )

        stream_message.additional_properties = d
        return stream_message

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
