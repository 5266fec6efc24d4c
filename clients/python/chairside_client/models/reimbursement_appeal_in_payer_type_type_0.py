from enum import StrEnum


class ReimbursementAppealInPayerTypeType0(StrEnum):
    COMMERCIAL = "commercial"
    MEDICARE = "medicare"
    MEDICARE_ADVANTAGE = "medicare_advantage"

    def __str__(self) -> str:
        return str(self.value)
