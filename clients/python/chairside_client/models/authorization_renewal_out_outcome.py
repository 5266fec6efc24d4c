from enum import StrEnum


class AuthorizationRenewalOutOutcome(StrEnum):
    BOOKED = "booked"
    HELD = "held"
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
