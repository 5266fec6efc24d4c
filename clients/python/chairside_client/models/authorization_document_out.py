from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.authorization_document_out_fhir import AuthorizationDocumentOutFhir


T = TypeVar("T", bound="AuthorizationDocumentOut")


@_attrs_define
class AuthorizationDocumentOut:
    """A document's metadata (the bytes at ``url``), flat and as a FHIR DocumentReference.

    Attributes:
        author_id (str):
        content_type (str):
        created_at (datetime.datetime):
        date (datetime.date):
        fhir (AuthorizationDocumentOutFhir): The metadata as a FHIR R4 DocumentReference
        id (UUID):
        owner_id (UUID):
        sha256 (str):
        size (int):
        title (str):
        type_code (str):
        type_display (None | str):
        url (str):
    """

    author_id: str
    content_type: str
    created_at: datetime.datetime
    date: datetime.date
    fhir: AuthorizationDocumentOutFhir
    id: UUID
    owner_id: UUID
    sha256: str
    size: int
    title: str
    type_code: str
    type_display: None | str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        author_id = self.author_id

        content_type = self.content_type

        created_at = self.created_at.isoformat()

        date = self.date.isoformat()

        fhir = self.fhir.to_dict()

        id = str(self.id)

        owner_id = str(self.owner_id)

        sha256 = self.sha256

        size = self.size

        title = self.title

        type_code = self.type_code

        type_display: None | str
        type_display = self.type_display

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "author_id": author_id,
                "content_type": content_type,
                "created_at": created_at,
                "date": date,
                "fhir": fhir,
                "id": id,
                "owner_id": owner_id,
                "sha256": sha256,
                "size": size,
                "title": title,
                "type_code": type_code,
                "type_display": type_display,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization_document_out_fhir import (
            AuthorizationDocumentOutFhir,  # noqa: PLC0415
        )

        d = dict(src_dict)
        author_id = d.pop("author_id")

        content_type = d.pop("content_type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        date = datetime.date.fromisoformat(d.pop("date"))

        fhir = AuthorizationDocumentOutFhir.from_dict(d.pop("fhir"))

        id = UUID(d.pop("id"))

        owner_id = UUID(d.pop("owner_id"))

        sha256 = d.pop("sha256")

        size = d.pop("size")

        title = d.pop("title")

        type_code = d.pop("type_code")

        def _parse_type_display(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        type_display = _parse_type_display(d.pop("type_display"))

        url = d.pop("url")

        authorization_document_out = cls(
            author_id=author_id,
            content_type=content_type,
            created_at=created_at,
            date=date,
            fhir=fhir,
            id=id,
            owner_id=owner_id,
            sha256=sha256,
            size=size,
            title=title,
            type_code=type_code,
            type_display=type_display,
            url=url,
        )

        authorization_document_out.additional_properties = d
        return authorization_document_out

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
