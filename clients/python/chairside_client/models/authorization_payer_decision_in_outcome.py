from enum import StrEnum


class AuthorizationPayerDecisionInOutcome(StrEnum):
    APPROVED = "approved"
    DENIED = "denied"

    def __str__(self) -> str:
        return str(self.value)
