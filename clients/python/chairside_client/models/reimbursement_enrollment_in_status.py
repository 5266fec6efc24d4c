from enum import StrEnum


class ReimbursementEnrollmentInStatus(StrEnum):
    ACTIVE = "active"
    PENDING = "pending"
    TERMINATED = "terminated"

    def __str__(self) -> str:
        return str(self.value)
