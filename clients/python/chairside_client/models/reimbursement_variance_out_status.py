from enum import StrEnum


class ReimbursementVarianceOutStatus(StrEnum):
    NO_RATE = "no_rate"
    OVERPAID = "overpaid"
    UNDERPAID = "underpaid"
    WITHIN_TOLERANCE = "within_tolerance"

    def __str__(self) -> str:
        return str(self.value)
