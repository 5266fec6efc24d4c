from enum import StrEnum


class ReimbursementContractVersionInDrugPricing(StrEnum):
    ASP = "asp"
    AWP = "awp"
    FEE_SCHEDULE = "fee_schedule"

    def __str__(self) -> str:
        return str(self.value)
