from enum import StrEnum


class ReimbursementEnrollmentOutStatus(StrEnum):
    ACTIVE = "active"
    PENDING = "pending"
    TERMINATED = "terminated"

    def __str__(self) -> str:
        return str(self.value)
