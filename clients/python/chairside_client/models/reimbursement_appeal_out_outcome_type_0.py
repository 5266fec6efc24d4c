from enum import StrEnum


class ReimbursementAppealOutOutcomeType0(StrEnum):
    LOST = "lost"
    PARTIALLY_WON = "partially_won"
    WON = "won"

    def __str__(self) -> str:
        return str(self.value)
