from enum import StrEnum


class ReimbursementContractTermsOutDrugPricing(StrEnum):
    ASP = "asp"
    AWP = "awp"
    FEE_SCHEDULE = "fee_schedule"

    def __str__(self) -> str:
        return str(self.value)
