from enum import StrEnum


class AuthorizationPlanDefaultCoverageType0(StrEnum):
    CONDITIONAL = "conditional"
    COVERED = "covered"
    NOT_COVERED = "not-covered"

    def __str__(self) -> str:
        return str(self.value)
