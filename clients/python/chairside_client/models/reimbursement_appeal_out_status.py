from enum import StrEnum


class ReimbursementAppealOutStatus(StrEnum):
    DECIDED = "decided"
    DRAFT = "draft"
    FILED = "filed"

    def __str__(self) -> str:
        return str(self.value)
