from enum import StrEnum


class AuthorizationRequirementApplies(StrEnum):
    BOTH = "both"
    INITIAL = "initial"
    RENEWAL = "renewal"

    def __str__(self) -> str:
        return str(self.value)
