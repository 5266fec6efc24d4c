from enum import StrEnum


class AuthorizationCoveragePolicyCoverage(StrEnum):
    CONDITIONAL = "conditional"
    COVERED = "covered"
    NOT_COVERED = "not-covered"

    def __str__(self) -> str:
        return str(self.value)
