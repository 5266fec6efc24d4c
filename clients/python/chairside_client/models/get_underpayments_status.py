from enum import StrEnum


class GetUnderpaymentsStatus(StrEnum):
    FLAGGED = "flagged"
    OVERPAID = "overpaid"
    UNDERPAID = "underpaid"
    WITHIN_TOLERANCE = "within_tolerance"

    def __str__(self) -> str:
        return str(self.value)
