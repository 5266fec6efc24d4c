from enum import StrEnum


class AuthorizationCriterionOutStatus(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
