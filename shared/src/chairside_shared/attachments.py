"""Files attached to a record (an appeal's medical records, a letter): the bytes as uploaded,
checked the same way in every service. Infrastructure only: which record may carry files, and
when, is each service's rule.

Upload is JSON with the bytes base64-encoded (``data``), so a file travels through the gateway's
JSON validation like any other body; the limit applies to the decoded bytes. The metadata
follows FHIR DocumentReference (type, date, author, description) and its Attachment
(contentType, title, size, hash): see :func:`document_reference`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from chairside_shared.errors import DomainError, InvalidInput
from chairside_shared.inputs import Day

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# PDF, images a scanner or a fax gateway writes, plain text and XML (C-CDA, X12 275 payloads).
CONTENT_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg", "image/tiff",
                           "text/plain", "application/xml", "text/xml"})
# Magic numbers of the binary types: a file must be what it says it is.
_SIGNATURES = {"application/pdf": (b"%PDF-",), "image/png": (b"\x89PNG\r\n\x1a\n",),
               "image/jpeg": (b"\xff\xd8\xff",), "image/tiff": (b"II*\x00", b"MM\x00*")}
LOINC = "http://loinc.org"


class PayloadTooLarge(DomainError):
    status, title, code = 413, "Payload too large", "payload-too-large"


@dataclass(frozen=True, slots=True)
class Upload:
    """A file as received, before it is checked."""

    content_type: str
    data: str  # base64 (standard alphabet, padding required)


@dataclass(frozen=True, slots=True)
class CheckedFile:
    content: bytes
    content_type: str
    size: int
    sha256: str  # hex


def check_upload(upload: Upload, *, max_bytes: int = MAX_ATTACHMENT_BYTES) -> CheckedFile:
    """The decoded bytes, or a 422 naming the field (content type, encoding, empty, not what
    the content type says) or a 413 beyond ``max_bytes``."""
    ctype = upload.content_type.split(";")[0].strip().lower()
    if ctype not in CONTENT_TYPES:
        raise InvalidInput("content_type", "not an allowed type (" + ", ".join(
            sorted(CONTENT_TYPES)) + ")")
    # 4 base64 characters carry 3 bytes: refuse an oversized body before decoding it.
    if len(upload.data) > (max_bytes + 2) // 3 * 4 + 4:
        raise PayloadTooLarge(f"the file is larger than {max_bytes} bytes", field="data")
    try:
        content = base64.b64decode(upload.data, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidInput("data", "not base64") from exc
    if not content:
        raise InvalidInput("data", "empty file")
    if len(content) > max_bytes:
        raise PayloadTooLarge(f"the file is larger than {max_bytes} bytes", field="data")
    signatures = _SIGNATURES.get(ctype)
    if signatures and not content.startswith(signatures):
        raise InvalidInput("data", f"the bytes are not {ctype}")
    if ctype.startswith("text/") or ctype == "application/xml":
        try:
            content.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidInput("data", "text must be UTF-8") from exc
    return CheckedFile(content, ctype, len(content), hashlib.sha256(content).hexdigest())


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document's metadata as stored beside its bytes."""

    id: UUID
    owner_id: UUID  # the record it is attached to (an appeal)
    type_code: str  # LOINC document type, e.g. 11506-3 progress note
    type_display: str | None
    content_type: str
    title: str
    date: date
    author_id: str
    size: int
    sha256: str
    created_at: datetime


def document_reference(doc: StoredDocument, *, url: str) -> dict[str, Any]:
    """The metadata as a FHIR R4 DocumentReference (``url`` downloads the bytes), plus the
    flat fields the API lists."""
    return {
        "id": doc.id, "owner_id": doc.owner_id, "type_code": doc.type_code,
        "type_display": doc.type_display, "content_type": doc.content_type,
        "title": doc.title, "date": doc.date, "author_id": doc.author_id, "size": doc.size,
        "sha256": doc.sha256, "created_at": doc.created_at, "url": url,
        "fhir": {
            "resourceType": "DocumentReference", "id": str(doc.id), "status": "current",
            "type": {"coding": [{"system": LOINC, "code": doc.type_code,
                                 **({"display": doc.type_display} if doc.type_display else {})}]},
            "date": doc.created_at.isoformat(), "author": [{"reference": doc.author_id}],
            "description": doc.title,
            "content": [{"attachment": {
                "contentType": doc.content_type, "url": url, "size": doc.size,
                "title": doc.title, "creation": doc.date.isoformat()}}],
        },
    }


@dataclass(frozen=True, slots=True)
class NewDocument:
    """A document to attach, as a service handler receives it (before the file is checked)."""

    type_code: str
    type_display: str | None
    title: str
    document_date: date
    author_id: str
    upload: Upload

    def stored(self, checked: CheckedFile, *, document_id: UUID, owner_id: UUID,
               now: datetime) -> StoredDocument:
        """Its metadata as stored beside ``checked`` (the bytes check_upload accepted)."""
        return StoredDocument(
            id=document_id, owner_id=owner_id, type_code=self.type_code,
            type_display=self.type_display, content_type=checked.content_type,
            title=self.title, date=self.document_date, author_id=self.author_id,
            size=checked.size, sha256=checked.sha256, created_at=now)


# --------------------------------------------------------------------------- API shapes
class DocumentIn(BaseModel):
    """An upload: the metadata, and the file base64 in ``data``."""

    model_config = ConfigDict(extra="forbid")

    type_code: str = Field(min_length=3, max_length=20, pattern=r"^[0-9]{1,7}-[0-9]$",
                           description="LOINC document type, e.g. 11506-3 progress note")
    type_display: str | None = Field(None, min_length=1, max_length=200)
    content_type: str = Field(min_length=3, max_length=40,
                              description="one of " + ", ".join(sorted(CONTENT_TYPES)))
    title: str = Field(min_length=1, max_length=200)
    date: Day = Field(description="The document's own date")
    author_id: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z]+/[A-Za-z0-9.-]+$",
                           description="A reference, e.g. Practitioner/<id> (an id, no name)")
    data: str = Field(min_length=1, description="The file, base64 (standard alphabet), "
                                                "up to 10 MB decoded")

    def upload(self) -> Upload:
        return Upload(content_type=self.content_type, data=self.data)

    def new_document(self) -> NewDocument:
        return NewDocument(type_code=self.type_code, type_display=self.type_display,
                           title=self.title, document_date=self.date,
                           author_id=self.author_id, upload=self.upload())


class DocumentOut(BaseModel):
    """A document's metadata (the bytes at ``url``), flat and as a FHIR DocumentReference."""

    id: UUID
    owner_id: UUID
    type_code: str
    type_display: str | None
    content_type: str
    title: str
    date: date
    author_id: str
    size: int
    sha256: str
    created_at: datetime
    url: str
    fhir: dict[str, Any] = Field(description="The metadata as a FHIR R4 DocumentReference")


DOWNLOAD_RESPONSES: dict[int | str, dict[str, Any]] = {200: {
    "description": "The file as uploaded, served with its own content type (one of "
                   + ", ".join(sorted(CONTENT_TYPES)) + ")",
    "content": {"application/octet-stream": {"schema": {"type": "string",
                                                         "format": "binary"}}}}}
UPLOAD_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: {"description": "The file is larger than 10 MB"},
    409: {"description": "The record takes no more documents, or the same file is already "
                         "attached"}}
