from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReimbursementDocumentIn")


@_attrs_define
class ReimbursementDocumentIn:
    """An upload: the metadata, and the file base64 in ``data``.

    Attributes:
        author_id (str): A reference, e.g. Practitioner/<id> (an id, no name)
        content_type (str): one of application/pdf, application/xml, image/jpeg, image/png, image/tiff, text/plain,
            text/xml
        data (str): The file, base64 (standard alphabet), up to 10 MB decoded
        date (datetime.date): The document's own date
        title (str):
        type_code (str): LOINC document type, e.g. 11506-3 progress note
        type_display (None | str | Unset):
    """

    author_id: str
    content_type: str
    data: str
    date: datetime.date
    title: str
    type_code: str
    type_display: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        author_id = self.author_id

        content_type = self.content_type

        data = self.data

        date = self.date.isoformat()

        title = self.title

        type_code = self.type_code

        type_display: None | str | Unset
        if isinstance(self.type_display, Unset):
            type_display = UNSET
        else:
            type_display = self.type_display

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "author_id": author_id,
                "content_type": content_type,
                "data": data,
                "date": date,
                "title": title,
                "type_code": type_code,
            }
        )
        if type_display is not UNSET:
            field_dict["type_display"] = type_display

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        author_id = d.pop("author_id")

        content_type = d.pop("content_type")

        data = d.pop("data")

        date = datetime.date.fromisoformat(d.pop("date"))

        title = d.pop("title")

        type_code = d.pop("type_code")

        def _parse_type_display(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_display = _parse_type_display(d.pop("type_display", UNSET))

        reimbursement_document_in = cls(
            author_id=author_id,
            content_type=content_type,
            data=data,
            date=date,
            title=title,
            type_code=type_code,
            type_display=type_display,
        )

        return reimbursement_document_in
