from enum import StrEnum


class GetAuthorizationsStatusType0(StrEnum):
    APPROVED = "approved"
    DENIED = "denied"
    DRAFT = "draft"
    EXPIRED = "expired"
    PENDED = "pended"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
