from enum import StrEnum


class AuthorizationRenewalOutReasonsItem(StrEnum):
    OUTSIDE_VALID_DATES = "outside_valid_dates"
    UNITS_EXCEEDED = "units_exceeded"

    def __str__(self) -> str:
        return str(self.value)
