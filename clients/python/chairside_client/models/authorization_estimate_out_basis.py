from enum import StrEnum


class AuthorizationEstimateOutBasis(StrEnum):
    ALLOWED_AMOUNT = "allowed_amount"
    BENEFIT_FIGURES = "benefit_figures"

    def __str__(self) -> str:
        return str(self.value)
