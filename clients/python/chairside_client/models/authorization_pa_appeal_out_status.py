from enum import StrEnum


class AuthorizationPaAppealOutStatus(StrEnum):
    DECIDED = "decided"
    REQUESTED = "requested"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
