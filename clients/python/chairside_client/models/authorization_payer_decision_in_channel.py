from enum import StrEnum


class AuthorizationPayerDecisionInChannel(StrEnum):
    FAX = "fax"
    PHONE = "phone"
    PORTAL = "portal"

    def __str__(self) -> str:
        return str(self.value)
