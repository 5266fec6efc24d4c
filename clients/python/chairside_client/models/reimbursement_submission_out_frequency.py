from enum import StrEnum


class ReimbursementSubmissionOutFrequency(StrEnum):
    VALUE_0 = "1"
    VALUE_1 = "7"
    VALUE_2 = "8"

    def __str__(self) -> str:
        return str(self.value)
