from enum import StrEnum


class ReimbursementDecisionInOutcome(StrEnum):
    LOST = "lost"
    PARTIALLY_WON = "partially_won"
    WON = "won"

    def __str__(self) -> str:
        return str(self.value)
