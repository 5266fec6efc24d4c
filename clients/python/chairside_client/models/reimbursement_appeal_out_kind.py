from enum import StrEnum


class ReimbursementAppealOutKind(StrEnum):
    APPEAL = "appeal"
    REOPENING = "reopening"

    def __str__(self) -> str:
        return str(self.value)
