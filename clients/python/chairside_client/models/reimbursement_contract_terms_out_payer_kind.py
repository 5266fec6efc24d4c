from enum import StrEnum


class ReimbursementContractTermsOutPayerKind(StrEnum):
    COMMERCIAL = "commercial"
    MEDICAID = "medicaid"
    MEDICARE = "medicare"
    MEDICARE_ADVANTAGE = "medicare_advantage"

    def __str__(self) -> str:
        return str(self.value)
